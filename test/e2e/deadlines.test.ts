/**
 * `npm run --silent deadlines -- …` end to end: the real CLI (`tsx src/cli.ts deadlines`) over the
 * repository's fact base, its output read from a file and through a pipe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactHit } from '../../src/answer/types.ts';
import { isIsoDate } from '../../src/reminders/time.ts';
import { repoRoot } from '../runtime/support/process.ts';
import { runToFile, type CommandRun } from './support.ts';

const work = mkdtempSync(join(tmpdir(), 'pw-e2e-deadlines-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[]) => [process.execPath, '--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'deadlines', ...args];

/** `deadlines ...args` as `npm run --silent deadlines -- … > out` runs it. */
function deadlines(args: string[]): Promise<CommandRun> {
  return runToFile(cli(args), { cwd: repoRoot, dir: work, env: {} });
}

/** The same piped to a slow reader (`| jq` on a busy machine). */
function deadlinesThroughSlowPipe(args: string[]): Promise<CommandRun> {
  return runToFile(cli(args), { cwd: repoRoot, dir: work, env: {}, slowPipe: true });
}

/** The deadlines the issue names, each as the fact base must list it. */
const named = [
  { region: '河南', metric: /5G基站/, value: /^18万/, deadline: '2023-12-31' },
  { region: '浙江', metric: /新建项目开工率.*一季度|一季度.*新建项目开工率/, value: /^30%$/, deadline: '2023-03-31' },
  { region: '江苏', metric: /5G基站/, value: /^25\.5万/, deadline: '2025-12-31' },
  { region: '北京', metric: /数据资产/, value: /^100PB$/, deadline: '2030-12-31' },
];

function isNamed(hit: Pick<FactHit, 'region' | 'metric' | 'value' | 'deadline'>, n: (typeof named)[number]): boolean {
  return hit.region === n.region && n.metric.test(hit.metric) && n.value.test(hit.value) && hit.deadline === n.deadline;
}

describe('deadlines --json', () => {
  it('lists, among others, 河南 5G 18万 → 2023-12-31, 浙江 开工率一季度 30% → 2023-03-31, 江苏 5G 25.5万 → 2025-12-31, 北京 数据资产 100PB → 2030-12-31', async () => {
    const run = await deadlines(['--json']);
    expect(run.code, run.stderr).toBe(0);
    const hits = (JSON.parse(run.stdout) as unknown[]).map((h) => FactHit.parse(h));
    for (const n of named) {
      expect(hits.filter((h) => isNamed(h, n)), `${n.region} ${n.metric.source} ${n.value.source} → ${n.deadline}`).toHaveLength(1);
    }
    // Targets with a deadline only, earliest first, each with its source.
    expect(hits.length).toBeGreaterThan(named.length);
    expect(hits.every((h) => h.kind === 'target' && h.deadline !== null && isIsoDate(h.deadline))).toBe(true);
    const dates = hits.map((h) => h.deadline!);
    expect(dates).toEqual([...dates].sort());
    expect(hits.every((h) => h.citations.length > 0)).toBe(true);
  }, 30_000);

  it('prints the whole array through a pipe', async () => {
    const [piped, filed] = await Promise.all([deadlinesThroughSlowPipe(['--json']), deadlines(['--json'])]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(65_536); // more than one pipe buffer
    expect(piped.stdout).toBe(filed.stdout);
  }, 30_000);

  it('--region 河南 --today 2023-12-01 as text: region, deadline, metric, figure, days left, source', async () => {
    const run = await deadlines(['--region', '河南省', '--today', '2023-12-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^河南 · 2023-12-31 · 5G基站\S* 突破18万\S* · 还有30天 \[\d+\]$/m);
    expect(run.stdout).toMatch(/^\[\d+\] .+ · \d{4}-\d{2}-\d{2} · /m);
  }, 30_000);

  it('refuses a bad date with exit code 2 and a message on stderr', async () => {
    const run = await deadlines(['--from', '2023-13-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('deadlines: --from must be a date YYYY-MM-DD');
  }, 30_000);
});

// ---------------------------------------------------------------------------
// iCalendar, checked against RFC 5545 (no calendar library in the project: the rules used are spelled out)

interface Component {
  name: string;
  properties: Array<{ name: string; params: string; value: string }>;
}

/**
 * Parses an iCalendar stream strictly: CRLF line endings only, physical lines of at most 75 octets,
 * every content line `NAME *(;PARAM) : VALUE`, BEGIN/END properly nested, one VCALENDAR.
 * Throws with the reason on the first violation.
 */
function parseIcs(ics: string): Component[] {
  if (!ics.endsWith('\r\n')) throw new Error('ics: the last line does not end with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  physical.forEach((line, i) => {
    if (/[\r\n]/.test(line)) throw new Error(`ics: bare CR or LF on physical line ${i + 1}: ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`ics: physical line ${i + 1} is longer than 75 octets`);
  });
  const lines = physical.join('\r\n').replace(/\r\n[ \t]/g, '').split('\r\n');
  const components: Component[] = [];
  const stack: Component[] = [];
  for (const line of lines) {
    const m = /^([A-Za-z][A-Za-z0-9-]*)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    if (!m) throw new Error(`ics: not a content line: ${JSON.stringify(line)}`);
    const [, name, params, value] = m as unknown as [string, string, string, string];
    if (name === 'BEGIN') {
      if (stack.length === 0 && value !== 'VCALENDAR') throw new Error(`ics: ${value} outside VCALENDAR`);
      const component = { name: value, properties: [] };
      stack.push(component);
      components.push(component);
    } else if (name === 'END') {
      if (stack.pop()?.name !== value) throw new Error(`ics: END:${value} does not close the open component`);
    } else {
      const open = stack.at(-1);
      if (!open) throw new Error(`ics: property ${name} outside any component`);
      open.properties.push({ name, params, value });
    }
  }
  if (stack.length > 0) throw new Error(`ics: unclosed ${stack.map((c) => c.name).join(', ')}`);
  if (components.filter((c) => c.name === 'VCALENDAR').length !== 1) throw new Error('ics: not exactly one VCALENDAR');
  return components;
}

function one(component: Component, name: string): { params: string; value: string } {
  const found = component.properties.filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`ics: ${component.name} has ${found.length} ${name}`);
  return found[0]!;
}

/** A TEXT value (RFC 5545 §3.3.11): `, ; \` escaped, and the only escapes `\\ \; \, \n \N`. */
function isEscapedText(value: string): boolean {
  return /^(?:[^\\,;]|\\[\\;,nN])*$/.test(value);
}

/** `YYYYMMDD` as `YYYY-MM-DD`. */
const isoOf = (basic: string): string => `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}`;

describe('deadlines --ics', () => {
  it('is a valid iCalendar file: one all-day event per deadline with the figure and the source', async () => {
    const [ics, json] = await Promise.all([deadlines(['--ics']), deadlines(['--json'])]);
    expect(ics.code, ics.stderr).toBe(0);
    const components = parseIcs(ics.stdout);
    const calendar = components.find((c) => c.name === 'VCALENDAR')!;
    expect(one(calendar, 'VERSION').value).toBe('2.0');
    expect(one(calendar, 'PRODID').value).not.toBe('');

    const hits = (JSON.parse(json.stdout) as unknown[]).map((h) => FactHit.parse(h));
    const events = components.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(hits.length);
    const uids = events.map((e) => one(e, 'UID').value);
    expect(new Set(uids).size).toBe(events.length);

    for (const event of events) {
      expect(one(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
      const start = one(event, 'DTSTART');
      const end = one(event, 'DTEND');
      expect([start.params, end.params]).toEqual([';VALUE=DATE', ';VALUE=DATE']);
      expect(isIsoDate(isoOf(start.value)) && isIsoDate(isoOf(end.value))).toBe(true);
      expect(Date.parse(isoOf(end.value)) - Date.parse(isoOf(start.value))).toBe(86_400_000); // one whole day
      for (const name of ['SUMMARY', 'DESCRIPTION']) expect(isEscapedText(one(event, name).value), name).toBe(true);
    }

    // The named deadlines, each on its day, with the figure in the summary and the source in the description.
    for (const n of named) {
      const hit = hits.find((h) => isNamed(h, n))!;
      expect(hit, `${n.region} → ${n.deadline}`).toBeDefined();
      const event = events.find((e) => one(e, 'UID').value.startsWith(`${hit.id}@`))!;
      expect(one(event, 'DTSTART').value).toBe(n.deadline.replace(/-/g, ''));
      expect(one(event, 'SUMMARY').value).toContain(hit.value);
      expect(one(event, 'DESCRIPTION').value).toContain(hit.citations[0]!.title.replace(/[\\;,]/g, (c) => `\\${c}`));
    }
  }, 30_000);
});
