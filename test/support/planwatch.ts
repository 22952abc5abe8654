/**
 * TEMPORARY test core, to be replaced by the real `createPlanwatch` over the seeds
 * (same signature). Adapter tests must assert relative to what `planwatch.ask()`
 * returns, never on hard-coded figures, so they keep passing with the real core.
 */
import type { Answer, FactHit } from '../../src/answer/types.ts';
import type { FeedbackVote, Planwatch } from '../../src/planwatch.ts';
import type { ChatRef, Subscription } from '../../src/reminders/types.ts';

/** A document added to the test fact base on top of the seeds. */
export interface TestDocument {
  name: string;
  text: string;
  date: string;
  title: string;
  url?: string | null;
}

export interface TestPlanwatch {
  planwatch: Planwatch;
  close(): Promise<void>;
}

const seedFacts: FactHit[] = [
  {
    id: 'hn-2023-0a1b2c3d', kind: 'target', region: '河南', city: null, metric: '5G基站总数', value: '18万个',
    comparator: '突破', hedge: null, number: 180000, unit: '个', year: 2023, deadline: '2023-12-31', definition: null,
    citations: [{ document: '000_8dca176c051ee1d1', title: '浙江：今年力争数字经济核心产业增加值增长10%', date: '2023-04-18',
      url: null, quote: '到2023年年底，河南5G基站总数将突破18万个' }],
  },
  {
    id: 'zj-2023-1a2b3c4d', kind: 'target', region: '浙江', city: null, metric: '数字经济核心产业增加值', value: '10%',
    comparator: '增长', hedge: '力争', number: 10, unit: '%', year: 2023, deadline: '2023-12-31', definition: null,
    citations: [{ document: '004_8cc910abbb1174d9', title: '2023年全省经信工作要点', date: '2023-03-28', url: 'https://example.gov.cn/a.html',
      quote: '力争全省规上工业增加值增长5.5%,数字经济核心产业增加值增长10%' }],
  },
];

function refuse(question: string): Answer {
  const text = '知识库中没有相关数据。';
  return { question, answered: false, intent: 'refuse', language: 'zh', text, headline: text, figure: null, rows: [],
    notes: [], sources: [], facts: [], suggestions: seedFacts.slice(0, 3), reason: text };
}

function single(question: string, fact: FactHit, intent: Answer['intent'] = 'value'): Answer {
  const c = fact.citations[0]!;
  const headline = `${fact.region} ${fact.year}年目标：${fact.metric}${fact.comparator ?? ''}${fact.value}`;
  const text = `${headline}\n[1] ${c.title} · ${c.date} · ${c.quote}`;
  return { question, answered: true, intent, language: 'zh', text, headline, figure: fact.value, rows: [], notes: [],
    sources: [{ ...c, n: 1, factId: fact.id }], facts: [fact], suggestions: [], reason: null };
}

/** Builds a test core over the seeds plus `documents`. */
export async function createTestPlanwatch(options: { documents?: TestDocument[] } = {}): Promise<TestPlanwatch> {
  const facts = [...seedFacts];
  for (const [i, d] of (options.documents ?? []).entries()) {
    const m = /(\d+(?:\.\d+)?)(%|万?亿?元|万?个|家)/.exec(d.text);
    if (!m) continue;
    facts.push({ id: `zj-2023-ffff${String(i).padStart(4, '0')}`, kind: 'target', region: '浙江', city: null,
      metric: d.text.slice(0, m.index).slice(-12), value: m[0], comparator: null, hedge: null, number: Number(m[1]),
      unit: m[2] ?? null, year: 2023, deadline: '2023-12-31', definition: null,
      citations: [{ document: d.name, title: d.title, date: d.date, url: d.url ?? null, quote: d.text.slice(0, 80) }] });
  }
  const subs: Subscription[] = [];
  const votes: FeedbackVote[] = [];
  const seen = new Set<string>();
  const same = (a: ChatRef, b: ChatRef) => a.surface === b.surface && a.chatId === b.chatId;
  const note = (question: string, text: string, intent: Answer['intent']): Answer =>
    ({ question, answered: true, intent, language: 'zh', text, headline: text, figure: null, rows: [], notes: [],
      sources: [], facts: [], suggestions: [], reason: null });
  const planwatch: Planwatch = {
    ask(question) {
      const q = question.trim();
      const hit = facts.find((f) => q.includes(f.region) && [...f.metric].some((ch) => q.includes(ch)));
      return hit ? single(question, hit) : refuse(question);
    },
    help: () => note('', '我能回答：河南、浙江', 'help'),
    summary: () => ({ regions: ['河南', '浙江'], years: [2023], facts: facts.length, documents: 5, examples: ['河南5G基站目标'] }),
    deadlines: () => note('', facts.map((f) => `${f.region} ${f.metric} ${f.value} ${f.deadline}`).join('\n'), 'deadline'),
    sources(ids) {
      const fs = facts.filter((f) => ids.includes(f.id));
      return note('', fs.map((f, i) => `[${i + 1}] ${f.citations[0]!.title} ${f.citations[0]!.quote}`).join('\n'), 'sources');
    },
    fact: (id) => facts.find((f) => f.id === id),
    async subscribe(chat, args) {
      subs.push({ id: `s${subs.length + 1}`, chat, selector: { region: args.trim() || null, program: null, topic: null },
        leadDays: [30, 7, 0], timeZone: 'Asia/Shanghai', active: true, createdAt: new Date(0).toISOString() });
      return note(args, `已订阅：${args}`, 'subscription');
    },
    async subscribeToFact(chat, factId) {
      const f = facts.find((x) => x.id === factId);
      return this.subscribe(chat, f?.region ?? '');
    },
    async unsubscribe(chat) {
      for (const s of subs) if (same(s.chat, chat)) s.active = false;
      return note('', '已取消订阅', 'subscription');
    },
    async subscriptions(chat) {
      return note('', subs.filter((s) => s.active && same(s.chat, chat)).map((s) => s.selector.region).join('\n') || '没有订阅', 'subscription');
    },
    async deactivateChat(chat) {
      let n = 0;
      for (const s of subs) if (same(s.chat, chat) && s.active) { s.active = false; n++; }
      return n;
    },
    async firstDelivery(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    async recordFeedback(vote) { votes.push(vote); },
    async listFeedback() { return [...votes]; },
  };
  return { planwatch, close: async () => {} };
}
