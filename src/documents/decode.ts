/**
 * Bytes → text: UTF-8 (strict) or GB18030/GBK, with binary and garbage refused
 * as values. One linear scan over the bytes decides, then one decode.
 */
import iconv from 'iconv-lite';

/** Why a file cannot be read as a document. */
export type RefusalCode = 'empty' | 'binary' | 'undecodable';

/** A file that is not a readable document, with a short English message naming the file. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}

/** The outcome of {@link decodeBytes}. */
export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | Refusal;

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** Named in refusal messages. Default: none ("document"). */
  fileName?: string;
}

/** Magic numbers of formats people drop in by mistake, so the message can say what it is. */
const MAGIC: Array<{ bytes: number[]; kind: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF file (copy its text into a .txt file)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP or Office file (save it as text)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Office file (save it as text)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function refuse(code: RefusalCode, detail: string, fileName: string | undefined): Refusal {
  return { ok: false, code, message: `${fileName ?? 'document'}: ${detail}` };
}

/** Counts of what a GB18030 reading of the bytes would contain. */
interface GbScan {
  /** Multi-byte sequences (2 or 4 bytes). */
  multi: number;
  /** Two-byte sequences in the GB2312 punctuation rows and level-1 Han: what real Chinese text is made of. */
  common: number;
  /** Lead bytes without a valid trail. */
  invalid: number;
}

function scanGb18030(bytes: Uint8Array): GbScan {
  let multi = 0;
  let common = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      invalid++;
      i++;
      continue;
    }
    const b2 = bytes[i + 1];
    if (b2 === undefined) {
      invalid++;
      break;
    }
    if (b2 >= 0x30 && b2 <= 0x39) {
      // Four-byte sequence: lead, digit, lead, digit.
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 !== undefined && b4 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        multi++;
        i += 4;
      } else {
        invalid++;
        i++;
      }
      continue;
    }
    if (b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f) {
      multi++;
      if (b2 >= 0xa1 && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xd7))) common++;
      i += 2;
      continue;
    }
    invalid++;
    i++;
  }
  return { multi, common, invalid };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Control characters that never occur in text (C0 except tab, newlines, form feed; DEL). */
function countControls(bytes: Uint8Array): { nul: number; other: number } {
  let nul = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) other++;
  }
  return { nul, other };
}

const NOT_BLANK = /[^\s\u200b\u200c\u200d\ufeff]/;

/**
 * Decodes a document's bytes: BOM-aware, strict UTF-8 first, else GB18030
 * (which includes GBK and GB2312) when the bytes look like Chinese text.
 * Empty or blank files, binary files (NUL bytes, control characters, known
 * binary formats, UTF-16) and anything else that does not read as text are
 * refused with a code and a message naming the file. Never throws.
 *
 * @example
 * const r = decodeBytes(readFileSync('seeds/004.txt'), { fileName: '004.txt' });
 * if (r.ok) console.log(r.encoding, r.text.length);
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const { fileName } = options;
  if (bytes.length === 0) return refuse('empty', 'the file is empty', fileName);

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse('undecodable', 'UTF-16 text is not supported: save the file as UTF-8', fileName);
  }
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return refuse('binary', `this is ${magic.kind}, not a text document`, fileName);

  const controls = countControls(bytes);
  if (controls.nul > 0) return refuse('binary', 'binary data (NUL bytes), not a text document', fileName);
  if (controls.other > Math.max(8, bytes.length * 0.01)) {
    return refuse('binary', 'binary data (control characters), not a text document', fileName);
  }

  let text: string | undefined;
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  const gbBom = startsWith(bytes, [0x84, 0x31, 0x95, 0x33]);
  if (!gbBom) {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) {
    const scan = scanGb18030(gbBom ? bytes.subarray(4) : bytes);
    const looksChinese =
      gbBom ||
      (scan.multi > 0 &&
        scan.invalid <= Math.max(1, scan.multi * 0.005) &&
        scan.common >= scan.multi * 0.7);
    if (!looksChinese) {
      return refuse('undecodable', 'not valid UTF-8, and does not read as GB18030/GBK Chinese text either', fileName);
    }
    text = iconv.decode(gbBom ? bytes.subarray(4) : bytes, 'gb18030');
    encoding = 'gb18030';
  }
  if (!NOT_BLANK.test(text)) return refuse('empty', 'the file contains only whitespace', fileName);
  return { ok: true, text, encoding };
}
