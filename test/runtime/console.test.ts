import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';
import type { Planwatch } from '../../src/planwatch.ts';
import {
  alignColumns, displayWidth, parseConsoleLine, renderAnswerText, runConsole, type ConsoleCommand,
} from '../../src/runtime/console.ts';
import { createTestPlanwatch, type TestPlanwatch } from '../support/planwatch.ts';

const ANSI = /\x1b\[[0-9;]*m/;

let test: TestPlanwatch;
let planwatch: Planwatch;
beforeAll(async () => {
  test = await createTestPlanwatch();
  planwatch = test.planwatch;
});
afterAll(() => test.close());

/** A question the core answers, found from the core's own summary rather than hard-coded. */
const answerable = (): Answer => {
  for (const region of planwatch.summary().regions) {
    const answer = planwatch.ask(`${region}5G基站总数目标`);
    if (answer.answered && answer.facts.length > 0) return answer;
    const other = planwatch.ask(`${region}数字经济核心产业增加值增长目标`);
    if (other.answered && other.facts.length > 0) return other;
  }
  throw new Error('the test core answered none of the probe questions');
};

describe('displayWidth and alignColumns', () => {
  it.each<[string, number]>([
    ['', 0], ['abc', 3], ['浙江', 4], ['5G基站', 6], ['１０％', 6], ['增长10%', 7], ['「引号」', 8],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('aligns CJK cells by display width', () => {
    const lines = alignColumns([
      ['浙江', '2023', '数字经济核心产业增加值', '增长10%', '[1]'],
      ['内蒙古', '2025', '5G基站', '1万个', '[2]'],
    ]);
    const at = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)));
    expect(at(lines[0]!, '增长10%')).toBe(at(lines[1]!, '1万个'));
    expect(at(lines[0]!, '[1]')).toBe(at(lines[1]!, '[2]'));
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });
});

describe('renderAnswerText', () => {
  it('shows the headline, the figure and the numbered source with its quote', () => {
    const answer = answerable();
    const text = renderAnswerText(answer);
    const source = answer.sources[0]!;
    expect(text.split('\n')[0]).toBe(answer.headline);
    expect(text).toContain(answer.facts[0]!.value);
    expect(text).toContain(`[${source.n}] ${source.title} · ${source.date}`);
    expect(text).toContain(source.quote);
    expect(text).not.toMatch(ANSI);
  });

  it('colours only when asked, and the text underneath stays the same', () => {
    const answer = answerable();
    const coloured = renderAnswerText(answer, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(renderAnswerText(answer));
  });

  it('shows a refusal with its reason and the nearest facts', () => {
    const answer = planwatch.ask('火星2099年殖民地人口目标');
    expect(answer.answered).toBe(false);
    const text = renderAnswerText(answer);
    expect(text.split('\n')[0]).toBe(answer.headline);
    for (const fact of answer.suggestions) expect(text).toContain(`${fact.metric} ${fact.comparator ?? ''}${fact.value}`);
  });

  it('lays rows out in columns with notes and sources (list answers)', () => {
    const base = answerable();
    const fact = base.facts[0]!;
    const source = base.sources[0]!;
    const list: Answer = {
      ...base, intent: 'list', headline: '2 项目标', figure: null,
      rows: [
        { region: fact.region, year: fact.year, metric: fact.metric, figure: fact.value, kind: fact.kind, source: 1, factId: fact.id },
        { region: '内蒙古', year: null, metric: '短', figure: '1个', kind: 'target', source: 2, factId: 'nm-x-00000000' },
      ],
      notes: ['未找到2024年的数据，显示2023年。'],
      sources: [source, { ...source, n: 2, url: null }],
    };
    const lines = renderAnswerText(list).split('\n');
    const rowLines = lines.filter((l) => l.endsWith('[1]') || l.endsWith('[2]'));
    expect(rowLines).toHaveLength(2);
    expect(rowLines[1]).toContain('—');
    expect(displayWidth(rowLines[0]!.slice(0, rowLines[0]!.indexOf('[1]')))).toBe(displayWidth(rowLines[1]!.slice(0, rowLines[1]!.indexOf('[2]'))));
    expect(lines).toContain('注：未找到2024年的数据，显示2023年。');
    expect(lines.filter((l) => /^\[\d\] /.test(l))).toHaveLength(2);
  });

  it.each(['help', 'deadline', 'subscription'] as const)('prints the core\'s text for a %s answer', (intent) => {
    const answer = intent === 'help' ? planwatch.help() : intent === 'deadline' ? planwatch.deadlines('') : { ...planwatch.help(), intent };
    expect(renderAnswerText(answer)).toBe(answer.text.trimEnd());
  });
});

describe('parseConsoleLine', () => {
  it.each<[string, ConsoleCommand]>([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['退出', { kind: 'quit' }],
    ['help', { kind: 'help' }],
    ['/help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['deadlines', { kind: 'deadlines', args: '' }],
    ['deadlines 浙江', { kind: 'deadlines', args: '浙江' }],
    ['/deadlines  河南 ', { kind: 'deadlines', args: '河南' }],
    ['/ask 浙江数字经济', { kind: 'question', text: '浙江数字经济' }],
    ['浙江2023年制造业投资增长目标', { kind: 'question', text: '浙江2023年制造业投资增长目标' }],
    ['help me with 5G', { kind: 'question', text: 'help me with 5G' }],
    ['/subscribe 浙江 5G', { kind: 'chat-only', command: 'subscribe' }],
    ['/subscriptions', { kind: 'chat-only', command: 'subscriptions' }],
  ])('%j', (line, command) => {
    expect(parseConsoleLine(line)).toEqual(command);
  });
});

describe('runConsole', () => {
  const collect = (stream: PassThrough) => {
    let text = '';
    stream.on('data', (chunk) => (text += String(chunk)));
    return () => text;
  };

  it('answers piped lines with nothing but the answers, and ends at end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const session = runConsole({ planwatch, input, output, interactive: false });
    const answer = answerable();
    const refusal = planwatch.ask('火星2099年殖民地人口目标');
    input.end(`${answer.question}\n\n${refusal.question}\ndeadlines\n`);
    const result = await session.done;
    expect(result).toEqual({ reason: 'end of input', answered: 3, failed: 0 });
    const expected = [renderAnswerText(answer), renderAnswerText(refusal), renderAnswerText(planwatch.deadlines(''))].join('\n\n');
    expect(out()).toBe(`${expected}\n`);
    expect(out()).not.toContain('planwatch>');
  });

  it('stops at quit and ignores what follows', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const session = runConsole({ planwatch, input, output, interactive: false });
    input.end('help\nquit\n火星\n');
    expect(await session.done).toMatchObject({ reason: 'quit', answered: 1 });
    expect(out()).toContain('deadlines [地区]');
    expect(out()).not.toContain('火星');
  });

  it('reports a line whose handling throws and goes on', async () => {
    const broken: Planwatch = { ...planwatch, ask: () => { throw new Error('core: broken invariant'); } };
    const input = new PassThrough();
    const output = new PassThrough();
    const errors = new PassThrough();
    const err = collect(errors);
    const session = runConsole({ planwatch: broken, input, output, errorOutput: errors, interactive: false });
    input.end('anything\nhelp\n');
    expect(await session.done).toMatchObject({ answered: 1, failed: 1 });
    expect(err()).toBe('error: core: broken invariant\n');
  });

  it('greets and prompts on a terminal', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const session = runConsole({ planwatch, input, output, interactive: true });
    input.write('deadlines\n');
    input.end();
    await session.done;
    const summary = planwatch.summary();
    expect(out()).toContain(`${summary.facts} facts`);
    expect(out()).toContain('planwatch> ');
  });

  it('can be closed from outside (shutdown)', async () => {
    const input = new PassThrough();
    const session = runConsole({ planwatch, input, output: new PassThrough(), interactive: false });
    session.close();
    expect(await session.done).toMatchObject({ reason: 'closed' });
  });
});
