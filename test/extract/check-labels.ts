/**
 * Checks a held-out round's label file without running the extractor, so a writer can validate labels before the
 * round is frozen: `npx tsx test/extract/check-labels.ts test/fixtures/unseenN/labels-x.json`.
 *
 * Each label must parse (schema), name a listed document whose file exists, hold a figure-shaped value, quote the
 * decoded document (whitespace, full-width forms and traditional characters aside) and contain its value inside the
 * quote. Prints the required/optional count per document and exits non-zero when any label is bad.
 */
import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { figureKey, labelFigure, loadLabelFile } from './unseen-support.ts';

function check(path: string): number {
  const url = new URL(path, `file://${process.cwd()}/`);
  const file = loadLabelFile(url);
  const texts = new Map<string, string>();
  let bad = 0;
  const complain = (i: number, why: string): void => {
    bad += 1;
    console.log(`label ${i + 1}: ${why}`);
  };
  for (const doc of file.documents) {
    const docUrl = new URL(doc.file, url);
    if (!existsSync(docUrl)) {
      console.log(`document ${doc.id}: file ${doc.file} is missing`);
      bad += 1;
      continue;
    }
    texts.set(doc.id, normalizeForMatch(iconv.decode(readFileSync(docUrl), doc.encoding)));
  }
  const counts = new Map<string, { required: number; optional: number }>();
  file.labels.forEach((label, i) => {
    const text = texts.get(label.doc);
    if (text === undefined) return complain(i, `unknown document ${label.doc}`);
    if (figureKey(labelFigure(label)) === null) return complain(i, `value ${labelFigure(label)} is not figure-shaped`);
    if (label.unit !== undefined && !/^\d+(?:\.\d+)?$/.test(label.value)) return complain(i, `unit ${label.unit} given for a value with its own unit: ${label.value}`);
    const quote = normalizeForMatch(label.quote);
    if (!text.includes(quote)) return complain(i, `quote not in ${label.doc}: ${label.quote}`);
    if (!quote.includes(normalizeForMatch(label.value).replace(/(以上|左右|以下|以内)$/u, ''))) {
      return complain(i, `value ${label.value} not inside its quote: ${label.quote}`);
    }
    const count = counts.get(label.doc) ?? { required: 0, optional: 0 };
    if (label.optional === undefined) count.required += 1;
    else count.optional += 1;
    counts.set(label.doc, count);
  });
  console.log(`\n${path}\n| doc | required | optional |\n|---|---|---|`);
  let required = 0;
  let optional = 0;
  for (const doc of file.documents) {
    const count = counts.get(doc.id) ?? { required: 0, optional: 0 };
    required += count.required;
    optional += count.optional;
    console.log(`| ${doc.id} | ${count.required} | ${count.optional} |`);
  }
  console.log(`| total | ${required} | ${optional} |\n${file.labels.length} labels, ${bad} bad`);
  return bad;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npx tsx test/extract/check-labels.ts LABELS.json...');
  process.exit(2);
}
let bad = 0;
for (const path of paths) bad += check(path);
process.exit(bad === 0 ? 0 : 1);
