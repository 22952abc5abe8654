/**
 * End-to-end harness for the Slack adapter: the adapter in HTTP mode behind a real node http
 * server on port 0, the fake Slack Web API, and helpers that sign requests like Slack does.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { types } from '@slack/bolt';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/index.ts';
import type { Planwatch } from '../../../src/planwatch.ts';
import { fakeSlackIdentity, startFakeSlack, type FakeSlack, type FakeSlackCall } from '../../fakes/slack-api.ts';
import { createTestPlanwatch, type TestDocument } from '../../support/planwatch.ts';

export const signingSecret = 'test-signing-secret-8f3a';
export const botToken = 'xoxb-test-token';

export interface HarnessOptions {
  documents?: TestDocument[];
  /** Replace parts of the test core (e.g. an `ask` returning a constructed Answer). */
  wrap?: (planwatch: Planwatch) => Planwatch;
  /** Extra adapter options (e.g. leave out the bot ids to exercise auth.test). */
  adapter?: Partial<SlackAdapterOptions>;
  withBotIds?: boolean;
}

export interface HttpResult {
  status: number;
  body: string;
}

/** Requests to a Slack events endpoint as Slack sends them: signed, as events, slash commands and button clicks. */
export interface SlackSender {
  /** POSTs a body signed with the signing secret (or as told) to the endpoint. */
  post(body: string, contentType: string, sign?: { secret?: string; timestamp?: number; signature?: string | null; headers?: Record<string, string> }): Promise<HttpResult>;
  /** Sends an Events API envelope. */
  sendEvent(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<HttpResult>;
  /** Sends `/plans text` with a response_url on the fake. */
  sendCommand(text: string, options?: { channel?: string; user?: string; responseId?: string; command?: string }): Promise<HttpResult>;
  /** Sends a block_actions payload clicking `button` (taken from a message the adapter posted). */
  click(button: ButtonElement, options: { channel: string; user?: string; responseId?: string; messageTs?: string; ephemeral?: boolean }): Promise<HttpResult>;
}

export interface Harness extends SlackSender {
  fake: FakeSlack;
  adapter: SlackAdapter;
  planwatch: Planwatch;
  /** Base URL of the server in front of the adapter. */
  url: string;
  /** Everything the adapter logged, parsed. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export type ButtonElement = types.Button;

let eventCounter = 0;

/**
 * A sender to `endpoint` (the adapter's `/slack/events`, in this process or in a started `npm start`), whose
 * response_urls point at `fake`.
 */
export function createSlackSender(endpoint: string, fake: FakeSlack, secret: string = signingSecret): SlackSender {
  const post: SlackSender['post'] = async (body, contentType, sign = {}) => {
    const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = sign.signature === undefined
      ? `v0=${createHmac('sha256', sign.secret ?? secret).update(`v0:${timestamp}:${body}`).digest('hex')}`
      : sign.signature;
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...sign.headers };
    if (signature !== null) headers['x-slack-signature'] = signature;
    const res = await fetch(endpoint, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  };
  return {
    post,
    sendEvent(event, opts = {}) {
      const envelope = {
        token: 'legacy', team_id: fakeSlackIdentity.teamId, api_app_id: 'A0PLANS', type: 'event_callback',
        event_id: opts.eventId ?? `Ev${++eventCounter}${Date.now()}`, event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ enterprise_id: null, team_id: fakeSlackIdentity.teamId, user_id: fakeSlackIdentity.userId, is_bot: true }],
        event,
      };
      const headers: Record<string, string> = opts.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' };
      return post(JSON.stringify(envelope), 'application/json', { headers });
    },
    sendCommand(text, opts = {}) {
      const form = new URLSearchParams({
        token: 'legacy', team_id: fakeSlackIdentity.teamId, team_domain: 'fake', channel_id: opts.channel ?? 'C0PLANS',
        channel_name: 'plans', user_id: opts.user ?? 'U0ANALYST', user_name: 'analyst', command: opts.command ?? '/plans', text,
        api_app_id: 'A0PLANS', response_url: fake.responseUrl(opts.responseId), trigger_id: '1.2.3',
      });
      return post(form.toString(), 'application/x-www-form-urlencoded');
    },
    click(button, opts) {
      const payload = {
        type: 'block_actions',
        user: { id: opts.user ?? 'U0ANALYST', username: 'analyst', team_id: fakeSlackIdentity.teamId },
        api_app_id: 'A0PLANS', token: 'legacy', trigger_id: '1.2.3',
        team: { id: fakeSlackIdentity.teamId, domain: 'fake' },
        channel: { id: opts.channel, name: 'plans' },
        container: { type: 'message', message_ts: opts.messageTs ?? '1.0', channel_id: opts.channel, is_ephemeral: opts.ephemeral ?? false },
        response_url: fake.responseUrl(opts.responseId),
        actions: [{ type: 'button', action_id: button.action_id, block_id: 'planwatch_actions', value: button.value,
          text: button.text, action_ts: `${Date.now() / 1000}` }],
      };
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
  };
}

/** Starts the fake Slack, a test core, the adapter (HTTP mode) and a server on port 0 in front of it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const core = await createTestPlanwatch({ documents: options.documents ?? [] });
  const planwatch = options.wrap ? options.wrap(core.planwatch) : core.planwatch;
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const ids = options.withBotIds === false ? {} : { botUserId: fakeSlackIdentity.userId, botId: fakeSlackIdentity.botId };
  const adapter = createSlackAdapter({
    botToken,
    signingSecret,
    slackApiUrl: fake.apiUrl,
    planwatch,
    logger,
    // Fast, but real: the client does retry.
    retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 20 },
    ...ids,
    ...options.adapter,
  });
  await adapter.start();
  const server: Server = createServer((req, res) => adapter.handleRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    ...createSlackSender(`${base}${adapter.eventsPath}`, fake),
    fake,
    adapter,
    planwatch,
    url: base,
    logs,
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      await core.close();
    },
  };
}

/** Every mrkdwn/plain text a posted message shows: top-level text, section text and fields, context elements. */
export function shownTexts(body: { text?: unknown; blocks?: unknown }): string[] {
  const texts: string[] = [];
  if (typeof body.text === 'string') texts.push(body.text);
  for (const block of (body.blocks ?? []) as Array<Record<string, unknown>>) {
    const text = block.text as { text?: string } | undefined;
    if (text?.text) texts.push(text.text);
    for (const f of (block.fields ?? []) as Array<{ text: string }>) texts.push(f.text);
    if (block.type === 'context' || block.type === 'actions') {
      for (const e of block.elements as Array<{ text?: string | { text: string } }>) {
        if (typeof e.text === 'string') texts.push(e.text);
        else if (e.text?.text) texts.push(e.text.text);
      }
    }
  }
  return texts;
}

/** The buttons of a posted message. */
export function buttonsOf(body: { blocks?: unknown }): ButtonElement[] {
  const blocks = (body.blocks ?? []) as Array<Record<string, unknown>>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as ButtonElement[]);
}

/** The button with `actionId` in a posted message; throws when missing (a test failure). */
export function buttonOf(call: FakeSlackCall, actionId: string): ButtonElement {
  const button = buttonsOf(call.body).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(call.body.blocks)}`);
  return button;
}

