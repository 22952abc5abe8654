/**
 * The `ingest` command as a user runs it (a real process over a scratch knowledge and seeds directory):
 * idempotent re-ingest, refusals that write nothing, --dry-run, --json and progress over several files.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactFile, Manifest } from '../../src/knowledge/schema.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../extract/fixtures/${name}`, import.meta.url));

let dir: string;
let knowledgeDir: string;
let seedsDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planwatch-ingest-'));
  knowledgeDir = join(dir, 'knowledge');
  seedsDir = join(dir, 'seeds');
  mkdirSync(knowledgeDir);
  for (const f of ['regions.json', 'glossary.json']) copyFileSync(join(root, 'knowledge', f), join(knowledgeDir, f));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function ingest(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PLANWATCH_KNOWLEDGE_DIR: knowledgeDir, PLANWATCH_SEEDS_DIR: seedsDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inputs = new Set(['regions.json', 'glossary.json']);

/** Every file the command may write (not its inputs), with its text: what "nothing written" compares. */
function written(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const d of [knowledgeDir, seedsDir]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (!inputs.has(f)) files[join(d, f)] = readFileSync(join(d, f), 'utf8');
  }
  return files;
}

const facts = () => FactFile.parse(JSON.parse(readFileSync(join(knowledgeDir, 'facts.json'), 'utf8'))).facts;
const manifest = () => Manifest.parse(JSON.parse(readFileSync(join(seedsDir, 'manifest.json'), 'utf8')));

describe('ingest', () => {
  it('adds a document: copies it into the seeds, records it in the manifest and prints facts per region and kind', () => {
    const r = ingest(fixture('guangdong-news.md'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [doc] = manifest().documents;
    expect(doc).toMatchObject({ title: '广东：2025年数字经济规模力争突破7万亿元', date: '2023-09-12', dateSource: 'front matter', url: 'https://news.example.com/gd/2023/0912.html' });
    expect(readFileSync(join(seedsDir, doc!.file))).toEqual(readFileSync(fixture('guangdong-news.md')));
    expect(r.stdout).toContain(`added ${doc!.id} (2023-09-12, `);
    const targets = facts().filter((f) => f.region === '广东' && f.kind === 'target').length;
    expect(targets).toBeGreaterThan(0);
    expect(r.stdout).toContain(`  广东 target: ${targets}`);
    expect(r.stdout).toContain(`fact base: ${facts().length} facts`);
  });

  it('is idempotent: the same file again changes nothing and keeps every fact id', () => {
    expect(ingest(fixture('guangdong-news.md'), fixture('hunan-plan.html')).code).toBe(0);
    const before = written();
    const ids = facts().map((f) => f.id);
    const again = ingest(fixture('hunan-plan.html'), fixture('guangdong-news.md'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged hunan-plan_[0-9a-f]{8} /m);
    expect(written()).toEqual(before);
    expect(facts().map((f) => f.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(manifest().documents).toHaveLength(2);
  });

  it.each([
    ['a document without a date', 'newspaper-page.txt', /no publication date found.*--date YYYY-MM-DD/],
    ['an empty file', 'empty.txt', /empty\.txt: the file is empty/],
    ['a binary file', 'image.png', /image\.png: this is a PNG image, not a text document/],
  ])('refuses %s with a clear message, a non-zero exit and nothing written', (_what, name, message) => {
    const file = name === 'newspaper-page.txt' ? fixture(name) : join(dir, name);
    if (name === 'empty.txt') writeFileSync(file, '');
    if (name === 'image.png') writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const before = written();
    const r = ingest(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ingest: refused /);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(written()).toEqual(before);
  });

  it('takes the date from --date when the document has none', () => {
    const r = ingest(fixture('newspaper-page.txt'), '--date', '2023-03-01', '--title', '地方传真', '--publisher', '示例报');
    expect(r.code).toBe(0);
    expect(manifest().documents[0]).toMatchObject({ date: '2023-03-01', dateSource: '--date flag', title: '地方传真', publisher: '示例报' });
    expect(new Set(facts().map((f) => f.region))).toEqual(new Set(['湖北', '四川', '江西']));
  });

  it('refuses a --date that is not YYYY-MM-DD', () => {
    const r = ingest(fixture('newspaper-page.txt'), '--date', '2023/03/01');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--date must be YYYY-MM-DD');
    expect(written()).toEqual({});
  });

  it('--dry-run prints what would be added and writes nothing', () => {
    const r = ingest(fixture('hunan-plan.html'), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would add hunan-plan_[0-9a-f]{8} \(2024-02-20, 湖南省2024年制造业数字化转型工作要点\)$/m);
    expect(r.stdout).toMatch(/^ {2}湖南 target: \d+$/m);
    expect(r.stdout).toMatch(/^\d+ facts \(dry run, nothing written\)$/m);
    expect(written()).toEqual({});
  });

  it('--dry-run --json prints the facts as a JSON array in the answer contract and writes nothing', () => {
    const r = ingest(fixture('hunan-plan.html'), '--dry-run', '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['kind', 'region', 'metric', 'value', 'year', 'deadline', 'citations']));
      expect(h.citations).toEqual([expect.objectContaining({ document: expect.stringMatching(/^hunan-plan_/), title: '湖南省2024年制造业数字化转型工作要点', date: '2024-02-20', url: null, quote: expect.any(String) })]);
    }
    expect(hits).toContainEqual(expect.objectContaining({ region: '湖南', metric: '软件业务收入', value: '1500亿元', year: 2024, deadline: '2024-12-31' }));
    expect(written()).toEqual({});
  });

  it('--json without --dry-run writes the fact base and prints the facts of the ingested documents', () => {
    const r = ingest(fixture('fujian-pdf.txt'), '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ id: string }>;
    expect(hits.map((h) => h.id).sort()).toEqual(facts().map((f) => f.id).sort());
  });

  it('shows progress over several files, goes on after a refusal and exits 1', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = ingest(fixture('hebei-gbk.txt'), join(dir, 'empty.txt'), fixture('guangxi-traditional.txt'));
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/3\] .*hebei-gbk\.txt: \d+ facts$/);
    expect(lines[1]).toMatch(/^\[2\/3\] ingest: refused .*empty\.txt: the file is empty$/);
    expect(lines[2]).toMatch(/^\[3\/3\] .*guangxi-traditional\.txt: \d+ facts$/);
    expect(manifest().documents.map((d) => d.encoding)).toEqual(['gb18030', 'utf-8']);
    expect(new Set(facts().map((f) => f.region))).toEqual(new Set(['河北', '广西']));
  });

  it('prints its usage and exits 2 without a file', () => {
    const r = ingest();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run ingest -- FILE...');
  });
});
