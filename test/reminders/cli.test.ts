import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactHit } from '../../src/answer/types.ts';
import { runDeadlinesCommand, runRemindCommand } from '../../src/reminders/cli.ts';
import { runSubscribe } from '../../src/reminders/commands.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { allFacts, beijingData, henan5g, jiangsu5g, RecordingNotifier, resolveRegion, zhejiangQ1 } from './fixtures.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('deadlines', () => {
  const base = { facts: () => allFacts, now: () => new Date('2023-12-01T04:00:00Z'), resolveRegion };

  it('--json prints FactHits sorted by deadline', async () => {
    const io = capture();
    expect(await runDeadlinesCommand(['--json'], { ...base, ...io.deps })).toBe(0);
    const hits = (JSON.parse(io.out.join('')) as unknown[]).map((h) => FactHit.strict().parse(h));
    const pairs = hits.map((h) => [h.region, h.metric, h.value, h.deadline]);
    expect(pairs).toContainEqual(['河南', henan5g.metric, '18万个', '2023-12-31']);
    expect(pairs).toContainEqual(['浙江', zhejiangQ1.metric, '30%', '2023-03-31']);
    expect(pairs).toContainEqual(['江苏', jiangsu5g.metric, '25.5万个', '2025-12-31']);
    expect(pairs).toContainEqual(['北京', beijingData.metric, '100PB', '2030-12-31']);
    const deadlines = hits.map((h) => h.deadline!);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('--region (alias resolved) --from --to', async () => {
    const io = capture();
    await runDeadlinesCommand(['--region', '浙江省', '--from', '2023-06-01', '--to', '2024-01-01', '--json'], { ...base, ...io.deps });
    expect((JSON.parse(io.out.join('')) as FactHit[]).map((h) => h.id)).toEqual(['zj-2023-8888aaaa']);
  });

  it('text: rows with days left counted from --today', async () => {
    const io = capture();
    await runDeadlinesCommand(['--region', '河南', '--today', '2023-12-24'], { ...base, ...io.deps });
    expect(io.out.join('')).toContain('河南 · 2023-12-31 · 5G基站总数 突破18万个 · 还有7天 [1]');
  });

  it('--ics prints a calendar', async () => {
    const io = capture();
    await runDeadlinesCommand(['--ics'], { ...base, ...io.deps });
    const ics = io.out.join('');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  });

  it.each([
    [['--from', '2023-13-01']],
    [['--today', 'tomorrow']],
    [['--json', '--ics']],
    [['--bogus']],
    [['--region', '火星']],
  ])('refuses %j with exit code 2', async (argv) => {
    const io = capture();
    expect(await runDeadlinesCommand(argv, { ...base, ...io.deps })).toBe(2);
    expect(io.err.join('')).toMatch(/^deadlines: /);
    expect(io.out).toEqual([]);
  });
});

describe('remind', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => store.close());

  it('/subscribe 河南 then remind at 2023-12-01 12:00+08:00 delivers once; a second run sends nothing', async () => {
    const matches = createFactMatcher();
    const chat = { surface: 'telegram' as const, chatId: '777' };
    await runSubscribe({ store, vocab: { resolveRegion, programs: [] } }, chat, '河南', new Date('2023-11-30T00:00:00Z'));
    const telegram = new RecordingNotifier('telegram');
    const deps = { store, facts: () => allFacts, notifiers: [telegram], matches };

    const dry = capture();
    expect(await runRemindCommand(['--now', '2023-12-01T12:00:00+08:00', '--dry-run', '--json'], { ...deps, ...dry.deps })).toBe(0);
    const planned = JSON.parse(dry.out.join('')) as { dryRun: boolean; sent: Array<{ chat: unknown; message: { facts: FactHit[] } }> };
    expect(planned.dryRun).toBe(true);
    expect(planned.sent.map((s) => s.message.facts[0]!.id)).toEqual([henan5g.id]);
    expect(telegram.deliveries).toEqual([]);

    const first = capture();
    expect(await runRemindCommand(['--now', '2023-12-01T12:00:00+08:00'], { ...deps, ...first.deps })).toBe(0);
    expect(first.out.join('')).toContain('已发送 → telegram:777 · 提醒：河南 5G基站总数 突破18万个，截止 2023-12-31，还有30天');
    expect(telegram.to('777')).toHaveLength(1);
    expect(telegram.to('777')[0]!.message.text).toContain(henan5g.citations[0]!.title);

    const second = capture();
    await runRemindCommand(['--now', '2023-12-01T12:00:00+08:00', '--json'], { ...deps, ...second.deps });
    expect((JSON.parse(second.out.join('')) as { sent: unknown[] }).sent).toEqual([]);
    expect(telegram.deliveries).toHaveLength(1);
  });

  it.each([[['--now', '2023-12-01']], [['--now', '2023-12-01T12:00:00']], [['--now', 'soon']], [['--what']]])(
    'refuses %j with exit code 2',
    async (argv) => {
      const io = capture();
      const code = await runRemindCommand(argv, { store, facts: () => allFacts, notifiers: [], matches: createFactMatcher(), ...io.deps });
      expect(code).toBe(2);
      expect(io.err.join('')).toMatch(/^remind: /);
    },
  );
});
