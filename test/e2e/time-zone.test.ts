/**
 * The deployment's default time zone (`TZ_DEFAULT`) end to end: it reaches a new subscription made
 * over the Bot API, and so decides when `remind` sends.
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startFakeTelegram } from '../fakes/telegram-api.ts';
import { chatOnce, createWorkspace, plainText, remind, telegramEnv } from './support.ts';

const workspace = createWorkspace('pw-e2e-tz-');
afterAll(() => workspace.cleanup());

it('with TZ_DEFAULT=Asia/Tokyo, /subscribe 河南 reminds at 09:00 Tokyo (00:00Z), an hour before Shanghai would', async () => {
  const fake = await startFakeTelegram({ maxPollMs: 200 });
  try {
    const dir = workspace.freshDir();
    const env = telegramEnv(workspace, fake, `sqlite:${join(dir, 'planwatch.db')}`, { TZ_DEFAULT: 'Asia/Tokyo' });
    const chat = 555;
    const confirmation = await chatOnce(workspace, fake, env, chat, '/subscribe 河南');
    expect(confirmation).toContain('Asia/Tokyo 时间 09:00 发送');

    // 09:30 in Tokyo is 08:30 in Shanghai: due for this subscription only because its zone is Tokyo.
    const before = fake.delivered('sendMessage').length;
    const run = await remind(workspace, env, ['--now', '2023-12-01T09:30:00+09:00']);
    expect(run.code, run.stderr).toBe(0);
    const texts = fake.delivered('sendMessage').slice(before).map(plainText);
    expect(texts.some((t) => t.includes('18万') && t.includes('截止 2023-12-31') && t.includes('还有30天'))).toBe(true);
  } finally {
    await fake.close();
  }
}, 120_000);
