/**
 * `npm start` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT: the real process (`adapters/main.ts` as a child) polls the
 * fake Bot API exactly as it would poll Telegram. Expected messages come from an in-test core over the same fact base.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAnswerHtml, splitMessage } from '../../../adapters/telegram/render.ts';
import { decodeFactIds } from '../../../adapters/telegram/send.ts';
import { startFakeTelegram } from '../../fakes/telegram-api.ts';
import { expectCleanStop, repoEnv, startMain } from '../../runtime/support/process.ts';
import { createTestPlanwatch, testToday } from '../../support/planwatch.ts';
import { buttons, callbackQuery, groupChat, privateChat, textMessage, visibleText } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'pw-telegram-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const token = '123456:PROCESS-token';

describe('npm start with Telegram configured', () => {
  it('polls the Bot API at TELEGRAM_API_ROOT and answers a private question, /help and "More sources"', async () => {
    const { planwatch, close } = await createTestPlanwatch({ today: testToday });
    const fake = await startFakeTelegram({ maxPollMs: 200 });
    const main = startMain(['start'], {
      cwd: work,
      env: repoEnv(work, testToday, { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: fake.apiRoot }),
    });
    try {
      await main.waitForLine(/telegram: polling/);
      await fake.waitFor('getUpdates');
      // As with Telegram: the token in every path, the webhook removed before polling, commands registered.
      expect(fake.calls.every((c) => c.token === token)).toBe(true);
      const methods = fake.calls.map((c) => c.method);
      expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
      expect(fake.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(2);

      const question = planwatch.summary().examples[0]!;
      const expected = planwatch.ask(question);
      expect(expected.answered).toBe(true);
      fake.enqueueUpdate(textMessage(privateChat, question));
      // A group message that does not mention the bot stays unanswered; /help after it shows the order.
      fake.enqueueUpdate(textMessage(groupChat, question));
      fake.enqueueUpdate(textMessage(privateChat, '/help'));
      const help = await fake.waitFor('sendMessage', (c) => c.status === 200 && c.params['text'] === splitMessage(renderAnswerHtml(planwatch.help('zh')))[0], 15_000);

      const sent = fake.delivered('sendMessage');
      expect(sent.map((c) => c.params['chat_id'])).toEqual([privateChat.id, privateChat.id]);
      const answer = sent[0]!;
      expect(answer.params['text']).toBe(splitMessage(renderAnswerHtml(expected))[0]);
      expect(answer.params['parse_mode']).toBe('HTML');
      expect(visibleText(answer)).toContain(expected.sources[0]!.quote);
      visibleText(help);

      const more = buttons(answer).find((b) => b.callback_data.startsWith('more:'))!;
      const messageId = (answer.result as { message_id: number }).message_id;
      fake.enqueueUpdate(callbackQuery(privateChat, messageId, more.callback_data));
      await fake.waitFor('answerCallbackQuery', undefined, 15_000);
      const ids = decodeFactIds(more.callback_data.slice('more:'.length));
      expect(fake.delivered('sendMessage')[2]!.params['text']).toBe(splitMessage(renderAnswerHtml(planwatch.sources(ids, 'zh'), { expanded: true }))[0]);

      await expectCleanStop(main);
    } finally {
      main.kill();
      await fake.close();
      await close();
    }
  });
});
