/**
 * Which facts belong to a subscription. Region and program are exact; the topic is
 * "matched like a question", so how is a function passed in (the lead plugs in the
 * search-based matcher); the default here compares normalized text.
 */
import { normalizeForMatch } from '../documents/normalize.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Selector } from './types.ts';

/** Whether `fact` is about `topic` (5G, 数字经济, 集成电路). */
export type TopicMatcher = (fact: Fact, topic: string) => boolean;

/** Whether `fact` belongs to a subscription's `selector`. */
export type FactMatcher = (fact: Fact, selector: Selector) => boolean;

/**
 * Default topic matcher: the normalized topic is contained in the fact's normalized metric,
 * value, city, definition or one of its quotes (full-width, case and spacing ignored).
 *
 * @example defaultTopicMatcher(henan5g, '５g') // true
 */
export const defaultTopicMatcher: TopicMatcher = (fact, topic) => {
  const needle = normalize(topic);
  if (!needle) return true;
  return haystacksOf(fact).some((h) => h.includes(needle));
};

/** normalizeForMatch plus case folding (5g = 5G). */
function normalize(text: string): string {
  return normalizeForMatch(text).toLowerCase();
}

// Facts are immutable once loaded; normalizing their text once per fact keeps ticks cheap.
const haystackCache = new WeakMap<Fact, string[]>();

function haystacksOf(fact: Fact): string[] {
  let cached = haystackCache.get(fact);
  if (!cached) {
    cached = [fact.metric, fact.value, fact.city ?? '', fact.definition ?? '', ...fact.citations.map((c) => c.quote)]
      .filter((h) => h !== '')
      .map(normalize);
    haystackCache.set(fact, cached);
  }
  return cached;
}

/** Whether `fact` is the program `program` or one of its citations names it. */
export function mentionsProgram(fact: Fact, program: string): boolean {
  const needle = normalize(program);
  if (!needle) return true;
  if (fact.kind === 'program' && normalize(fact.value) === needle) return true;
  return fact.citations.some((c) => normalize(c.quote).includes(needle));
}

/**
 * Builds the subscription matcher. Every non-null selector field must match (AND); a selector
 * with all fields null matches every fact.
 *
 * @example
 * const matches = createFactMatcher();          // default topic matcher
 * matches(fact, { region: '河南', program: null, topic: '5G' });
 */
export function createFactMatcher(topicMatcher: TopicMatcher = defaultTopicMatcher): FactMatcher {
  return (fact, selector) => {
    if (selector.region !== null && fact.region !== selector.region) return false;
    if (selector.program !== null && !mentionsProgram(fact, selector.program)) return false;
    if (selector.topic !== null && !topicMatcher(fact, selector.topic)) return false;
    return true;
  };
}
