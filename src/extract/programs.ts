/**
 * Named programs and code names: “415X”, “2+6+N”, “33618”, “一号发展工程”,
 * with the definition whenever the text gives one: “4”是指…, 所谓…, or the
 * counts that spell the code out in the same sentence (4个万亿级…, 15个千亿级…).
 * A definition is always the document's own words; none is ever made up.
 */
import type { RegionIndex } from '../knowledge/regions.ts';
import { clauseAround, splitSentences, type Span } from './sentences.ts';

export interface ProgramMatch {
  name: string;
  metric: string;
  definition: string | null;
  region: string | null;
  /** Offset of `quote` in the paragraph. */
  quoteStart: number;
  quote: string;
}

const CODE = /^(?=[^\d]*\d)[0-9A-Za-z]+(?:[+×*·][0-9A-Za-z]+)*$/;
const NAMED = /^[\u4e00-\u9fa5]{2,10}(?:工程|行动|计划|战略)$/;
const UNQUOTED_CODE = /(?<![\d.A-Za-z+“"‘「])(\d+(?:\+(?:\d+|[A-Z]))+|\d{2,}[A-Z])(?![\d+])(?=[\u4e00-\u9fa5])/g;
/** A number code naming a program written right before it: 531产业链递进培育工程, 1269行动计划 (never a year or a count). */
const NUMBERED_PROGRAM = /(?<![\d.A-Za-z+“"‘「])(\d{3,5})(?=[\u4e00-\u9fa5]{0,12}(?:工程|行动|计划)(?![\u4e00-\u9fa5]{0,2}[\d]))(?![万亿千百个家项条台年月日元%])/g;
/** Wording that introduces a definition: a document's explicit definition wins over counts that spell a code out. */
export const EXPLICIT_DEFINITION = /“[^”]{1,8}”(?:是指|指的是|即|是)|是指|指的是|所谓/;
const COUNT = /(\d+)(?:个|大)(?=[\u4e00-\u9fa5“])/g;

function isCode(name: string): boolean {
  if (NAMED.test(name)) return true;
  if (!CODE.test(name)) return false;
  // Pure digits: only long codes (33618, 51020), never 2023 or 100.
  if (/^\d+$/.test(name)) return name.length >= 4 && !/^(?:19|20)\d{2}$/.test(name);
  return name.length >= 2 && !/^\d+[GKD]$/i.test(name);
}

/** The noun after a program name: “415X”先进制造业集群培育工程 → 先进制造业集群培育工程. */
function programMetric(sentence: string, nameEnd: number, nameStart: number): string {
  const after = /^的?([\u4e00-\u9fa5A-Za-z0-9]{2,20})/.exec(sentence.slice(nameEnd));
  // "“一号发展工程”和推进…": what follows a conjunction is the next item, not what the program is.
  if (after && !/^(?:和|及|与|或|等|以及)/.test(after[1]!)) return after[1]!.split(/是|为|指出|提出|要求|要/)[0]!;
  const before = /([\u4e00-\u9fa5]{2,10})$/.exec(sentence.slice(0, nameStart));
  const noun = before?.[1]!.replace(/^(?:深入|全面|加快|实施|推进|深化|落实|构建|打造|组织)+/, '') ?? '';
  return noun.length >= 2 ? noun : '';
}

/** The counts of the code's own numbers in the sentence ("4个…, 15个…" for 415X), as the clauses that state them. */
function componentDefinition(sentence: string, name: string): { start: number; end: number } | null {
  if (/^[\u4e00-\u9fa5]/.test(name)) return null;
  const digits = name.replace(/[^0-9]/g, '');
  const hits: number[] = [];
  for (const m of sentence.matchAll(COUNT)) {
    if (m[1]!.length <= digits.length && digits.includes(m[1]!)) hits.push(m.index!);
  }
  if (hits.length === 0) return null;
  const first = clauseAround(sentence, hits[0]!, hits[0]! + 1);
  const last = clauseAround(sentence, hits.at(-1)!, hits.at(-1)! + 1);
  return { start: first.start, end: last.end };
}

/**
 * Programs mentioned in `sentence` (a span of `paragraph`). A definition is looked
 * for in the sentence and the two after it.
 */
export function findPrograms(paragraph: string, sentence: Span, regions: RegionIndex): ProgramMatch[] {
  const s = sentence.text;
  const found: Array<{ name: string; start: number; end: number }> = [];
  // ‘…’ and 「…」 quote a name inside a quotation (“…积极打造‘3+3’未来产业链群。”).
  for (const m of s.matchAll(/[“"‘「]([^”"’」]{1,14})[”"’」]/g)) {
    if (isCode(m[1]!)) found.push({ name: m[1]!, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of s.matchAll(UNQUOTED_CODE)) {
    if (!found.some((f) => f.name === m[1])) found.push({ name: m[1]!, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of s.matchAll(NUMBERED_PROGRAM)) {
    if (/^(?:19|20)\d{2}$/.test(m[1]!) || found.some((f) => f.name === m[1])) continue;
    found.push({ name: m[1]!, start: m.index!, end: m.index! + m[0].length });
  }
  if (found.length === 0) return [];
  const following = splitSentences(paragraph.slice(sentence.end).replace(/^\n/, ' ')).slice(0, 2);
  const out: ProgramMatch[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    const region = regions.findMentions(s).filter((m) => m.end <= f.start).at(-1)?.region ?? null;
    const metric = programMetric(s, f.end, f.start) || f.name;
    let definition: string | null = null;
    let quoteStart = sentence.start;
    let quoteEnd = sentence.end;
    const explicit = [sentence, ...following.map((x) => ({ ...x, start: x.start + sentence.end, end: x.end + sentence.end }))]
      .filter((x, i) => EXPLICIT_DEFINITION.test(i === 0 ? x.text.slice(f.end - 0) : x.text));
    const counted = componentDefinition(s, f.name);
    if (explicit.length > 0) {
      definition = explicit.map((x) => x.text.trim()).join('');
      quoteEnd = explicit.at(-1)!.end;
    } else if (counted) {
      definition = s.slice(counted.start, counted.end).replace(/^[，,；;：:]+/, '');
    } else {
      const clause = clauseAround(s, f.start, f.end);
      quoteStart = sentence.start + clause.start;
      quoteEnd = sentence.start + clause.end;
    }
    out.push({
      name: f.name, metric, definition, region,
      quoteStart, quote: paragraph.slice(quoteStart, quoteEnd).replace(/[，,；;：:、]+$/, ''),
    });
  }
  return out;
}
