/**
 * The hand-curated glossary (`knowledge/glossary.json`): metric synonym groups in Chinese
 * and English, and the domain words the segmenter keeps whole.
 *
 * A synonym group is one meaning: 营业收入 = 营收 = revenue. Questions are mapped onto the
 * group's canonical Chinese term; the index may search all of the group's Chinese forms.
 */
import { join } from 'node:path';
import { Glossary, type SynonymGroup } from './schema.ts';
import { describeZodError, KnowledgeFileError, readJsonFile } from './regions.ts';

/** One English phrase of a glossary group found in a text. Offsets are UTF-16, `end` exclusive. */
export interface EnglishTermMatch {
  /** The text as written: "5G base stations". */
  term: string;
  /** The group's canonical Chinese term: 5G基站. */
  canonical: string;
  start: number;
  end: number;
}

/** Synonym lookups over one glossary. */
export interface SynonymMap {
  /** Canonical Chinese term of a Chinese or English form (营收 → 营业收入, revenue → 营业收入); the input unchanged when unknown. */
  canonical(term: string): string;
  /** Every Chinese form of the term's group, canonical first (营收 → [营业收入, 营收, 主营业务收入, 业务收入]); `[term]` when unknown. */
  expand(term: string): string[];
  /** The group of a Chinese or English form, or undefined. */
  group(term: string): SynonymGroup | undefined;
  /**
   * English glossary phrases in a text, left to right, longest first, non-overlapping,
   * case-insensitive, tolerant of plurals, hyphens and thousands separators
   * ("5G Base Stations" and "base stations per 10000 people" both match).
   */
  english(text: string): EnglishTermMatch[];
  /** Every Chinese form of every group plus `glossary.terms`, deduplicated, longest first. */
  terms: string[];
}

/**
 * Reads and validates `<knowledgeDir>/glossary.json`.
 *
 * @throws KnowledgeFileError naming the file, the entry (index and canonical term) and the
 *   field when the file is missing, malformed or invalid, or a term is in two groups.
 * @example
 * const synonyms = createSynonymMap(loadGlossary('knowledge'));
 * synonyms.canonical('营收'); // '营业收入'
 */
export function loadGlossary(knowledgeDir: string): Glossary {
  const file = join(knowledgeDir, 'glossary.json');
  const data = readJsonFile(file);
  const parsed = Glossary.safeParse(data);
  if (!parsed.success) {
    throw new KnowledgeFileError(file, describeZodError(file, parsed.error, data, 'synonyms'));
  }
  try {
    createSynonymMap(parsed.data);
  } catch (error) {
    throw new KnowledgeFileError(file, `${file}: ${(error as Error).message}`);
  }
  return parsed.data;
}

/** Lower-cases, unifies plurals (stations → station, companies → company) and drops thousands separators. */
function stem(word: string): string {
  let w = word.toLowerCase();
  if (/^[\d,]+$/.test(w)) return w.replace(/,/g, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

interface Token {
  stem: string;
  start: number;
  end: number;
}

/** Words of Latin text: letters, digits, & and thousands separators; everything else separates. */
const wordPattern = /\d{1,3}(?:,\d{3})+(?!\d)|[A-Za-z0-9&]+/g;

function tokenize(text: string): Token[] {
  return [...text.matchAll(wordPattern)].map((m) => ({ stem: stem(m[0]), start: m.index, end: m.index + m[0].length }));
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  canonical?: string;
}

/**
 * Indexes a glossary for synonym lookups and English phrase matching.
 *
 * @throws Error (`glossary: ...`) when one Chinese or English term belongs to two groups.
 * @example
 * const synonyms = createSynonymMap(loadGlossary('knowledge'));
 * synonyms.english('How many 5G base stations?'); // [{ term: '5G base stations', canonical: '5G基站', start: 9, end: 25 }]
 */
export function createSynonymMap(glossary: Glossary): SynonymMap {
  const byChinese = new Map<string, SynonymGroup>();
  const byEnglish = new Map<string, SynonymGroup>();
  const phrases: PhraseNode = { next: new Map() };

  for (const group of glossary.synonyms) {
    for (const term of [group.canonical, ...group.synonyms]) {
      const owner = byChinese.get(term);
      if (owner && owner !== group) {
        throw new Error(`glossary: term "${term}" is in the groups of both ${owner.canonical} and ${group.canonical}`);
      }
      byChinese.set(term, group);
    }
    for (const phrase of group.english) {
      const tokens = tokenize(phrase).map((t) => t.stem);
      const key = tokens.join(' ');
      if (tokens.length === 0) throw new Error(`glossary: English term "${phrase}" of ${group.canonical} has no words`);
      const owner = byEnglish.get(key);
      if (owner && owner !== group) {
        throw new Error(`glossary: English term "${phrase}" is in the groups of both ${owner.canonical} and ${group.canonical}`);
      }
      byEnglish.set(key, group);
      let node = phrases;
      for (const token of tokens) {
        let child = node.next.get(token);
        if (!child) {
          child = { next: new Map() };
          node.next.set(token, child);
        }
        node = child;
      }
      node.canonical = group.canonical;
    }
  }

  const terms = [...new Set([...byChinese.keys(), ...glossary.terms])].sort((a, b) => b.length - a.length);

  const group = (term: string): SynonymGroup | undefined => {
    const key = term.trim();
    return byChinese.get(key) ?? byEnglish.get(tokenize(key).map((t) => t.stem).join(' '));
  };

  return {
    terms,
    group,
    canonical(term) {
      return group(term)?.canonical ?? term;
    },
    expand(term) {
      const found = group(term);
      return found ? [found.canonical, ...found.synonyms] : [term];
    },
    english(text) {
      const tokens = tokenize(text);
      const matches: EnglishTermMatch[] = [];
      let i = 0;
      while (i < tokens.length) {
        let node = phrases.next.get(tokens[i]!.stem);
        let best: { canonical: string; last: number } | undefined;
        let j = i;
        while (node) {
          if (node.canonical) best = { canonical: node.canonical, last: j };
          j += 1;
          if (j >= tokens.length) break;
          node = node.next.get(tokens[j]!.stem);
        }
        if (!best) {
          i += 1;
          continue;
        }
        const start = tokens[i]!.start;
        const end = tokens[best.last]!.end;
        matches.push({ term: text.slice(start, end), canonical: best.canonical, start, end });
        i = best.last + 1;
      }
      return matches;
    },
  };
}
