/**
 * The seed documents' text as quotes are checked against: every file of
 * `seeds/manifest.json` read with `readDocument`, as extraction read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../documents/read.ts';
import { loadManifest } from '../knowledge/build.ts';
import { EvalError } from './score.ts';

/**
 * Reads every document of the manifest in `seedsDir`: document id → normalized text.
 * @throws EvalError `PLANWATCH_EVAL_BAD_DOCUMENT` when a seed cannot be read (a broken seed directory).
 * @example const texts = loadDocumentsText('seeds'); texts.get('004_8cc910abbb1174d9')?.slice(0, 13); // '2023年全省经信工作要点'
 */
export function loadDocumentsText(seedsDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const meta of loadManifest(seedsDir).documents) {
    const file = join(seedsDir, meta.file);
    const result = readDocument(readFileSync(file), { fileName: meta.file });
    if (!result.ok) throw new EvalError('PLANWATCH_EVAL_BAD_DOCUMENT', `eval: seed ${meta.id} (${file}) cannot be read: ${result.message}`);
    texts.set(meta.id, result.document.text);
  }
  return texts;
}
