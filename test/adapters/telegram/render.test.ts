import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.ts';
import { escapeHtml, htmlToPlainText, renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import { parseTelegramHtml } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch } from '../../support/planwatch.ts';
import { longAnswer } from './helpers.ts';

const { planwatch } = await createTestPlanwatch();
const base = planwatch.ask('河南5G基站目标');
const fact = base.facts[0]!;

function valid(html: string): string {
  const check = parseTelegramHtml(html);
  if (!check.ok) throw new Error(`${check.error}\n${html}`);
  return check.text;
}

function hostile(): Answer {
  const evil = '<b>x</b> & <script>alert("1")</script> &amp;';
  const c = fact.citations[0]!;
  return {
    ...base,
    headline: `${evil} 目标 ${fact.figure}`,
    figure: fact.figure,
    notes: [evil],
    sources: [{ ...c, n: 1, factId: fact.id, title: evil, quote: evil, url: 'https://example.org/a?x=1&y="2"><script>' }],
  };
}

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['&amp;', '&amp;amp;'],
    ['增长10%', '增长10%'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(valid(escapeHtml(input))).toBe(input);
  });
});

describe('renderAnswerHtml', () => {
  it('bolds the figure and shows the citation with its quote in a blockquote', () => {
    const html = renderAnswerHtml(base);
    const text = valid(html);
    expect(html).toContain(`<b>${escapeHtml(base.figure!)}</b>`);
    expect(html).toContain(`<blockquote>${escapeHtml(base.sources[0]!.quote)}</blockquote>`);
    expect(text).toContain(base.sources[0]!.title);
    expect(text).toContain(base.headline);
  });

  it('links the source title only for http(s) URLs', () => {
    const c = fact.citations[0]!;
    const withUrl = (url: string | null) => renderAnswerHtml({ ...base, sources: [{ ...c, n: 1, factId: fact.id, url }] });
    const links = (url: string | null) => (parseTelegramHtml(withUrl(url)) as { links: string[] }).links;
    expect(links('https://example.gov.cn/a.html')).toEqual(['https://example.gov.cn/a.html']);
    expect(links('http://example.gov.cn/b')).toEqual(['http://example.gov.cn/b']);
    expect(links('javascript:alert(1)')).toEqual([]);
    expect(links('/relative/path')).toEqual([]);
    expect(links(null)).toEqual([]);
  });

  it('escapes everything from documents and users: markup is shown, never interpreted', () => {
    const answer = hostile();
    const html = renderAnswerHtml(answer);
    const check = parseTelegramHtml(html);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(html).not.toMatch(/<script/i);
    expect(check.tags.filter((t) => t === 'a')).toHaveLength(1);
    expect(check.links[0]).toContain('example.org');
    expect(check.links[0]).not.toContain('<');
    expect(check.text).toContain(answer.headline);
    expect(check.text).toContain(answer.notes[0]);
    expect(check.text).toContain(answer.sources[0]!.title);
    expect(check.text).toContain(answer.sources[0]!.quote);
  });

  it('renders rows aligned, one per line, each figure in bold with its source number', () => {
    const answer = longAnswer(fact, 3);
    const html = renderAnswerHtml(answer);
    const text = valid(html);
    for (const row of answer.rows) {
      expect(html).toContain(`<b>${escapeHtml(row.figure)}</b> [${row.source}]`);
      expect(text).toContain(row.metric);
    }
  });

  it('shows every quote when expanded, only the first three otherwise', () => {
    const answer = longAnswer(fact, 6);
    const quotes = (html: string) => (html.match(/<blockquote>/g) ?? []).length;
    expect(quotes(renderAnswerHtml(answer))).toBe(3);
    expect(quotes(renderAnswerHtml(answer, { expanded: true }))).toBe(6);
  });

  it('shows a refusal with its reason and the nearest facts, each with its figure in bold', () => {
    const refusal = planwatch.ask('广东5G基站目标');
    expect(refusal.answered).toBe(false);
    expect(refusal.suggestions.length).toBeGreaterThan(0);
    const html = renderAnswerHtml(refusal);
    const text = valid(html);
    expect(text).toContain(refusal.reason ?? refusal.headline);
    for (const s of refusal.suggestions) {
      expect(text).toContain(s.metric);
      expect(html).toContain(`<b>${escapeHtml(s.figure)}</b>`);
      expect(text).toContain(s.citations[0]!.title);
    }
  });

  it('renders an answer without structure (help) as its escaped text', () => {
    const help = { ...planwatch.help(), text: `${planwatch.help().text}\n<i>&` };
    expect(valid(renderAnswerHtml(help))).toBe(help.text);
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['an answer', renderAnswerHtml(base)],
    ['a hostile answer', renderAnswerHtml(hostile())],
    ['a refusal', renderAnswerHtml(planwatch.ask('广东5G基站目标'))],
  ])('%s: the text a user reads of the HTML, never longer', (_name, html) => {
    expect(htmlToPlainText(html)).toBe(valid(html));
    expect(htmlToPlainText(html).length).toBeLessThanOrEqual(html.length);
  });
});

describe('splitMessage', () => {
  const long = renderAnswerHtml(longAnswer(fact, 60), { expanded: true });

  it('the long answer is over 9,000 characters', () => expect(long.length).toBeGreaterThan(9000));

  it.each([
    ['a 9,000+ character answer at 4096', long, 4096],
    ['the same answer at 1000', long, 1000],
    ['the same answer at 97 (lines longer than the limit)', long, 97],
    ['one long bold line without newlines', `<b>${'增长10%😀&amp;'.repeat(900)}</b>`, 500],
    ['a link cut in the middle', `<a href="https://example.org/?a=1&amp;b=2">${'标题'.repeat(300)}</a>`, 120],
    ['nested tags across lines', `<blockquote><b>${'第一行\n'.repeat(200)}</b></blockquote>`, 64],
  ])('%s: parts fit, are valid, keep the text in order', (_name, html, limit) => {
    expect(html.length).toBeGreaterThan(limit);
    const parts = splitMessage(html, limit);
    expect(parts.length).toBeGreaterThan(1);
    const texts = parts.map((p) => {
      expect(p.length).toBeLessThanOrEqual(limit);
      return valid(p);
    });
    // Only the newlines at cuts are dropped; nothing else is lost, duplicated or reordered.
    expect(texts.join('').replace(/\n/g, '')).toBe(valid(html).replace(/\n/g, ''));
    // No lone surrogate at either end of a part.
    for (const t of texts) expect(t).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('cuts at line boundaries when a line fits', () => {
    const html = Array.from({ length: 40 }, (_, i) => `第${i}行 <b>${i}%</b>`).join('\n');
    const parts = splitMessage(html, 100);
    const lines = html.split('\n');
    expect(parts.join('\n')).toBe(html);
    for (const p of parts) for (const line of p.split('\n')) expect(lines).toContain(line);
  });

  it.each([
    ['short text stays whole', 'hello <b>world</b>', 4096, ['hello <b>world</b>']],
    ['a cut inside bold closes and reopens it', '<b>aaa\nbbb</b>', 10, ['<b>aaa</b>', '<b>bbb</b>']],
    ['whitespace-only parts are dropped', 'aaaa\n\n\n\nbbbb', 5, ['aaaa', 'bbbb']],
  ])('%s', (_name, html, limit, expected) => {
    expect(splitMessage(html, limit)).toEqual(expected);
  });

  it('refuses a limit too small for the open tags', () => {
    expect(() => splitMessage('<blockquote>text</blockquote>', 10)).toThrow(/telegram: cannot split/);
  });
});
