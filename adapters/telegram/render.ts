/**
 * Answer → Telegram HTML (parse_mode `HTML`), and splitting long HTML into
 * messages of at most 4096 characters. Pure: no grammY, no I/O.
 *
 * Everything that comes from documents or users goes through `escapeHtml`;
 * the only markup in the output is the markup written here, so a document or
 * a question containing `<b>`, `&` or `<script>` can never break a message or
 * inject a link.
 */
import type { Answer, FactHit, Row, Source } from '../../src/answer/types.ts';

/** Telegram's limit on one message's text. */
export const telegramMessageLimit = 4096;

/** How many sources show their quote when the answer is not expanded. */
const quotedSourcesCollapsed = 3;

/** U+3000, as wide as one CJK character: pads region names so rows line up. */
const ideographicSpace = '\u3000';

/**
 * Escapes text for Telegram HTML, in text and in double-quoted attributes.
 *
 * @example escapeHtml('<b>R&D</b> "x"') // '&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/** Options of `renderAnswerHtml`. */
export interface RenderOptions {
  /** Show the quote of every source ("More sources"), not only the first three. Default false. */
  expanded?: boolean;
}

const renderDefaults: Required<RenderOptions> = { expanded: false };

/**
 * Renders an Answer as Telegram HTML: the headline with the figure in bold, list and comparison rows as aligned
 * lines with bold figures, notes in italics, then numbered sources (title linked when the document has an http(s)
 * URL) with their quotes in blockquotes. A refusal shows its reason and the nearest facts. Answers without
 * structure (help, subscriptions) render their plain `text`, escaped.
 *
 * @example
 * const html = renderAnswerHtml(planwatch.ask('浙江数字经济核心产业增加值目标'));
 * for (const part of splitMessage(html)) await api.sendMessage(chatId, part, { parse_mode: 'HTML' });
 */
export function renderAnswerHtml(answer: Answer, options: RenderOptions = {}): string {
  const { expanded } = { ...renderDefaults, ...options };
  if (!answer.answered && answer.suggestions.length > 0) return renderRefusal(answer);
  const structured = answer.sources.length > 0 || answer.rows.length > 0;
  if (!structured) return withBoldFigure(answer.text, answer.figure);

  const blocks: string[] = [withBoldFigure(answer.headline, answer.figure)];
  if (answer.rows.length > 0) blocks.push(renderRows(answer.rows));
  if (answer.notes.length > 0) blocks.push(answer.notes.map((n) => `<i>${escapeHtml(n)}</i>`).join('\n'));
  if (answer.sources.length > 0) blocks.push(renderSources(answer.sources, expanded));
  return blocks.join('\n\n');
}

/** Escapes `text` and bolds the last occurrence of `figure` in it (or appends the figure in bold when absent). */
function withBoldFigure(text: string, figure: string | null): string {
  if (figure === null || figure === '') return escapeHtml(text);
  const at = text.lastIndexOf(figure);
  if (at < 0) return `${escapeHtml(text)}\n<b>${escapeHtml(figure)}</b>`;
  return `${escapeHtml(text.slice(0, at))}<b>${escapeHtml(figure)}</b>${escapeHtml(text.slice(at + figure.length))}`;
}

/** `浙江　 2023 · 数字经济核心产业增加值 <b>增长10%</b> [1]`; the metric is left out when every row shares it. */
function renderRows(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => [...r.region].length));
  const sameMetric = rows.every((r) => r.metric === rows[0]!.metric);
  return rows
    .map((r) => {
      const region = r.region + ideographicSpace.repeat(width - [...r.region].length);
      const year = r.year === null ? '——' : String(r.year);
      const metric = sameMetric ? '' : `${escapeHtml(r.metric)} `;
      return `${escapeHtml(region)} ${year} · ${metric}<b>${escapeHtml(r.figure)}</b> [${r.source}]`;
    })
    .join('\n');
}

function renderSources(sources: Source[], expanded: boolean): string {
  return sources
    .map((s, i) => {
      const line = `[${s.n}] ${renderTitle(s.title, s.url)} · ${escapeHtml(s.date)}`;
      const quoted = expanded || i < quotedSourcesCollapsed;
      return quoted && s.quote !== '' ? `${line}\n<blockquote>${escapeHtml(s.quote)}</blockquote>` : line;
    })
    .join('\n');
}

/** The title as a link when the URL is http(s); anything else (javascript:, relative, garbage) stays plain text. */
function renderTitle(title: string, url: string | null): string {
  const href = linkable(url);
  return href === null ? escapeHtml(title) : `<a href="${escapeHtml(href)}">${escapeHtml(title)}</a>`;
}

function linkable(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function renderRefusal(answer: Answer): string {
  const label = answer.language === 'en' ? 'Nearest facts:' : '相近的数据：';
  const lines = answer.suggestions.map((f) => `• ${renderSuggestion(f)}`);
  return `${escapeHtml(answer.reason ?? answer.headline)}\n\n<b>${label}</b>\n${lines.join('\n')}`;
}

function renderSuggestion(f: FactHit): string {
  const c = f.citations[0]!;
  const where = [f.region, f.city, f.year === null ? null : String(f.year)].filter((x) => x !== null).join(' ');
  return `${escapeHtml(where)} ${escapeHtml(f.metric)} <b>${escapeHtml(f.figure)}</b> — ${renderTitle(c.title, c.url)} · ${escapeHtml(c.date)}`;
}

// ---------------------------------------------------------------------------
// Splitting

interface Token {
  kind: 'open' | 'close' | 'text';
  raw: string;
  /** Tag name for open/close tokens. */
  name: string;
}

/**
 * Splits HTML into parts of at most `limit` characters, preferring line boundaries. A part never ends inside a
 * tag, an entity or a surrogate pair; tags open at a cut are closed at the end of the part and reopened (with
 * their attributes) at the start of the next one. The newlines at a cut are dropped; whitespace-only parts are
 * left out. Expects well-formed HTML such as `renderAnswerHtml` produces.
 *
 * @param limit Maximum length of a part in UTF-16 code units. Default 4096 (Telegram's message limit).
 * @example splitMessage('<b>a\nb</b>', 7) // ['<b>a</b>', '<b>b</b>']
 */
export function splitMessage(html: string, limit: number = telegramMessageLimit): string[] {
  const tokens = tokenize(html);
  const parts: string[] = [];
  let stack: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const prefix = stack.map((t) => t.raw).join('');
    let current = prefix;
    let open = stack;
    let lastBreak: { index: number; html: string; open: Token[] } | null = null;
    let j = i;
    for (; j < tokens.length; j++) {
      const token = tokens[j]!;
      // A newline is a cut point before it is a character: the cut drops it, so it needs no room.
      if (token.raw === '\n' && current.length > prefix.length) lastBreak = { index: j, html: current, open };
      const next = applyToken(open, token);
      if (current.length + token.raw.length + closingLength(next) > limit) break;
      current += token.raw;
      open = next;
    }
    if (j === tokens.length) {
      parts.push(current + closing(open));
      break;
    }
    if (lastBreak !== null) {
      parts.push(lastBreak.html.replace(/\n+$/, '') + closing(lastBreak.open));
      stack = lastBreak.open;
      i = lastBreak.index + 1;
      while (tokens[i]?.raw === '\n') i++;
    } else if (j > i) {
      parts.push(current + closing(open));
      stack = open;
      i = j;
    } else {
      throw new Error(`telegram: cannot split HTML at limit ${limit}: open tags and token "${tokens[j]!.raw}" alone exceed it`);
    }
  }
  return parts.filter((p) => textOf(p).trim() !== '');
}

function applyToken(open: Token[], token: Token): Token[] {
  if (token.kind === 'open') return [...open, token];
  if (token.kind === 'close') {
    const at = open.map((t) => t.name).lastIndexOf(token.name);
    return at < 0 ? open : open.slice(0, at);
  }
  return open;
}

function closing(open: Token[]): string {
  return open.map((t) => `</${t.name}>`).reverse().join('');
}

function closingLength(open: Token[]): number {
  return open.reduce((n, t) => n + t.name.length + 3, 0);
}

/** Tags (quoted attribute values may hold `>`), entities, and single code points. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const tag = /^<(\/?)([a-zA-Z][\w-]*)(?:\s+(?:[^>"']|"[^"]*"|'[^']*')*)?>/;
  const entity = /^&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = tag.exec(html.slice(i, i + 2048));
      if (m) {
        tokens.push({ kind: m[1] === '/' ? 'close' : 'open', raw: m[0], name: m[2]!.toLowerCase() });
        i += m[0].length;
        continue;
      }
    } else if (ch === '&') {
      const m = entity.exec(html.slice(i, i + 16));
      if (m) {
        tokens.push({ kind: 'text', raw: m[0], name: '' });
        i += m[0].length;
        continue;
      }
    }
    const cp = String.fromCodePoint(html.codePointAt(i)!);
    tokens.push({ kind: 'text', raw: cp, name: '' });
    i += cp.length;
  }
  return tokens;
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

const escapes: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * What a user reads of HTML made here: tags dropped, `escapeHtml` undone. For sending a part as plain text when
 * Telegram refuses its markup; never longer than the HTML, so a part within the limit stays within it.
 *
 * @example htmlToPlainText('<b>R&amp;D</b> &lt;5%') // 'R&D <5%'
 */
export function htmlToPlainText(html: string): string {
  return textOf(html).replace(/&(amp|lt|gt|quot);/g, (_entity, name: string) => escapes[name]!);
}
