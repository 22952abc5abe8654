import { describe, expect, it } from 'vitest';
import { Answer, FactHit } from '../../src/answer/types.ts';
import { deadlinesAnswer, escapeIcsText, foldIcsLine, listDeadlines, toIcs } from '../../src/reminders/deadlines.ts';
import { allFacts, beijingData, fact, henan5g, jiangsu5g, zhejiangCluster, zhejiangGdp, zhejiangQ1 } from './fixtures.ts';

describe('listDeadlines', () => {
  it('lists targets with a deadline, earliest first, with days left or past', () => {
    const items = listDeadlines(allFacts, {}, '2023-12-01');
    expect(items.map((i) => [i.fact.id, i.deadline, i.daysLeft])).toEqual([
      [zhejiangQ1.id, '2023-03-31', -245],
      [henan5g.id, '2023-12-31', 30],
      [zhejiangGdp.id, '2023-12-31', 30],
      [jiangsu5g.id, '2025-12-31', 761],
      [zhejiangCluster.id, '2027-12-31', 1491],
      [beijingData.id, '2030-12-31', 2587],
    ]);
  });

  it.each([
    [{ region: '浙江' }, [zhejiangQ1.id, zhejiangGdp.id, zhejiangCluster.id]],
    [{ from: '2023-12-31', to: '2025-12-31' }, [henan5g.id, zhejiangGdp.id, jiangsu5g.id]],
    [{ region: '河南', from: '2024-01-01' }, []],
    [{ to: '2023-03-31' }, [zhejiangQ1.id]],
  ])('filter %j', (filter, ids) => {
    expect(listDeadlines(allFacts, filter, '2023-12-01').map((i) => i.fact.id)).toEqual(ids);
  });
});

describe('deadlinesAnswer', () => {
  it('is a valid Answer with a row and a numbered source per deadline', () => {
    const a = Answer.parse(deadlinesAnswer(allFacts, { region: '浙江' }, '2023-12-01'));
    expect(a.intent).toBe('deadline');
    expect(a.answered).toBe(true);
    expect(a.rows.map((r) => r.factId)).toEqual([zhejiangQ1.id, zhejiangGdp.id, zhejiangCluster.id]);
    expect(a.sources.map((s) => [s.n, s.factId])).toEqual([[1, zhejiangQ1.id], [2, zhejiangGdp.id], [3, zhejiangCluster.id]]);
    expect(a.text).toContain('浙江 · 2023-03-31 · 新建项目开工率 达到30% · 已过去245天 [1]');
    expect(a.text).toContain('浙江 · 2023-12-31 · 地区生产总值 增长8%（力争） · 还有30天 [2]');
    expect(a.text).toContain(`[1] ${zhejiangQ1.citations[0]!.title}`);
    expect(a.text).toContain(zhejiangQ1.citations[0]!.quote);
  });

  it('on the deadline day says so', () => {
    expect(deadlinesAnswer([henan5g], {}, '2023-12-31').text).toContain('河南 · 2023-12-31 · 5G基站总数 突破18万个 · 今天截止 [1]');
  });

  it('limits rows with a note, and keeps at most 10 facts', () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      fact({ id: `hn-2024-${String(i).padStart(8, '0')}`, region: '河南', metric: `指标${i}`, value: `${i}%`, deadline: `2024-01-${String(i + 10).padStart(2, '0')}` }),
    );
    const all = Answer.parse(deadlinesAnswer(many, {}, '2024-01-01'));
    expect(all.rows).toHaveLength(14);
    expect(all.facts).toHaveLength(10);
    const limited = deadlinesAnswer(many, {}, '2024-01-01', { limit: 5 });
    expect(limited.rows).toHaveLength(5);
    expect(limited.notes).toEqual(['另有9项未列出，请缩小地区或日期范围。']);
  });

  it('with nothing to list is unanswered with a reason', () => {
    const a = Answer.parse(deadlinesAnswer(allFacts, { region: '西藏' }, '2023-12-01'));
    expect(a.answered).toBe(false);
    expect(a.reason).toContain('西藏');
  });

  it('facts are in the FactHit shape (no offsets)', () => {
    const a = deadlinesAnswer([henan5g], {}, '2023-12-01');
    expect(FactHit.strict().parse(a.facts[0])).toBeTruthy();
    expect(a.facts[0]!.citations[0]).not.toHaveProperty('offset');
  });
});

describe('iCalendar', () => {
  const now = new Date('2023-11-20T08:30:00Z');
  const items = listDeadlines(allFacts, {}, '2023-12-01');
  const ics = toIcs(items, { now });

  /** Unfolds content lines (RFC 5545 §3.1) and splits name;params:value. */
  function unfold(text: string): string[] {
    return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
  }

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line at 75 octets without splitting a character', () => {
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // Chinese descriptions do fold
    expect(ics).not.toContain('\uFFFD');
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);
  });

  it('has one all-day VEVENT per deadline with stable UIDs', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(items.length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(items.length);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual(items.map((i) => `UID:${i.fact.id}@planwatch`));
    expect(toIcs(items, { now: new Date('2024-01-01T00:00:00Z') }).match(/UID:.*/g)).toEqual(ics.match(/UID:.*/g));
  });

  it('describes 河南 5G with dates, figure and source', () => {
    const lines = unfold(ics);
    const start = lines.indexOf(`UID:${henan5g.id}@planwatch`);
    const event = lines.slice(start, lines.indexOf('END:VEVENT', start));
    expect(event).toContain('DTSTART;VALUE=DATE:20231231');
    expect(event).toContain('DTEND;VALUE=DATE:20240101');
    expect(event).toContain('DTSTAMP:20231120T083000Z');
    expect(event).toContain('SUMMARY:河南·5G基站总数·突破18万个');
    const description = event.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain('突破18万个');
    expect(description).toContain(henan5g.citations[0]!.title);
    expect(description).toContain('2023-04-18');
    expect(description).toContain(henan5g.citations[0]!.url!);
    // Full-width punctuation stays as is; the description's lines are joined by an escaped \n.
    expect(description).toContain('到2023年年底，河南5G基站总数将突破18万个');
    expect(description).toContain('\\n');
    expect(event).toContain(`URL:${henan5g.citations[0]!.url}`);
  });

  it('escapes ASCII separators of a quote in the description', () => {
    const quoted = fact({ id: 'zj-2024-12345678', region: '浙江', metric: '规上工业增加值', value: '6%', deadline: '2024-12-31',
      citations: [{ document: 'd', title: 'T; 2024', date: '2024-01-02', url: null, quote: '力争全省规上工业增加值增长6%,数字经济增长8%', offset: 0 }] });
    const description = unfold(toIcs(listDeadlines([quoted], {}, '2024-01-01'), { now })).find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain('增长6%\\,数字经济');
    expect(description).toContain('T\\; 2024');
  });

  it.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['，；', '，；'], // full-width punctuation needs no escaping
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeIcsText(input)).toBe(expected);
  });

  it.each([
    ['ascii', 'X'.repeat(200)],
    ['chinese', '河'.repeat(100)],
    ['mixed', `DESCRIPTION:${'a河'.repeat(60)}😀${'b'.repeat(80)}`],
  ])('folding %s round-trips and stays within 75 octets', (_name, line) => {
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
