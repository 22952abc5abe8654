/** The fake Bot API itself: what the adapter tests rely on it to do like Telegram. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTelegramHtml, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram-api.ts';

let fake: FakeTelegram;
beforeAll(async () => { fake = await startFakeTelegram({ maxPollMs: 100 }); });
afterAll(async () => { await fake.close(); });

async function call(method: string, init: RequestInit = {}): Promise<{ ok: boolean; result?: unknown; error_code?: number; description?: string }> {
  const res = await fetch(`${fake.apiRoot}/bot1:T/${method}`, { method: 'POST', ...init });
  return res.json() as Promise<{ ok: boolean }>;
}

describe('fake Telegram Bot API', () => {
  it.each([
    ['JSON', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: 5, text: 'json' }) }],
    ['urlencoded', { body: new URLSearchParams({ chat_id: '5', text: 'form' }) }],
    ['multipart', { body: (() => { const f = new FormData(); f.set('chat_id', '5'); f.set('text', 'multipart'); return f; })() }],
  ])('records %s parameters and the token', async (_name, init) => {
    const answer = await call('sendMessage', init);
    expect(answer.ok).toBe(true);
    const last = fake.calls.at(-1)!;
    expect(last).toMatchObject({ method: 'sendMessage', token: '1:T', status: 200 });
    expect(String(last.params['chat_id'])).toBe('5');
  });

  it('refuses invalid HTML, empty and too long texts like Telegram', async () => {
    const send = (text: string) => call('sendMessage', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: 5, text, parse_mode: 'HTML' }) });
    expect(await send('<b>unclosed')).toMatchObject({ ok: false, error_code: 400 });
    expect(await send('<script>x</script>')).toMatchObject({ ok: false, error_code: 400 });
    expect(await send('<b></b>')).toMatchObject({ ok: false, description: 'Bad Request: message text is empty' });
    expect(await send('x'.repeat(4097))).toMatchObject({ ok: false, description: 'Bad Request: message is too long' });
    expect(await send(`<b>${'x'.repeat(4096)}</b>`)).toMatchObject({ ok: true });
  });

  it('serves queued updates from the offset on, and waits at most maxPollMs', async () => {
    const a = fake.enqueueUpdate({ message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'A' }, from: { id: 5, is_bot: false, first_name: 'A' }, text: 'a' } });
    const b = fake.enqueueUpdate({ message: { message_id: 2, date: 0, chat: { id: 5, type: 'private', first_name: 'A' }, from: { id: 5, is_bot: false, first_name: 'A' }, text: 'b' } });
    const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call('getUpdates', json({ offset: 0 }))).result).toEqual([a, b]);
    expect((await call('getUpdates', json({ offset: b.update_id }))).result).toEqual([b]);
    const started = Date.now();
    expect((await call('getUpdates', json({ offset: b.update_id + 1, timeout: 30 }))).result).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails the next calls as told, then answers again', async () => {
    fake.failNext('setMyCommands', { status: 429, retryAfter: 3 }, 2);
    expect(await call('setMyCommands')).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 3 } });
    expect(await call('setMyCommands')).toMatchObject({ ok: false, error_code: 429 });
    expect(await call('setMyCommands')).toMatchObject({ ok: true, result: true });
    expect(await call('noSuchMethod')).toMatchObject({ ok: false, error_code: 404 });
  });

  it.each([
    ['<b>a</b><i>b</i>', true],
    ['<a href="https://x.org/?a=1&amp;b=2">x</a>', true],
    ['<blockquote expandable>q</blockquote>', true],
    ['<pre><code class="language-ts">x</code></pre>', true],
    ['<b><i>x</b></i>', false],
    ['<a href="javascript:alert(1)">x</a>', false],
    ['<a href="https://x.org"><a href="https://y.org">x</a></a>', false],
    ['a & b', false],
    ['a > b', false],
    ['&nbsp;', false],
    ['<br>', false],
    ['<span class="x">x</span>', false],
  ])('parseTelegramHtml(%j) ok=%s', (html, ok) => {
    expect(parseTelegramHtml(html).ok).toBe(ok);
  });
});
