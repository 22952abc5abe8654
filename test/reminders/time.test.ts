import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isValidTimeZone, localDate, zonedInstant } from '../../src/reminders/time.ts';

const run = promisify(execFile);

describe('zonedInstant', () => {
  it.each([
    ['2023-12-01', 'Asia/Shanghai', '2023-12-01T01:00:00.000Z'],
    ['2023-12-01', 'Asia/Tokyo', '2023-12-01T00:00:00.000Z'],
    ['2023-12-01', 'UTC', '2023-12-01T09:00:00.000Z'],
    ['2023-12-01', 'America/New_York', '2023-12-01T14:00:00.000Z'], // EST, UTC-5
    ['2023-07-01', 'America/New_York', '2023-07-01T13:00:00.000Z'], // EDT, UTC-4
    ['2023-03-12', 'America/New_York', '2023-03-12T13:00:00.000Z'], // the day clocks spring forward
    ['2023-11-05', 'America/New_York', '2023-11-05T14:00:00.000Z'], // the day clocks fall back
    ['2023-03-26', 'Europe/Berlin', '2023-03-26T07:00:00.000Z'],
    ['2023-12-01', 'Asia/Kolkata', '2023-12-01T03:30:00.000Z'],
    ['2023-12-01', 'Pacific/Chatham', '2023-11-30T19:15:00.000Z'], // UTC+13:45
  ])('09:00 on %s in %s is %s', (date, zone, expected) => {
    expect(zonedInstant(date, 9, 0, zone).toISOString()).toBe(expected);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2023-12-01T15:59:59Z', 'Asia/Shanghai', '2023-12-01'],
    ['2023-12-01T16:00:00Z', 'Asia/Shanghai', '2023-12-02'],
    ['2023-12-01T04:00:00Z', 'America/Los_Angeles', '2023-11-30'],
  ])('localDate(%s, %s) = %s', (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });

  it.each([
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-12-31', -30, '2023-12-01'],
    ['2025-12-31', -7, '2025-12-24'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['Asia/Shanghai', true], ['Asia/Tokyo', true], ['UTC', true], ['Mars/Base', false], ['', false], ['+08:00x', false],
  ])('isValidTimeZone(%j) = %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it.each([['2023-12-31', true], ['2023-02-30', false], ['2023-1-3', false], ['20231231', false]])('isIsoDate(%s) = %s', (d, ok) => {
    expect(isIsoDate(d)).toBe(ok);
  });
});

describe('the server TZ does not matter', () => {
  const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
  const root = fileURLToPath(new URL('../..', import.meta.url));

  it.each(['America/New_York', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])(
    'with TZ=%s a 09:00 Asia/Shanghai reminder fires at 01:00Z',
    async (tz) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], { cwd: root, env: { ...process.env, TZ: tz } });
      const out = JSON.parse(stdout) as { tz: string; offsetMinutes: number; fire: string; dueAt0059: string[]; dueAt0100: string[] };
      expect(out.tz).toBe(tz);
      // The child really runs in that zone (New York and LA behind UTC, Kiritimati 14 h ahead)…
      expect(out.offsetMinutes).toBe({ 'America/New_York': 300, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, UTC: 0 }[tz]);
      // …and the reminder still fires at 01:00Z.
      expect(out.fire).toBe('2023-12-01T01:00:00.000Z');
      expect(out.dueAt0059).toEqual([]);
      expect(out.dueAt0100).toEqual(['2023-12-01T01:00:00.000Z']);
    },
  );
});
