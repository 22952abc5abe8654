/**
 * The interactive console: what `npm start` is when no chat surface is
 * configured. Same answers as in chat, rendered for a terminal.
 */
import { createInterface } from 'node:readline';
import type { Answer, FactHit, Row } from '../answer/types.ts';
import type { Planwatch } from '../planwatch.ts';

/** Options of `renderAnswerText`. */
export interface RenderTextOptions {
  /** ANSI bold/dim/colour. Default false (give true only when the output is a terminal). */
  color?: boolean;
}

const ansi = { bold: '\x1b[1m', dim: '\x1b[2m', cyan: '\x1b[36m', yellow: '\x1b[33m', reset: '\x1b[0m' };

/** Terminal columns of `text`: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Lays out cells in columns separated by two spaces, padded by display width. */
export function alignColumns(table: string[][]): string[] {
  const widths: number[] = [];
  for (const cells of table) cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return table.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!))).join('  ').trimEnd());
}

const labels = {
  zh: { sources: '来源：', note: '注：', nearest: '相近的数据：' },
  en: { sources: 'Sources:', note: 'Note: ', nearest: 'Nearest facts:' },
};

/** Intents whose structured fields carry the whole answer; the others print `answer.text` as the core wrote it. */
const structured = new Set<Answer['intent']>(['value', 'list', 'compare', 'define', 'refuse']);

const rowCells = (row: Row): string[] => [row.region, row.year === null ? '—' : String(row.year), row.metric, row.figure, `[${row.source}]`];

const factLine = (fact: FactHit): string =>
  [fact.city ? `${fact.region} ${fact.city}` : fact.region, fact.year ?? '', fact.metric, `${fact.comparator ?? ''}${fact.value}`]
    .filter((part) => part !== '')
    .join(' ');

/**
 * Renders an answer for a terminal: the headline (figure in bold), rows aligned in columns,
 * notes, numbered sources with their quotes; a refusal shows its reason and the nearest facts.
 * Commands' answers (help, deadlines, subscriptions…) print the core's text.
 *
 * @example
 * process.stdout.write(renderAnswerText(planwatch.ask('浙江2023年制造业投资增长目标'), { color: process.stdout.isTTY }) + '\n');
 */
export function renderAnswerText(answer: Answer, options: RenderTextOptions = {}): string {
  const color = options.color ?? false;
  const paint = (style: string, text: string) => (color && text !== '' ? `${style}${text}${ansi.reset}` : text);
  const label = labels[answer.language];

  if (!structured.has(answer.intent)) {
    const text = answer.text.trimEnd();
    if (color && answer.headline && text.startsWith(answer.headline)) {
      return paint(ansi.bold, answer.headline) + text.slice(answer.headline.length);
    }
    return text;
  }

  const lines: string[] = [];
  let headline = answer.headline;
  if (color) {
    const at = answer.figure ? headline.indexOf(answer.figure) : -1;
    headline = at >= 0
      ? headline.slice(0, at) + paint(ansi.bold + ansi.yellow, answer.figure!) + headline.slice(at + answer.figure!.length)
      : paint(ansi.bold, headline);
  }
  lines.push(headline);
  if (!answer.answered && answer.reason && answer.reason !== answer.headline) lines.push(answer.reason);

  if (answer.rows.length > 0) {
    lines.push('', ...alignColumns(answer.rows.map(rowCells)));
  }
  if (answer.notes.length > 0) {
    lines.push('', ...answer.notes.map((note) => `${label.note}${note}`));
  }
  if (!answer.answered && answer.suggestions.length > 0) {
    lines.push('', label.nearest, ...answer.suggestions.map((fact) => `  · ${factLine(fact)}`));
  }
  if (answer.sources.length > 0) {
    lines.push('', paint(ansi.dim, label.sources));
    for (const source of answer.sources) {
      const head = [source.title, source.date, source.url].filter((part): part is string => Boolean(part)).join(' · ');
      lines.push(`${paint(ansi.cyan, `[${source.n}]`)} ${head}`, paint(ansi.dim, `    “${source.quote}”`));
    }
  }
  return lines.join('\n');
}

/** The console's own commands, shown under the core's help. */
/** What the console says to a chat-only command (subscriptions belong to a chat). */
export const chatOnlyNote = '订阅提醒属于某个聊天，请在 Telegram 或 Slack 中使用。Subscriptions belong to a chat: use them in Telegram or Slack.';

export const consoleHelp = [
  '命令 / Commands:',
  '  deadlines [地区]   即将到期的目标 / upcoming target deadlines',
  '  help               本帮助 / this help',
  '  quit               退出 / exit',
  '其他输入都作为问题回答。Anything else is answered as a question.',
].join('\n');

/** What one console line is. */
export type ConsoleCommand =
  | { kind: 'question'; text: string }
  | { kind: 'deadlines'; args: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'chat-only'; command: string }
  | { kind: 'empty' };

/** Parses one console line. Commands may carry a chat-style leading slash (`/deadlines 浙江`). */
export function parseConsoleLine(line: string): ConsoleCommand {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.replace(/^\//, '').toLowerCase();
  const args = rest.join(' ');
  if (['quit', 'exit', 'q', '退出'].includes(word) && args === '') return { kind: 'quit' };
  if (['help', '?', '？', '帮助'].includes(word) && args === '') return { kind: 'help' };
  if (['deadlines', 'deadline', '截止'].includes(word)) return { kind: 'deadlines', args };
  if (word === 'ask' && first.startsWith('/')) return args === '' ? { kind: 'empty' } : { kind: 'question', text: args };
  if (first.startsWith('/') && ['subscribe', 'unsubscribe', 'subscriptions'].includes(word)) return { kind: 'chat-only', command: word };
  return { kind: 'question', text };
}

/** Options of `runConsole`. */
export interface ConsoleOptions {
  planwatch: Planwatch;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where a failed line is reported. Default `output`. */
  errorOutput?: NodeJS.WritableStream;
  /** A terminal: banner, prompt and line editing. Otherwise only answers are written, one per line read. */
  interactive: boolean;
  /** ANSI colour in answers. Default false. */
  color?: boolean;
}

/** How a console session ended. */
export interface ConsoleResult {
  reason: 'end of input' | 'quit' | 'closed';
  /** Lines answered (questions and commands). */
  answered: number;
  /** Lines whose handling threw. */
  failed: number;
}

/** A running console. */
export interface ConsoleSession {
  readonly done: Promise<ConsoleResult>;
  /** Stops reading (shutdown). */
  close(): void;
}

/**
 * Runs the console over `input`/`output`. Piped input is answered line by line and the session
 * ends at end of input, with nothing but answers on `output`.
 *
 * @example
 * const session = runConsole({ planwatch, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
 * const { failed } = await session.done;
 */
export function runConsole(options: ConsoleOptions): ConsoleSession {
  const { planwatch, output, interactive } = options;
  const errorOutput = options.errorOutput ?? output;
  const color = options.color ?? false;
  const rl = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    prompt: 'planwatch> ',
  });
  const result: ConsoleResult = { reason: 'end of input', answered: 0, failed: 0 };
  let closing: ConsoleResult['reason'] | null = null;
  const write = (text: string) => {
    if (!interactive && result.answered > 0) output.write('\n');
    output.write(`${text}\n`);
  };

  if (interactive) {
    const summary = planwatch.summary();
    const banner = [paintBanner(`planwatch · ${summary.regions.join('、')} · ${summary.years.join('、')} · ${summary.facts} facts / ${summary.documents} documents`, color)];
    if (summary.examples.length > 0) banner.push(`例如 / e.g.: ${summary.examples.slice(0, 3).join(' · ')}`);
    banner.push('deadlines [地区] · help · quit', '');
    output.write(`${banner.join('\n')}\n`);
  }

  const reply = (command: Exclude<ConsoleCommand, { kind: 'empty' | 'quit' }>): string => {
    switch (command.kind) {
      case 'chat-only':
        return chatOnlyNote;
      case 'help':
        return `${renderAnswerText(planwatch.help(), { color })}\n\n${consoleHelp}`;
      case 'deadlines':
        return renderAnswerText(planwatch.deadlines(command.args, { surface: 'console' }), { color });
      case 'question':
        return renderAnswerText(planwatch.ask(command.text, { surface: 'console' }), { color });
    }
  };

  const handle = (line: string) => {
    const command = parseConsoleLine(line);
    if (command.kind === 'empty') return;
    if (command.kind === 'quit') {
      closing = 'quit';
      rl.close();
      return;
    }
    try {
      const text = reply(command);
      write(text);
      result.answered++;
    } catch (error) {
      result.failed++;
      errorOutput.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };

  const done = new Promise<ConsoleResult>((resolve) => {
    rl.on('line', (line) => {
      if (closing) return;
      handle(line);
      if (interactive && !closing) rl.prompt();
    });
    rl.on('SIGINT', () => {
      closing = 'quit';
      rl.close();
    });
    rl.on('close', () => {
      if (interactive) output.write('\n');
      resolve({ ...result, reason: closing ?? 'end of input' });
    });
  });
  if (interactive) rl.prompt();

  return {
    done,
    close() {
      closing ??= 'closed';
      rl.close();
    },
  };
}

const paintBanner = (text: string, color: boolean) => (color ? `${ansi.bold}${text}${ansi.reset}` : text);
