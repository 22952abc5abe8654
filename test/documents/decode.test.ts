import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/documents/decode.ts';
import { readDocument } from '../../src/documents/read.ts';

const chinese = '浙江省2023年全省经信工作要点：力争规上工业增加值增长5.5%，数字经济核心产业增加值增长10%。';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeBytes', () => {
  it('reads strict UTF-8 as utf-8', () => {
    expect(decodeBytes(utf8(chinese))).toEqual({ ok: true, text: chinese, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(chinese)]);
    expect(decodeBytes(withBom)).toEqual({ ok: true, text: chinese, encoding: 'utf-8' });
  });

  it.each([
    ['gbk', iconv.encode(chinese, 'gbk')],
    ['gb2312', iconv.encode(chinese, 'gb2312')],
    ['gb18030', iconv.encode(chinese, 'gb18030')],
    ['gb18030 with BOM', new Uint8Array([0x84, 0x31, 0x95, 0x33, ...iconv.encode(chinese, 'gb18030')])],
  ])('reads %s bytes as gb18030', (_name, encoded) => {
    expect(decodeBytes(encoded)).toEqual({ ok: true, text: chinese, encoding: 'gb18030' });
  });

  it.each([
    ['no bytes', new Uint8Array(0), 'empty'],
    ['only whitespace', utf8(' \n\t\u3000\n'), 'empty'],
    ['NUL bytes', bytes(0x48, 0x00, 0x65, 0x00, 0x6c, 0x00), 'binary'],
    ['a PDF file', utf8('%PDF-1.7\n1 0 obj'), 'binary'],
    ['a ZIP (docx) file', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'binary'],
    ['many control characters', bytes(...Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x01 : 0x41))), 'binary'],
    ['UTF-16 text', bytes(0xff, 0xfe, 0x6d, 0x51, 0x5f, 0x6c), 'undecodable'],
    ['Latin-1 text', iconv.encode('Café crème brûlée à la carte, déjà vu', 'latin1'), 'undecodable'],
    ['random high bytes', bytes(...Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 127))), 'undecodable'],
  ])('refuses %s as %s', (_name, input, code) => {
    const result = decodeBytes(input, { fileName: 'upload.txt' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(/^upload\.txt: /);
    expect(result.message.length).toBeLessThan(120);
  });

  it('names "document" when no file name is given', () => {
    const result = decodeBytes(new Uint8Array(0));
    expect(result.ok === false && result.message).toBe('document: the file is empty');
  });
});

describe('readDocument refusals', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), 'empty'],
    ['scan.bin', bytes(0x00, 0x01, 0x02, 0x03, 0x41), 'binary'],
    ['latin1.txt', iconv.encode('Ménage à trois, façade, naïve', 'latin1'), 'undecodable'],
    ['scripts.html', new TextEncoder().encode('<html><script>var a = 1;</script><nav>首页</nav></html>'), 'empty'],
    ['chrome.txt', new TextEncoder().encode('当前位置: 首页\n打印本页 关闭窗口\n'), 'empty'],
  ])('refuses %s with code %s, as a value', (fileName, input, code) => {
    const result = readDocument(input, { fileName });
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && result.message).toContain(fileName);
  });
});
