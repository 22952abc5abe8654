/**
 * Incoming Slack text → what the core understands. Pure.
 *
 * Slack sends message and command text in its own markup: `&amp; &lt; &gt;` for the three
 * reserved characters, `<@U123>` for a user, `<!channel>` for a broadcast, `<#C1|name>` for a channel,
 * `<https://x|label>` for a link. The core gets plain text; whatever we say back is escaped again by the renderer.
 */

/** Slack's special mentions, as plain text. */
const specialMentions: Record<string, string> = { channel: '@channel', here: '@here', everyone: '@everyone' };

/**
 * Turns Slack message markup into the plain question the user typed.
 * Mentions of the bot itself (`botUserId`) are removed; other mentions become `@name` text.
 *
 * @example slackTextToPlain('<@UBOT> 浙江 &lt;b&gt; 目标', 'UBOT') // '浙江 <b> 目标'
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  const replaced = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId !== undefined && id === botUserId) return ' ';
      return `@${label ?? id}`;
    }
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      const name = target.slice(1);
      const special = specialMentions[name];
      if (special !== undefined) return special;
      // <!subteam^S123|@team>, <!date^…|fallback>: the label is what the user saw.
      return label ?? `@${name.split('^')[0] ?? name}`;
    }
    return label ?? target.replace(/^mailto:/, '');
  });
  return decodeEntities(replaced).replace(/\s+/g, ' ').trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What `/plans …` asks for. */
export type SlashCommand =
  | { kind: 'help' }
  | { kind: 'ask'; question: string }
  | { kind: 'deadlines'; args: string }
  | { kind: 'subscribe'; args: string }
  | { kind: 'unsubscribe'; args: string }
  | { kind: 'subscriptions' };

const subcommands = ['help', 'deadlines', 'subscribe', 'unsubscribe', 'subscriptions'] as const;

/**
 * Parses the plain text of a slash command. The first word picks a subcommand
 * (`help`, `deadlines`, `subscribe`, `unsubscribe`, `subscriptions`, case-insensitive);
 * anything else, or nothing, is a question (empty → help).
 *
 * @example parseSlashCommand('deadlines 浙江') // { kind: 'deadlines', args: '浙江' }
 */
export function parseSlashCommand(text: string): SlashCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'help' };
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  const word = (match?.[1] ?? '').toLowerCase();
  const args = (match?.[2] ?? '').trim();
  const sub = subcommands.find((s) => s === word);
  switch (sub) {
    case 'help': return { kind: 'help' };
    case 'deadlines': return { kind: 'deadlines', args };
    case 'subscribe': return { kind: 'subscribe', args };
    case 'unsubscribe': return { kind: 'unsubscribe', args };
    case 'subscriptions': return { kind: 'subscriptions' };
    default: return { kind: 'ask', question: trimmed };
  }
}
