import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logAnswer, type AnswerEvent } from '../../src/runtime/logger.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';

const event = (over: Partial<AnswerEvent>): AnswerEvent => ({
  surface: 'telegram', latencyMs: 12, answered: true, factIds: ['zj-2023-1a2b3c4d'], question: '浙江数字经济目标', ...over,
});

/** The value of one sample line of the exposition, e.g. `planwatch_facts`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('counts questions answered and refused per surface', async () => {
    const metrics = createMetrics();
    metrics.recordAnswer(event({}));
    metrics.recordAnswer(event({}));
    metrics.recordAnswer(event({ answered: false, factIds: [] }));
    metrics.recordAnswer(event({ surface: 'slack' }));
    const text = await metrics.render();
    expect(sample(text, 'planwatch_questions_total{surface="telegram",outcome="answered"}')).toBe(2);
    expect(sample(text, 'planwatch_questions_total{surface="telegram",outcome="refused"}')).toBe(1);
    expect(sample(text, 'planwatch_questions_total{surface="slack",outcome="answered"}')).toBe(1);
    expect(text).toContain('# TYPE planwatch_questions_total counter');
  });

  it.each<[number, string, number]>([
    [0.5, '0.001', 1],
    [3, '0.001', 0],
    [3, '0.005', 1],
    [700, '0.5', 0],
    [700, '1', 1],
  ])('a %s ms answer falls in bucket le=%s: %s', async (ms, le, count) => {
    const metrics = createMetrics();
    metrics.recordAnswer(event({ latencyMs: ms }));
    const text = await metrics.render();
    expect(sample(text, `planwatch_answer_latency_seconds_bucket{le="${le}",surface="telegram"}`)).toBe(count);
    expect(sample(text, 'planwatch_answer_latency_seconds_sum{surface="telegram"}')).toBeCloseTo(ms / 1000, 6);
    expect(sample(text, 'planwatch_answer_latency_seconds_count{surface="telegram"}')).toBe(1);
  });

  it('counts reminders sent and failed, and shows the fact count', async () => {
    const metrics = createMetrics();
    metrics.recordReminders({ sent: 3, failed: 0 });
    metrics.recordReminders({ sent: 1, failed: 2 });
    metrics.setFactCount(412);
    const text = await metrics.render();
    expect(sample(text, 'planwatch_reminders_sent_total')).toBe(4);
    expect(sample(text, 'planwatch_reminders_failed_total')).toBe(2);
    expect(sample(text, 'planwatch_facts')).toBe(412);
  });

  it('starts the configured surfaces at zero', async () => {
    const text = await createMetrics({ surfaces: ['slack'] }).render();
    expect(sample(text, 'planwatch_questions_total{surface="slack",outcome="answered"}')).toBe(0);
    expect(sample(text, 'planwatch_questions_total{surface="slack",outcome="refused"}')).toBe(0);
    expect(sample(text, 'planwatch_answer_latency_seconds_count{surface="slack"}')).toBe(0);
  });

  it('keeps two registries apart (no global default registry)', async () => {
    const a = createMetrics();
    const b = createMetrics({ processMetrics: true });
    a.setFactCount(1);
    b.setFactCount(2);
    expect(sample(await a.render(), 'planwatch_facts')).toBe(1);
    expect(sample(await b.render(), 'planwatch_facts')).toBe(2);
    expect(await b.render()).toContain('planwatch_process_cpu_seconds_total');
    expect(a.contentType).toContain('text/plain');
  });
});

describe('logger', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    return { lines, logger: createLogger({ level: 'info', destination: stream }) };
  };

  it.each<[string, AnswerEvent, Record<string, unknown>]>([
    ['answered', event({ latencyMs: 4.26 }), { surface: 'telegram', outcome: 'answered', latencyMs: 4.3, factIds: ['zj-2023-1a2b3c4d'] }],
    ['refused', event({ surface: 'slack', answered: false, factIds: [] }), { surface: 'slack', outcome: 'refused', factIds: [] }],
  ])('writes one line per question (%s), without the question text', (_name, e, expected) => {
    const { lines, logger } = capture();
    logAnswer(logger, e);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ ...expected, event: 'answer', level: 'info', service: 'planwatch', questionChars: [...e.question].length });
    expect(lines[0]).not.toContain(e.question);
  });

  it('redacts secrets wherever a logged object carries them', () => {
    const { lines, logger } = capture();
    const secrets = ['123:tg-token', 'xoxb-1-secret', 'xapp-1-secret', 'signing-secret', 'hook-secret', 'postgres://u:pw@h/db', 'Bearer abc'];
    logger.info({
      token: secrets[0],
      config: { telegram: { token: secrets[0], webhook: { secret: secrets[4] } }, slack: { botToken: secrets[1], appToken: secrets[2], signingSecret: secrets[3] }, databaseUrl: secrets[5] },
      req: { headers: { authorization: secrets[6], 'x-telegram-bot-api-secret-token': secrets[4], 'x-slack-signature': 'v0=abc' } },
    }, 'careless');
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain('v0=abc');
    expect(lines[0]).toContain('[redacted]');
  });
});
