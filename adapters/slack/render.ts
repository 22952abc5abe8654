/**
 * Answer → Block Kit. Pure: no Slack client, no clock.
 *
 * Everything that comes from documents or users goes through `escapeMrkdwn`, so a
 * `<!channel>` in a question or a quote is shown, never broadcast. Slack's limits
 * (50 blocks, 3,000 characters per section, 10 fields of 2,000) are respected by
 * cutting: what does not fit is returned as `overflow` parts for follow-up messages.
 */
import type { types } from '@slack/bolt';
import type { Answer, FactHit, Language, Row, Source } from '../../src/answer/types.ts';
import { actionIds, encodeFeedbackValue, encodeShareValue } from './actions.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type ActionsBlock = types.ActionsBlock;

/** Slack's Block Kit limits the renderer keeps to. */
export const slackLimits = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  /** Not a hard Slack limit (40,000), but a notification-sized fallback. */
  fallbackText: 3000,
  /** Slack's hard limit on a message's `text` (longer: msg_too_long). */
  messageText: 40_000,
  /** Quotes under an answer are cut to this many characters (the document has the rest). */
  quote: 280,
} as const;

/** How one answer is rendered. */
export interface RenderOptions {
  /** The message is ephemeral (no thread possible): overflow is announced as "continued below". Default `false`. */
  ephemeral?: boolean;
  /** Add a "Share in channel" button that re-asks `answer.question` publicly. Default `false`. */
  shareable?: boolean;
  /** Show the question above the answer, for messages that are not right under it (shared, slash command). Default `false`. */
  showQuestion?: boolean;
}

const renderDefaults: Required<RenderOptions> = { ephemeral: false, shareable: false, showQuestion: false };

/** A message as Slack's chat.postMessage / response_url take it. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The rendered answer: the main message, and the parts that did not fit (mrkdwn, each ≤ 3,000 characters). */
export interface RenderedAnswer extends SlackMessage {
  overflow: string[];
}

/** Intents that are answers to a question, and so get 👍 / 👎. Command outputs (help, subscriptions) do not. */
const feedbackIntents = new Set<Answer['intent']>(['value', 'list', 'compare', 'define', 'deadline', 'refuse', 'sources']);

const labels = {
  zh: {
    question: '问题',
    nearest: '相近的数据：',
    moreInThread: '内容较长，其余见话题回复 ↓',
    moreBelow: '内容较长，其余见下一条消息 ↓',
    continued: '（续）',
    share: '在频道中分享',
    up: '👍 有用',
    down: '👎 有误',
    thanks: '感谢反馈！已记录。',
    failed: '抱歉，planwatch 暂时无法回答，请稍后再试。',
  },
  en: {
    question: 'Question',
    nearest: 'Nearest facts:',
    moreInThread: 'Long answer: the rest is in the thread ↓',
    moreBelow: 'Long answer: the rest follows below ↓',
    continued: '(continued)',
    share: 'Share in channel',
    up: '👍 Useful',
    down: '👎 Wrong',
    thanks: 'Thanks for the feedback, it is recorded.',
    failed: 'Sorry, planwatch could not answer right now. Please try again later.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Fixed strings of the Slack surface in one language. */
export function slackLabels(language: Language): (typeof labels)[Language] {
  return labels[language];
}

/** Zero-width space: lets `*bold*` work next to CJK characters, where Slack wants a word boundary. */
const zwsp = '\u200B';

/**
 * Escapes the three characters Slack's mrkdwn reserves, so `<!channel>` or `<@U123>`
 * from a user or a document is displayed and never notifies anyone.
 *
 * @example escapeMrkdwn('<!here> & co') // '&lt;!here&gt; &amp; co'
 */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders an Answer as Block Kit: the answer with its figure in bold, rows as section fields,
 * notes, refusal suggestions, one context block per source, then 👍 / 👎 (and Share) buttons.
 * `text` is the plain fallback: headline and first citation. Never exceeds Slack's limits;
 * what does not fit is in `overflow`, to be posted as follow-ups (thread replies).
 *
 * @example
 * const { text, blocks, overflow } = renderAnswerBlocks(planwatch.ask('浙江数字经济目标'));
 * await client.chat.postMessage({ channel, text, blocks });
 */
export function renderAnswerBlocks(answer: Answer, options: RenderOptions = {}): RenderedAnswer {
  const { ephemeral, shareable, showQuestion } = { ...renderDefaults, ...options };
  const l = labels[answer.language];
  const content: KnownBlock[] = [];
  if (showQuestion && answer.question.trim() !== '') {
    content.push(context([`❓ ${l.question}: ${escapeMrkdwn(answer.question.trim())}`]));
  }
  content.push(...mainBlocks(answer));
  content.push(...rowBlocks(answer.rows));
  content.push(...noteBlocks(answer.notes));
  content.push(...suggestionBlocks(answer, l.nearest));
  content.push(...answer.sources.map(sourceBlock));

  const actions = actionsBlock(answer, shareable, l);
  const tail: KnownBlock[] = actions ? [actions] : [];
  const room = slackLimits.blocks - tail.length;
  const text = fallbackText(answer);
  if (content.length <= room) return { text, blocks: [...content, ...tail], overflow: [] };

  const kept = content.slice(0, room - 1);
  const rest = content.slice(room - 1);
  const more = context([`➕ ${ephemeral ? l.moreBelow : l.moreInThread}`]);
  return { text, blocks: [...kept, more, ...tail], overflow: packParts(rest.map(blockToMrkdwn), slackLimits.sectionText) };
}

/**
 * Follow-up messages for overflow parts: one section per part, at most `maxMessages` messages
 * (parts are grouped when there are more parts than messages allowed, e.g. 4 more responses on a response_url).
 */
export function overflowMessages(parts: string[], language: Language, maxMessages: number = Number.POSITIVE_INFINITY): SlackMessage[] {
  if (parts.length === 0) return [];
  const perMessage = Math.min(slackLimits.blocks, Math.max(1, Math.ceil(parts.length / Math.max(1, maxMessages))));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < parts.length; i += perMessage) {
    const group = parts.slice(i, i + perMessage);
    messages.push({
      text: clipMrkdwn(`${labels[language].continued} ${group[0] ?? ''}`, slackLimits.fallbackText),
      blocks: group.map((part) => section(part)),
    });
  }
  return messages;
}

/** The whole answer as one message without blocks (`answer.text`, escaped), for when Slack refuses the blocks. */
export function plainMessageText(answer: Answer): string {
  return clipMrkdwn(escapeMrkdwn(answer.text), slackLimits.messageText);
}

/** A short plain message (thanks, errors) with a fallback. `text` must already be mrkdwn-safe. */
export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

function mainBlocks(answer: Answer): KnownBlock[] {
  if (!answer.answered) {
    return sections(escapeMrkdwn(answer.reason ?? answer.headline));
  }
  const isCommandOutput = answer.rows.length === 0 && answer.sources.length === 0 && answer.facts.length === 0;
  if (isCommandOutput && answer.text.trim() !== answer.headline.trim()) {
    // help, subscriptions, digests: the text is the whole message.
    return sections(escapeMrkdwn(answer.text.trim()));
  }
  const blocks = sections(boldFigure(answer.headline, answer.figure));
  if (answer.intent === 'define') {
    for (const fact of answer.facts) {
      if (fact.definition && !answer.headline.includes(fact.definition)) blocks.push(...sections(escapeMrkdwn(fact.definition)));
    }
  }
  return blocks;
}

function boldFigure(headline: string, figure: string | null): string {
  const h = escapeMrkdwn(headline);
  if (figure === null || figure.trim() === '') return h;
  const f = escapeMrkdwn(figure.replace(/\*/g, ''));
  const at = h.lastIndexOf(f);
  if (at < 0) return `${h}\n*${f}*`;
  return `${h.slice(0, at)}${zwsp}*${f}*${zwsp}${h.slice(at + f.length)}`;
}

function rowBlocks(rows: Row[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < rows.length; i += slackLimits.fields) {
    blocks.push({
      type: 'section',
      fields: rows.slice(i, i + slackLimits.fields).map((row) => ({
        type: 'mrkdwn' as const,
        text: clipMrkdwn(
          `*${escapeMrkdwn(row.region)}${row.year === null ? '' : ` ${row.year}`}* · ${escapeMrkdwn(row.metric)}\n` +
            `*${escapeMrkdwn(row.figure.replace(/\*/g, ''))}* [${row.source}]`,
          slackLimits.fieldText,
        ),
      })),
    });
  }
  return blocks;
}

function noteBlocks(notes: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < notes.length; i += slackLimits.contextElements) {
    blocks.push(context(notes.slice(i, i + slackLimits.contextElements).map((n) => `ℹ️ ${escapeMrkdwn(n)}`)));
  }
  return blocks;
}

function suggestionBlocks(answer: Answer, heading: string): KnownBlock[] {
  if (answer.answered || answer.suggestions.length === 0) return [];
  const lines = answer.suggestions.map(suggestionLine);
  return sections(`*${escapeMrkdwn(heading)}*\n${lines.join('\n')}`);
}

function suggestionLine(fact: FactHit): string {
  const c = fact.citations[0];
  const what = [fact.region, fact.year === null ? '' : String(fact.year), fact.metric]
    .filter((s) => s !== '').map(escapeMrkdwn).join(' ');
  const cite = c ? ` — ${link(c.title, c.url)} · ${escapeMrkdwn(c.date)}` : '';
  return `• ${what} *${escapeMrkdwn(fact.figure.replace(/\*/g, ''))}*${cite}`;
}

function sourceBlock(source: Source): ContextBlock {
  const quote = source.quote.trim() === '' ? '' : ` · “${escapeMrkdwn(clipPlain(source.quote.trim(), slackLimits.quote))}”`;
  return context([`[${source.n}] ${link(source.title, source.url)} · ${escapeMrkdwn(source.date)}${quote}`]);
}

/** `<url|title>` for http(s) URLs only; any other scheme (javascript:, file:) or a broken URL shows the title alone. */
function link(title: string, url: string | null): string {
  const shown = escapeMrkdwn(clipPlain(title, 300));
  if (url === null) return shown;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return shown;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return shown;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${href}|${shown.replace(/\|/g, '¦')}>`;
}

function actionsBlock(answer: Answer, shareable: boolean, l: (typeof labels)[Language]): ActionsBlock | undefined {
  const elements: ActionsBlock['elements'] = [];
  if (feedbackIntents.has(answer.intent)) {
    // The facts the answer asserts; a refusal asserts none (its suggestions are not the answer).
    const value = encodeFeedbackValue({ q: answer.question, f: answer.facts.map((f) => f.id), l: answer.language });
    elements.push(
      { type: 'button', action_id: actionIds.feedbackUp, text: { type: 'plain_text', text: l.up, emoji: true }, value },
      { type: 'button', action_id: actionIds.feedbackDown, text: { type: 'plain_text', text: l.down, emoji: true }, value },
    );
  }
  if (shareable && answer.question.trim() !== '') {
    elements.push({
      type: 'button', action_id: actionIds.share, style: 'primary',
      text: { type: 'plain_text', text: l.share, emoji: true }, value: encodeShareValue(answer.question),
    });
  }
  return elements.length === 0 ? undefined : { type: 'actions', block_id: 'planwatch_actions', elements };
}

/** Plain fallback: the headline (with the figure) and the first citation. */
function fallbackText(answer: Answer): string {
  const head = answer.answered ? answer.headline : (answer.reason ?? answer.headline);
  const first = answer.sources[0];
  const cite = first ? `\n[${first.n}] ${first.title} · ${first.date}` : '';
  return clipMrkdwn(escapeMrkdwn(`${head}${cite}`), slackLimits.fallbackText);
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** One or more sections holding `mrkdwn` (already escaped), split at line ends to fit. */
function sections(mrkdwn: string): SectionBlock[] {
  return splitMrkdwn(mrkdwn, slackLimits.sectionText).map(section);
}

function context(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.map((t) => ({ type: 'mrkdwn' as const, text: clipMrkdwn(t, slackLimits.contextText) })) };
}

/** The text a block shows, for moving it into an overflow part. */
function blockToMrkdwn(block: KnownBlock): string {
  if (block.type === 'section') {
    return [block.text?.text, ...(block.fields ?? []).map((f) => f.text)].filter((t): t is string => t !== undefined).join('\n');
  }
  if (block.type === 'context') {
    return block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : '')).join(' ');
  }
  return '';
}

/** Packs mrkdwn pieces into parts of at most `limit` characters, one piece per line. */
function packParts(pieces: string[], limit: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces.filter((p) => p !== '').flatMap((p) => splitMrkdwn(p, limit))) {
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
    else {
      parts.push(current);
      current = piece;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Splits escaped mrkdwn into pieces of at most `limit` characters: at line ends when it can,
 * otherwise inside a line but never inside an entity (`&amp;`), a link (`<url|title>`) or a surrogate pair.
 */
export function splitMrkdwn(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > limit) {
      const cut = safeCut(rest, limit);
      if (current !== '') {
        pieces.push(current);
        current = '';
      }
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (current === '') current = rest;
    else if (current.length + 1 + rest.length <= limit) current += `\n${rest}`;
    else {
      pieces.push(current);
      current = rest;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Cuts escaped mrkdwn to `limit` characters with an ellipsis, never inside an entity, a link or a surrogate pair. */
export function clipMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, safeCut(text, limit - 1))}…`;
}

function safeCut(s: string, limit: number): number {
  let cut = limit;
  const amp = s.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 6) {
    const semi = s.indexOf(';', amp);
    if (semi >= cut) cut = amp;
  }
  const open = s.lastIndexOf('<', cut - 1);
  if (open > 0 && s.lastIndexOf('>', cut - 1) < open) cut = open;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut > 0 ? cut : limit;
}

/** Cuts plain text (before escaping) to `limit` code points with an ellipsis. */
function clipPlain(s: string, limit: number): string {
  const points = [...s];
  return points.length <= limit ? s : `${points.slice(0, limit - 1).join('')}…`;
}
