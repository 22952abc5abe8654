/**
 * Calendar and time-zone maths for reminders, with `Intl.DateTimeFormat` only:
 * no date library, and never the process's own `TZ`. Every function is pure.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The default zone of subscriptions and of "today" in the CLI. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Asia/Tokyo` yes, `Mars/Base` no). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Whether `date` is a real calendar date `YYYY-MM-DD` (2023-02-30 is not). */
export function isIsoDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date;
}

function dateToUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`reminders/time: invalid date "${date}" (expected YYYY-MM-DD)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `date` plus `days` calendar days: `addDays('2023-12-31', 1)` → `2024-01-01`. */
export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC at `instantMs`, in milliseconds (Asia/Shanghai: +8 h). */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The calendar date at `instant` in `timeZone`.
 *
 * @example localDate(new Date('2023-12-01T20:00:00Z'), 'Asia/Shanghai') // '2023-12-02'
 */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant when the wall clock in `timeZone` shows `hour:minute` on `date`.
 * Daylight-saving changes are handled by re-checking the offset at the result; 09:00, the send
 * time, falls in no zone's daylight-saving gap.
 *
 * @example zonedInstant('2023-12-01', 9, 0, 'Asia/Shanghai').toISOString() // '2023-12-01T01:00:00.000Z'
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const wall = dateToUtcMs(date) + (hour * 60 + minute) * 60_000;
  const first = offsetMs(wall, timeZone);
  let guess = wall - first;
  const second = offsetMs(guess, timeZone);
  if (second !== first) guess = wall - second;
  return new Date(guess);
}
