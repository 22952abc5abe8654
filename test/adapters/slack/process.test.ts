/**
 * `npm start` with SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL: the real process (`adapters/main.ts` as a
 * child) serves /slack/events on its port and talks to the fake Web API exactly as it would to Slack. Expected
 * messages come from an in-test core over the same fact base, rendered in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionIds } from '../../../adapters/slack/actions.ts';
import { renderAnswerBlocks } from '../../../adapters/slack/render.ts';
import { startFakeSlack } from '../../fakes/slack-api.ts';
import { expectCleanStop, listeningPort, repoEnv, startMain } from '../../runtime/support/process.ts';
import { createTestPlanwatch, testToday } from '../../support/planwatch.ts';
import { botToken, buttonOf, createSlackSender, signingSecret } from './harness.ts';

const work = mkdtempSync(join(tmpdir(), 'pw-slack-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm start with Slack configured (HTTP mode)', () => {
  it('answers /plans privately, shares it, answers a DM, and refuses a forged request', async () => {
    const { planwatch, close } = await createTestPlanwatch({ today: testToday });
    const fake = await startFakeSlack();
    const main = startMain(['start'], {
      cwd: work,
      env: repoEnv(work, testToday, { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0' }),
    });
    try {
      const port = await listeningPort(main);
      await main.waitForLine(/slack: adapter started/);
      // The bot token is checked with auth.test at SLACK_API_URL, as with Slack.
      expect((await fake.waitFor('auth.test')).headers.authorization).toBe(`Bearer ${botToken}`);
      const slack = createSlackSender(`http://127.0.0.1:${port}/slack/events`, fake);

      const question = planwatch.summary().examples[0]!;
      const expected = planwatch.ask(question);
      expect(expected.answered).toBe(true);
      expect((await slack.sendCommand(question, { responseId: 'proc' })).status).toBe(200);
      const reply = await fake.waitFor('response', (c) => c.responseId === 'proc', 15_000);
      const rendered = renderAnswerBlocks(expected, { ephemeral: true, shareable: true, showQuestion: true });
      expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: rendered.text, blocks: rendered.blocks });

      expect((await slack.click(buttonOf(reply, actionIds.share), { channel: 'C0PLANS', responseId: 'procShare', ephemeral: true })).status).toBe(200);
      const shared = await fake.waitFor('chat.postMessage', (c) => c.ok && c.body.channel === 'C0PLANS', 15_000);
      expect(shared.body.text).toBe(renderAnswerBlocks(expected, { showQuestion: true }).text);

      await slack.sendEvent({
        type: 'message', channel_type: 'im', user: 'U0ANALYST', text: question, ts: '1700000200.000100', channel: 'D0ANALYST',
      });
      const dm = await fake.waitFor('chat.postMessage', (c) => c.ok && c.body.channel === 'D0ANALYST', 15_000);
      expect(dm.body.blocks).toEqual(renderAnswerBlocks(expected).blocks);

      expect((await slack.post('{"type":"event_callback"}', 'application/json', { secret: 'forged' })).status).toBe(401);

      await expectCleanStop(main);
    } finally {
      main.kill();
      await fake.close();
      await close();
    }
  });
});
