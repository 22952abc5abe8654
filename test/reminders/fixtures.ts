/**
 * Small fact fixtures and test doubles for the reminders tests (not a test file itself).
 */
import { Fact } from '../../src/knowledge/schema.ts';
import type { Answer } from '../../src/answer/types.ts';
import { DeliveryError, type ChatRef, type DeliveryFailure, type Notifier, type Subscription, type Surface } from '../../src/reminders/types.ts';

type FactInput = Partial<Fact> & Pick<Fact, 'id' | 'region' | 'metric' | 'value'>;

/** A validated fact with sensible defaults. */
export function fact(input: FactInput): Fact {
  return Fact.parse({
    kind: 'target',
    year: 2023,
    deadline: null,
    citations: [{ document: 'doc-1', title: '测试文件', date: '2023-03-01', url: null, quote: `${input.region}${input.metric}${input.value}`, offset: 0 }],
    ...input,
  });
}

/** 河南 5G基站总数 突破18万个, 年底 → 2023-12-31. */
export const henan5g = fact({
  id: 'hn-2023-0a1b2c3d', region: '河南', metric: '5G基站总数', value: '18万个', comparator: '突破',
  number: 180000, unit: '个', deadline: '2023-12-31',
  citations: [{ document: '000_8dca176c051ee1d1', title: '河南省5G发展行动计划', date: '2023-04-18',
    url: 'https://example.gov.cn/hn.html', quote: '到2023年年底，河南5G基站总数将突破18万个', offset: 12 }],
});

/** 浙江 新建项目开工率 30%, 一季度 → 2023-03-31. */
export const zhejiangQ1 = fact({
  id: 'zj-2023-00c0ffee', region: '浙江', metric: '新建项目开工率', value: '30%', comparator: '达到',
  number: 30, unit: '%', deadline: '2023-03-31',
  citations: [{ document: '004_8cc910abbb1174d9', title: '2023年全省经信工作要点', date: '2023-03-28', url: null,
    quote: '一季度新建项目开工率达到30%', offset: 40 }],
});

/** 江苏 5G基站 25.5万个, 十四五 → 2025-12-31. */
export const jiangsu5g = fact({
  id: 'js-2021-5a5a5a5a', region: '江苏', metric: '5G基站', value: '25.5万个', comparator: '达到', year: 2025,
  number: 255000, unit: '个', deadline: '2025-12-31',
  citations: [{ document: 'js-plan', title: '江苏省“十四五”信息通信业发展规划', date: '2021-09-01', url: null,
    quote: '到“十四五”末，全省5G基站达到25.5万个', offset: 5 }],
});

/** 北京 数据资产 100PB, 2030-12-31. */
export const beijingData = fact({
  id: 'bj-2030-0b0b0b0b', region: '北京', metric: '数据资产', value: '100PB', comparator: '超过', year: 2030,
  number: 100, unit: 'PB', deadline: '2030-12-31',
  citations: [{ document: 'bj-plan', title: '北京数据基础制度先行区方案', date: '2023-07-01', url: 'https://example.gov.cn/bj.html',
    quote: '到2030年，数据资产规模超过100PB', offset: 9 }],
});

/** 浙江 地区生产总值 target 增长8% and its actual 6.6%. */
export const zhejiangGdp = fact({
  id: 'zj-2023-8888aaaa', region: '浙江', metric: '地区生产总值', value: '8%', comparator: '增长', hedge: '力争',
  number: 8, unit: '%', deadline: '2023-12-31',
  citations: [{ document: 'zj-gov', title: '2023年浙江省政府工作报告', date: '2023-01-16', url: null,
    quote: '地区生产总值增长8%左右', offset: 3 }],
});
export const zhejiangGdpActual = fact({
  id: 'zj-2023-6666bbbb', kind: 'actual', region: '浙江', metric: '地区生产总值', value: '6.6%', comparator: '增长',
  number: 6.6, unit: '%', deadline: null,
  citations: [{ document: 'zj-stats', title: '2023年浙江省国民经济和社会发展统计公报', date: '2024-03-01', url: null,
    quote: '全年地区生产总值比上年增长6.6%', offset: 20 }],
});

/** A program fact (no deadline) and a target whose quote names the program. */
export const program415x = fact({
  id: 'zj-x-415f0000', kind: 'program', region: '浙江', metric: '先进制造业集群', value: '415X', year: null,
  citations: [{ document: 'zj-415x', title: '浙江省“415X”先进制造业集群建设行动方案', date: '2023-01-20', url: null,
    quote: '实施“415X”先进制造业集群培育工程', offset: 0 }],
});
export const zhejiangCluster = fact({
  id: 'zj-2027-41500001', region: '浙江', metric: '集群营业收入', value: '8万亿元', comparator: '超过', year: 2027,
  number: 8e12, unit: '元', deadline: '2027-12-31',
  citations: [{ document: 'zj-415x', title: '浙江省“415X”先进制造业集群建设行动方案', date: '2023-01-20', url: null,
    quote: '到2027年，“415X”集群营业收入超过8万亿元', offset: 50 }],
});

export const allFacts: Fact[] = [henan5g, zhejiangQ1, jiangsu5g, beijingData, zhejiangGdp, zhejiangGdpActual, program415x, zhejiangCluster];

/** A subscription with defaults (everything, [30, 7, 0], Asia/Shanghai, active). */
export function subscription(input: Partial<Subscription> & { id: string }): Subscription {
  return {
    chat: { surface: 'telegram', chatId: `chat-${input.id}` },
    selector: { region: null, program: null, topic: null },
    leadDays: [30, 7, 0],
    timeZone: 'Asia/Shanghai',
    active: true,
    createdAt: '2023-01-01T00:00:00.000Z',
    ...input,
  };
}

/** A region resolver over the fixture regions plus full names and pinyin. */
export function resolveRegion(name: string): string | undefined {
  const regions: Record<string, string> = {
    河南: '河南', 河南省: '河南', Henan: '河南', 浙江: '浙江', 浙江省: '浙江', 浙: '浙江', Zhejiang: '浙江',
    江苏: '江苏', 江苏省: '江苏', 北京: '北京', 北京市: '北京', 新疆: '新疆', 新: '新疆',
  };
  return regions[name];
}

/** One recorded delivery. */
export interface Delivery {
  chat: ChatRef;
  message: Answer;
}

/** What a platform says for each kind of refusal. */
const failureMessages: Record<DeliveryFailure, string> = {
  blocked: 'Forbidden: bot was blocked by the user',
  permanent: "Bad Request: can't parse entities",
  transient: 'Bad Gateway',
};

/**
 * A real Notifier that records what it delivers. `failNext(chatId, failure)` makes the next
 * send to that chat throw a DeliveryError of that kind.
 */
export class RecordingNotifier implements Notifier {
  readonly deliveries: Delivery[] = [];
  readonly attempts: Delivery[] = [];
  readonly #failures = new Map<string, Array<DeliveryFailure | 'crash'>>();

  constructor(readonly surface: Surface = 'telegram') {}

  failNext(chatId: string, failure: DeliveryFailure | 'crash', times = 1): void {
    const queue = this.#failures.get(chatId) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(chatId, queue);
  }

  async send(chat: ChatRef, message: Answer): Promise<void> {
    this.attempts.push({ chat, message });
    // Yield like real I/O so concurrent schedulers interleave.
    await new Promise((resolve) => setImmediate(resolve));
    const failure = this.#failures.get(chat.chatId)?.shift();
    if (failure === 'crash') throw new Error('socket hang up');
    if (failure) throw new DeliveryError(failure, chat, failureMessages[failure]);
    this.deliveries.push({ chat, message });
  }

  to(chatId: string): Delivery[] {
    return this.deliveries.filter((d) => d.chat.chatId === chatId);
  }
}
