/**
 * Raw facts from every document → the fact base. The same figure reported by
 * two documents (or a headline and its body) becomes one fact with one
 * citation per document; ids are stable hashes of what the fact says.
 */
import { createHash } from 'node:crypto';
import type { Fact } from '../knowledge/schema.ts';
import type { RawFact } from './extract.ts';
import { metricKey } from './metric.ts';
import { EXPLICIT_DEFINITION } from './programs.ts';

function hash8(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 8);
}

function bucketKey(f: RawFact): string {
  return [f.region, f.kind, f.year ?? 'x', f.number, f.numberMax ?? '', f.unit ?? ''].join('|');
}

/** Heading quotes last; within a document the first place wins. */
function citationOrder(a: RawFact, b: RawFact): number {
  return Number(a.heading) - Number(b.heading) || a.citation.offset - b.citation.offset;
}

function citations(group: RawFact[]): Fact['citations'] {
  const byDocument = new Map<string, RawFact>();
  for (const f of [...group].sort(citationOrder)) if (!byDocument.has(f.citation.document)) byDocument.set(f.citation.document, f);
  return [...byDocument.values()]
    .map((f) => f.citation)
    .sort((a, b) => a.date.localeCompare(b.date) || a.document.localeCompare(b.document));
}

/**
 * Who speaks for a group: for a figure the most specific metric (every other one is its tail), the body's
 * wording on a tie; for a program its earliest mention.
 */
function toFact(group: RawFact[], id: string, keyOf: (metric: string) => string): Fact {
  const order = group[0]!.kind === 'program'
    ? (a: RawFact, b: RawFact) => a.citation.date.localeCompare(b.citation.date) || citationOrder(a, b)
    : (a: RawFact, b: RawFact) => keyOf(b.metric).length - keyOf(a.metric).length || Number(a.heading) - Number(b.heading);
  const best = [...group].sort(order)[0]!;
  return {
    id, kind: best.kind, region: best.region, city: group.find((g) => g.city)?.city ?? null, metric: best.metric,
    value: best.value, comparator: best.comparator, hedge: best.hedge, number: best.number, numberMax: best.numberMax,
    unit: best.unit, year: best.year, deadline: best.deadline, definition: best.definition, citations: citations(group),
  };
}

/** Options of {@link mergeFacts}. */
export interface MergeOptions {
  /** Comparison key of a metric, synonyms folded (see `createMetricCanonicalizer`). Default: {@link metricKey}. */
  metricKey?: (metric: string) => string;
}

/** A metric prefix naming a place below the region: 镇海区, 慈溪市, 德清县, 高新区. */
const PLACE_END = /(?:区|县|市|镇|乡|旗|街道)$/;

/**
 * Merges raw facts into facts. `regionCode` gives the id prefix of a region (浙江 → zj).
 * @example mergeFacts(extractFacts(doc, regions), (r) => index.resolve(r)?.code ?? 'cn')
 */
/** What a longer metric adds names a place: a district (镇海区), or the city of its facts that the other's lack (大庆). */
function addsPlace(prefix: string, longer: RawFact[], f: RawFact): boolean {
  return PLACE_END.test(prefix) || longer.some((m) => m.city !== null && m.city !== f.city && prefix.includes(m.city));
}

export function mergeFacts(raw: RawFact[], regionCode: (region: string) => string, options: MergeOptions = {}): Fact[] {
  const keyOf = options.metricKey ?? metricKey;
  const facts: Fact[] = [];
  const make = (group: RawFact[], key: string): Fact => {
    const fact = toFact(group, '', keyOf);
    return { ...fact, id: `${regionCode(fact.region)}-${fact.year ?? 'x'}-${hash8(key)}` };
  };

  // Figures: same region, kind, year and figure, and one metric the tail of the other (核心产业增加值 ⊂ 数字经济核心产业增加值),
  // unless what the longer one adds is a place (镇海区工业投资 is not the city's 工业投资).
  const buckets = new Map<string, RawFact[]>();
  for (const f of raw) {
    if (f.kind === 'program') continue;
    const k = bucketKey(f);
    buckets.set(k, [...(buckets.get(k) ?? []), f]);
  }
  for (const [k, bucket] of buckets) {
    const clusters: Array<{ key: string; members: RawFact[] }> = [];
    for (const f of [...bucket].sort((a, b) => keyOf(b.metric).length - keyOf(a.metric).length)) {
      const key = keyOf(f.metric);
      const home = clusters.find((c) => c.key === key || (c.key.endsWith(key) && !addsPlace(c.key.slice(0, -key.length), c.members, f)));
      if (home) home.members.push(f);
      else clusters.push({ key, members: [f] });
    }
    for (const c of clusters) facts.push(make(c.members, `${k}|${c.key}`));
  }

  // Programs: per document keep one mention, the first that defines the program (an explicit definition,
  // "“4”是指…", before counts that spell the code out); across documents an identical definition is one fact
  // with several citations, a different one is a fact of its own.
  const programs = raw.filter((f) => f.kind === 'program');
  const perDocument = new Map<string, RawFact[]>();
  for (const p of programs) {
    const k = `${p.region}|${p.value}|${p.citation.document}`;
    perDocument.set(k, [...(perDocument.get(k) ?? []), p]);
  }
  const kept: RawFact[] = [];
  for (const group of perDocument.values()) {
    const rank = (p: RawFact): number => (p.definition === null ? 2 : EXPLICIT_DEFINITION.test(p.definition) ? 0 : 1);
    kept.push([...group].sort((a, b) => rank(a) - rank(b) || citationOrder(a, b))[0]!);
  }
  const byDefinition = new Map<string, RawFact[]>();
  for (const p of kept) {
    const k = `${p.region}|program|${p.value}|${p.definition ? metricKey(p.definition) : 'undefined:'}`;
    byDefinition.set(k, [...(byDefinition.get(k) ?? []), p]);
  }
  // A mention without a definition is dropped when the same program of the same region has a defined fact:
  // that fact already cites the program, and a mention's quote would not state the definition.
  for (const k of [...byDefinition.keys()]) {
    if (!k.endsWith('|undefined:')) continue;
    const prefix = k.slice(0, -'undefined:'.length);
    if ([...byDefinition.keys()].some((k2) => k2 !== k && k2.startsWith(prefix))) byDefinition.delete(k);
  }
  for (const [k, group] of byDefinition) facts.push(make(group, k));

  return facts.sort((a, b) => a.region.localeCompare(b.region, 'zh') || (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id));
}
