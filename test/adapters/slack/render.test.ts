/**
 * The Block Kit renderer, in process: escaping, layout, and Slack's limits
 * (checked with the fake Slack's own validator, which refuses what Slack refuses).
 */
import { describe, expect, it } from 'vitest';
import { actionIds, decodeFeedbackValue } from '../../../adapters/slack/actions.ts';
import {
  clipMrkdwn,
  escapeMrkdwn,
  overflowMessages,
  plainMessageText,
  renderAnswerBlocks,
  splitMrkdwn,
  type RenderedAnswer,
} from '../../../adapters/slack/render.ts';
import { Answer } from '../../../src/answer/types.ts';
import { messageProblem } from '../../fakes/slack-api.ts';
import { createTestPlanwatch } from '../../support/planwatch.ts';
import { buttonsOf, shownTexts } from './harness.ts';

const { planwatch } = await createTestPlanwatch();
const value = planwatch.ask('浙江数字经济核心产业增加值目标');
const refusal = planwatch.ask('广东5G基站目标');

/** The answer with its first source pointing at `url`. */
function withUrl(url: string | null): Answer {
  return { ...value, sources: value.sources.map((s, i) => (i === 0 ? { ...s, url } : s)) };
}

/** An answer listing `n` facts as rows with one source each, valid against the contract. */
function listAnswer(n: number, quoteRepeat = 1): Answer {
  const fact = value.facts[0]!;
  const facts = Array.from({ length: n }, (_, i) => ({ ...fact, id: `zj-2023-${String(i).padStart(8, '0')}`, metric: `第${i}项${fact.metric}` }));
  return Answer.parse({
    ...value,
    intent: 'list',
    headline: `浙江 2023年目标（${n}项）`,
    figure: null,
    rows: facts.map((f, i) => ({ region: f.region, year: f.year, metric: f.metric, figure: `增长${i}%`, kind: f.kind, source: i + 1, factId: f.id })),
    sources: facts.map((f, i) => ({ ...f.citations[0]!, quote: f.citations[0]!.quote.repeat(quoteRepeat), n: i + 1, factId: f.id })),
    facts: facts.slice(0, 10),
  });
}

function allShown(r: RenderedAnswer): string {
  return [...shownTexts({ text: r.text, blocks: r.blocks }), ...r.overflow].join('\n');
}

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt; stays visible', '&amp;lt; stays visible'],
    ['增长5.5%', '增长5.5%'],
  ])('%s → %s', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('renderAnswerBlocks', () => {
  it('renders a value answer: bold figure, one context per source, fallback with headline and citation', () => {
    const r = renderAnswerBlocks(value);
    const [main, ...rest] = r.blocks;
    expect(main).toMatchObject({ type: 'section' });
    expect(shownTexts({ blocks: [main] })[0]).toContain(`\u200B*${value.figure}*\u200B`);
    const contexts = rest.filter((b) => b.type === 'context');
    expect(contexts).toHaveLength(value.sources.length);
    expect(shownTexts({ blocks: contexts }).join('\n')).toContain(`${value.sources[0]!.title}`);
    expect(r.text).toContain(value.headline);
    expect(r.text).toContain(value.sources[0]!.title);
    expect(r.overflow).toEqual([]);
    expect(messageProblem({ text: r.text, blocks: r.blocks })).toBeUndefined();
  });

  it.each([
    ['https with query', 'https://example.gov.cn/a?b=1&c=2', '<https://example.gov.cn/a?b=1&amp;c=2|'],
    ['http', 'http://example.gov.cn/x.html', '<http://example.gov.cn/x.html|'],
    ['a bar in the URL', 'https://example.gov.cn/a|b', '<https://example.gov.cn/a%7Cb|'],
    ['angle brackets in the URL', 'https://example.gov.cn/<!channel>', '<https://example.gov.cn/%3C!channel%3E|'],
  ])('links the source title for %s', (_name, url, expected) => {
    const shown = shownTexts(renderAnswerBlocks(withUrl(url))).join('\n');
    expect(shown).toContain(expected);
    expect(shown).not.toContain('<!channel>');
  });

  it.each([
    ['no URL', null],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['not a URL', 'example.gov.cn/a'],
  ])('shows the title without a link for %s', (_name, url) => {
    const contexts = renderAnswerBlocks(withUrl(url)).blocks.filter((b) => b.type === 'context');
    const first = shownTexts({ blocks: contexts })[0]!;
    expect(first).toContain(escapeMrkdwn(value.sources[0]!.title));
    expect(first).not.toMatch(/</);
  });

  it('renders a refusal with its reason and the nearest facts, and feedback without fact ids', () => {
    expect(refusal.answered).toBe(false);
    expect(refusal.suggestions.length).toBeGreaterThan(0);
    const r = renderAnswerBlocks(refusal);
    const shown = shownTexts(r).join('\n');
    expect(shown).toContain(escapeMrkdwn(refusal.reason!));
    for (const s of refusal.suggestions) expect(shown).toContain(`*${escapeMrkdwn(s.figure)}*`);
    const feedback = buttonsOf(r).find((b) => b.action_id === actionIds.feedbackUp);
    expect(decodeFeedbackValue(feedback?.value)).toEqual({ q: refusal.question, f: [], l: refusal.language });
  });

  it('renders rows as section fields, ten per section', () => {
    const list = listAnswer(12);
    const r = renderAnswerBlocks(list);
    const fieldSections = r.blocks.filter((b) => b.type === 'section' && b.fields !== undefined);
    expect(fieldSections.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 2]);
    const shown = shownTexts(r).join('\n');
    for (const row of list.rows) expect(shown).toContain(`*${row.figure}* [${row.source}]`);
  });

  it.each([false, true])('keeps an 80-fact answer within Slack limits and loses nothing (ephemeral %s)', (ephemeral) => {
    const list = listAnswer(80, 6);
    const r = renderAnswerBlocks(list, { ephemeral, shareable: true });
    expect(r.blocks.length).toBeLessThanOrEqual(50);
    expect(messageProblem({ text: r.text, blocks: r.blocks })).toBeUndefined();
    expect(r.overflow.length).toBeGreaterThan(0);
    for (const part of r.overflow) expect(part.length).toBeLessThanOrEqual(3000);
    for (const message of overflowMessages(r.overflow, list.language)) expect(messageProblem({ ...message })).toBeUndefined();
    for (const message of overflowMessages(r.overflow, list.language, 4)) expect(messageProblem({ ...message })).toBeUndefined();
    expect(overflowMessages(r.overflow, list.language, 4).length).toBeLessThanOrEqual(4);
    expect(r.blocks.at(-1)).toMatchObject({ type: 'actions' });
    const shown = allShown(r);
    for (const s of list.sources) expect(shown).toContain(`[${s.n}] `);
    for (const row of list.rows) expect(shown).toContain(row.metric);
    expect(shown).toContain(ephemeral ? '其余见下一条消息' : '其余见话题回复');
  });

  it('splits a very long headline over several sections', () => {
    const long = { ...value, headline: '浙'.repeat(7000), figure: null };
    const headline = renderAnswerBlocks(long).blocks.filter((b) => b.type === 'section' && /^浙+$/.test(b.text?.text ?? ''));
    expect(headline.map((b) => (b.type === 'section' ? b.text?.text.length : 0))).toEqual([3000, 3000, 1000]);
    expect(messageProblem(renderAnswerBlocks(long) as unknown as Record<string, unknown>)).toBeUndefined();
  });

  it('keeps button values within 2,000 characters for a huge question', () => {
    const huge = { ...value, question: '<!channel> 浙江"数字经济"'.repeat(400) };
    const r = renderAnswerBlocks(huge, { shareable: true });
    for (const b of buttonsOf(r)) expect(b.value!.length).toBeLessThanOrEqual(2000);
    const feedback = decodeFeedbackValue(buttonsOf(r).find((b) => b.action_id === actionIds.feedbackDown)?.value);
    expect(feedback?.f).toEqual(value.facts.map((f) => f.id));
    expect(huge.question.startsWith(feedback!.q)).toBe(true);
  });

  it.each([
    [{}, [actionIds.feedbackUp, actionIds.feedbackDown]],
    [{ shareable: true }, [actionIds.feedbackUp, actionIds.feedbackDown, actionIds.share]],
  ])('adds the buttons for %o', (options, expected) => {
    expect(buttonsOf(renderAnswerBlocks(value, options)).map((b) => b.action_id)).toEqual(expected);
  });

  it('shows command outputs (help) whole, without feedback buttons', () => {
    const help = planwatch.help();
    const r = renderAnswerBlocks(help);
    expect(buttonsOf(r)).toEqual([]);
    expect(shownTexts(r).join('\n')).toContain(escapeMrkdwn(help.text.trim()));
  });

  it('shows the question escaped when asked to', () => {
    const asked = { ...value, question: '<!channel> 浙江 <@U123>' };
    const shown = shownTexts(renderAnswerBlocks(asked, { showQuestion: true })).join('\n');
    expect(shown).toContain('&lt;!channel&gt; 浙江 &lt;@U123&gt;');
    expect(shown).not.toContain('<!channel>');
  });
});

describe('plainMessageText', () => {
  it('is the whole plain answer, escaped, within Slack\'s text limit', () => {
    const hostile = { ...value, text: `${value.text}\n<!channel> <@U123> & co` };
    expect(plainMessageText(hostile)).toBe(escapeMrkdwn(hostile.text));
    expect(plainMessageText({ ...value, text: '浙'.repeat(50_000) }).length).toBeLessThanOrEqual(40_000);
  });
});

describe('splitMrkdwn and clipMrkdwn', () => {
  it.each([
    ['entity at the cut', `${'a'.repeat(8)}&amp;b`, 10],
    ['link at the cut', `${'a'.repeat(15)}<https://x|t>zz`, 20],
    ['surrogate pair at the cut', `${'a'.repeat(9)}😀b`, 10],
  ])('never cuts inside: %s', (_name, text, limit) => {
    const pieces = splitMrkdwn(text, limit);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(limit);
      expect(p).not.toMatch(/&[a-z]*$/);
      expect(p).not.toMatch(/<[^>]*$/);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    const clipped = clipMrkdwn(text, limit);
    expect(clipped.length).toBeLessThanOrEqual(limit);
    expect(clipped.endsWith('…')).toBe(true);
  });

  it('splits at line ends when it can', () => {
    expect(splitMrkdwn('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });
});
