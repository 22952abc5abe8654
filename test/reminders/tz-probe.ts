/**
 * Run in a child process with a different TZ by time.test.ts: prints when the 30-day reminder
 * of 河南's 2023-12-31 deadline fires for an Asia/Shanghai subscription.
 */
import { dueReminders } from '../../src/reminders/due.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import { zonedInstant } from '../../src/reminders/time.ts';
import { henan5g, subscription } from './fixtures.ts';

const subs = [subscription({ id: '1', selector: { region: '河南', program: null, topic: null } })];
const matches = createFactMatcher();
const at = (iso: string) => dueReminders({ subscriptions: subs, facts: [henan5g], ledger: [], now: new Date(iso), matches }).due.map((d) => d.fireAt);
process.stdout.write(
  JSON.stringify({
    tz: process.env.TZ,
    offsetMinutes: new Date('2023-12-01T00:00:00Z').getTimezoneOffset(),
    fire: zonedInstant('2023-12-01', 9, 0, 'Asia/Shanghai').toISOString(),
    dueAt0059: at('2023-12-01T00:59:59Z'),
    dueAt0100: at('2023-12-01T01:00:00Z'),
  }),
);
