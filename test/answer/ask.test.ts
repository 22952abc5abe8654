/**
 * The ask command's contract (issue 3): what other checks rely on. The real command is run as npm runs it,
 * over the repository's fact base; answers are checked against the contract's shape and the seed documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { loadDocumentsText } from '../../src/eval/documents.ts';

/** The answer contract as issue 3 writes it; extra fields are allowed, these must be there with these types. */
const ContractFact = z.object({
  id: z.string(),
  kind: z.enum(['target', 'actual', 'program']),
  region: z.string().min(1),
  metric: z.string(),
  value: z.string().min(1),
  year: z.number().int().nullable(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  citations: z.array(z.object({
    document: z.string(), title: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), url: z.string().nullable(), quote: z.string().min(1),
  })).min(1),
});
const ContractAnswer = z.object({ question: z.string(), answered: z.boolean(), text: z.string().min(1), facts: z.array(ContractFact).max(10) });
type ContractAnswer = z.infer<typeof ContractAnswer>;

const cache = mkdtempSync(join(tmpdir(), 'pw-ask-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
const texts = loadDocumentsText('seeds');

function ask(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ask', ...args], {
    input, encoding: 'utf8', env: { ...process.env, PLANWATCH_CACHE_DIR: cache }, timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectCitedInSeeds(a: ContractAnswer): void {
  for (const f of a.facts) {
    for (const c of f.citations) expect(normalizeForMatch(texts.get(c.document) ?? ''), c.quote).toContain(normalizeForMatch(c.quote));
  }
}

describe('npm run ask', () => {
  it('prints the answer text, the answer first and then its numbered sources', () => {
    const r = ask(['--today', '2023-06-01', '浙江2023年数字经济核心产业增加值增长目标']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^浙江 2023年目标：数字经济核心产业增加值增长10%/);
    expect(lines.some((l) => /^\[1\] .+ · \d{4}-\d{2}-\d{2} · “.+”/.test(l))).toBe(true);
  });

  it('--json prints one Answer in the contract shape, most relevant fact first, every quote in its document', () => {
    const r = ask(['--json', '--today', '2023-06-01', '河南2023年底5G基站目标']);
    expect(r.status).toBe(0);
    const a = ContractAnswer.parse(JSON.parse(r.stdout));
    expect(a).toMatchObject({ question: '河南2023年底5G基站目标', answered: true });
    expect(a.facts[0]).toMatchObject({ region: '河南', year: 2023, deadline: '2023-12-31', kind: 'target' });
    expect(a.facts[0]!.value).toContain('18万');
    expectCitedInSeeds(a);
  });

  it('--json without a question answers stdin line by line, in order, a blank line refused in its place', () => {
    const questions = ['What is 415X?', '', '广东2023年5G基站目标', '哪些省份提了5G基站目标'];
    const r = ask(['--json', '--today', '2023-06-01'], `${questions.join('\n')}\n`);
    expect(r.status).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => ContractAnswer.parse(JSON.parse(l)));
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.answered)).toEqual([true, false, false, true]);
    expect(answers[3]!.facts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(answers[3]!.facts.map((f) => f.region)).size).toBe(answers[3]!.facts.length);
    answers.forEach(expectCitedInSeeds);
  });

  it('--today sets the current date for 今年 and refuses a malformed date', () => {
    const a = ContractAnswer.parse(JSON.parse(ask(['--json', '--today', '2022-05-01', '浙江今年数字经济核心产业增加值增长目标']).stdout));
    expect(a.facts[0]).toMatchObject({ region: '浙江', year: 2022 });
    const bad = ask(['--today', '2023/06/01', '浙江']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--today');
  });
});
