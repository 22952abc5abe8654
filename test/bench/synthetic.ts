/**
 * A synthetic fact base for the benchmark: the real facts, then variations of
 * them (every region, years 2016–2030, new figures, metric qualifiers) up to
 * the asked count. Each variation's quote and context are its template's, of
 * real length, rewritten to state its own region and figure, so quotes are as
 * varied as in a real fact base and not 430 copies of each seed sentence.
 * Deterministic for a given seed.
 */
import type { Fact, Region } from '../../src/knowledge/schema.ts';

/** A small deterministic PRNG (mulberry32): the same seed gives the same fact base. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUALIFIERS = ['', '', '', '全省', '新增', '累计', '重点', '年度'];

/** The figure rewritten with a new number, keeping its unit and wording: "18万个" × 1.3 → "23.4万个". */
function scaleValue(value: string, factor: number): { value: string; scaled: boolean } {
  const m = /\d+(?:\.\d+)?/.exec(value);
  if (!m) return { value, scaled: false };
  const decimals = m[0].includes('.') ? m[0].split('.')[1]!.length : 0;
  const next = (Number(m[0]) * factor).toFixed(decimals);
  return { value: value.slice(0, m.index) + next + value.slice(m.index + m[0].length), scaled: true };
}

/**
 * `count` facts: every real fact first, then variations of random real facts.
 * Ids keep the contract's form (`zj-2023-0a1b2c3d`) and are unique.
 */
export function syntheticFacts(real: readonly Fact[], regions: readonly Region[], count: number, seed = 42): Fact[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const facts: Fact[] = real.slice(0, count);
  const seen = new Set(facts.map((f) => f.id));
  for (let i = 0; facts.length < count; i += 1) {
    const base = pick(real);
    const region = pick(regions);
    const year = base.year === null ? null : 2016 + Math.floor(random() * 15);
    const factor = 0.5 + random() * 1.5;
    const { value, scaled } = base.kind === 'program' ? { value: base.value, scaled: false } : scaleValue(base.value, factor);
    const id = `${region.code}-${year ?? 'x'}-${(Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const restate = (text: string) => text.replaceAll(base.region, region.name).replace(base.value, value);
    facts.push({
      ...base,
      citations: base.citations.map((c) => ({ ...c, quote: restate(c.quote), ...(c.context === undefined ? {} : { context: restate(c.context) }) })),
      id,
      region: region.name,
      city: null,
      metric: base.kind === 'program' ? base.metric : `${pick(QUALIFIERS)}${base.metric}`,
      value,
      number: scaled && base.number !== null ? base.number * factor : base.number,
      year,
      deadline: base.kind === 'target' && year !== null ? `${year}-12-31` : null,
    });
  }
  return facts;
}
