import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Answer } from '../../src/answer/types.ts';
import {
  deadlinesReply, parseSubscribeArgs, runSubscribe, runSubscribeToFact, runSubscriptions, runUnsubscribe, type CommandDeps,
  type SubscribeVocabulary,
} from '../../src/reminders/commands.ts';
import { createFactMatcher } from '../../src/reminders/match.ts';
import type { ChatRef } from '../../src/reminders/types.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { allFacts, henan5g, resolveRegion, zhejiangCluster, zhejiangGdp, zhejiangQ1 } from './fixtures.ts';

const vocab: SubscribeVocabulary = { resolveRegion, programs: ['415X', '专精特新'] };
const everything = { region: null, program: null, topic: null };

describe('parseSubscribeArgs', () => {
  it.each([
    ['', everything, [30, 7, 0], 'Asia/Shanghai'],
    ['all', everything, [30, 7, 0], 'Asia/Shanghai'],
    ['全部', everything, [30, 7, 0], 'Asia/Shanghai'],
    ['河南', { ...everything, region: '河南' }, [30, 7, 0], 'Asia/Shanghai'],
    ['河南省', { ...everything, region: '河南' }, [30, 7, 0], 'Asia/Shanghai'],
    ['Zhejiang', { ...everything, region: '浙江' }, [30, 7, 0], 'Asia/Shanghai'],
    ['415X', { ...everything, program: '415X' }, [30, 7, 0], 'Asia/Shanghai'],
    ['415x', { ...everything, program: '415X' }, [30, 7, 0], 'Asia/Shanghai'],
    ['5G', { ...everything, topic: '5G' }, [30, 7, 0], 'Asia/Shanghai'],
    ['数字经济', { ...everything, topic: '数字经济' }, [30, 7, 0], 'Asia/Shanghai'],
    ['新能源汽车', { ...everything, topic: '新能源汽车' }, [30, 7, 0], 'Asia/Shanghai'],
    ['浙江 5G --lead 90,30,7', { ...everything, region: '浙江', topic: '5G' }, [90, 30, 7], 'Asia/Shanghai'],
    ['浙江 5G --lead 90,30,7 --tz Asia/Tokyo', { ...everything, region: '浙江', topic: '5G' }, [90, 30, 7], 'Asia/Tokyo'],
    ['浙江5G', { ...everything, region: '浙江', topic: '5G' }, [30, 7, 0], 'Asia/Shanghai'],
    ['浙江 集成 电路', { ...everything, region: '浙江', topic: '集成 电路' }, [30, 7, 0], 'Asia/Shanghai'],
    ['浙江 415X 5G', { region: '浙江', program: '415X', topic: '5G' }, [30, 7, 0], 'Asia/Shanghai'],
    ['--lead=7,30,7,0 江苏', { ...everything, region: '江苏' }, [30, 7, 0], 'Asia/Shanghai'],
    ['河南 --lead 90，30、7', { ...everything, region: '河南' }, [90, 30, 7], 'Asia/Shanghai'],
    ['河南 —lead 14', { ...everything, region: '河南' }, [14], 'Asia/Shanghai'],
    ['河南　--tz=UTC', { ...everything, region: '河南' }, [30, 7, 0], 'UTC'],
  ])('%j', (args, selector, leadDays, timeZone) => {
    expect(parseSubscribeArgs(args, vocab)).toEqual({ ok: true, value: { selector, leadDays, timeZone } });
  });

  it.each([
    ['浙江 --lead abc', 'invalid_lead', 'abc'],
    ['浙江 --lead 5000', 'invalid_lead', '5000'],
    ['浙江 --lead -3', 'invalid_lead', '-3'],
    ['浙江 --lead', 'missing_value', '--lead'],
    ['浙江 --lead ,', 'invalid_lead', '提前天数'],
    ['浙江 --tz Mars/Base', 'invalid_tz', 'Mars/Base'],
    ['浙江 --tz', 'missing_value', '--tz'],
    ['浙江 --hours 9', 'unknown_option', '--hours'],
    ['浙江 河南', 'too_many_regions', '浙江'],
  ])('%j is refused (%s)', (args, code, mention) => {
    const result = parseSubscribeArgs(args, vocab);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(mention);
  });
});

describe('command flows', () => {
  let store: Store;
  let deps: CommandDeps;
  const chat: ChatRef = { surface: 'telegram', chatId: '42' };
  const other: ChatRef = { surface: 'slack', chatId: 'C1' };
  const now = new Date('2023-12-01T04:00:00Z');

  beforeEach(() => {
    store = openSqliteStore(':memory:');
    deps = { store, vocab, facts: () => allFacts, matches: createFactMatcher() };
  });
  afterEach(async () => store.close());

  it('/subscribe creates, then updates the same selector instead of duplicating', async () => {
    const first = Answer.parse(await runSubscribe(deps, chat, '河南', now));
    expect(first.intent).toBe('subscription');
    expect(first.answered).toBe(true);
    expect(first.headline).toMatch(/^已订阅 #\d+：地区 河南$/);
    expect(first.text).toContain('提前 30天、7天、当天 提醒');
    expect(first.text).toContain('目前有 1 个未到期的目标符合条件');
    const again = await runSubscribe(deps, chat, '河南 --lead 7 --tz Asia/Tokyo', now);
    expect(again.headline).toMatch(/^已更新订阅/);
    const subs = await store.listSubscriptions({ chat });
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ leadDays: [7], timeZone: 'Asia/Tokyo', createdAt: now.toISOString() });
  });

  it('/subscribe with a bad value replies with the error and stores nothing', async () => {
    const reply = Answer.parse(await runSubscribe(deps, chat, '浙江 --tz Mars/Base', now));
    expect(reply.answered).toBe(false);
    expect(reply.headline).toContain('时区无效');
    expect(reply.text).toContain('/subscribe');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('/subscriptions lists only this chat; /unsubscribe by id and all', async () => {
    await runSubscribe(deps, chat, '河南', now);
    await runSubscribe(deps, chat, '浙江 5G', now);
    await runSubscribe(deps, other, '江苏', now);
    const [henan, zhejiang] = await store.listSubscriptions({ chat });
    const [jiangsu] = await store.listSubscriptions({ chat: other });
    const list = Answer.parse(await runSubscriptions(deps, chat));
    expect(list.headline).toBe('本聊天有 2 个订阅');
    expect(list.text).toContain(`#${henan!.id} 地区 河南`);
    expect(list.text).toContain(`#${zhejiang!.id} 地区 浙江 · 主题 5G`);
    expect(list.text).not.toContain('江苏');

    // Another chat's id is not ours to cancel.
    expect((await runUnsubscribe(deps, chat, jiangsu!.id)).answered).toBe(false);
    expect((await store.getSubscription(jiangsu!.id))?.active).toBe(true);

    const one = await runUnsubscribe(deps, chat, `#${henan!.id}`);
    expect(one.headline).toBe(`已取消订阅 #${henan!.id}`);
    const rest = await runUnsubscribe(deps, chat, '');
    expect(rest.headline).toBe(`已取消订阅 #${zhejiang!.id}`);
    expect((await runSubscriptions(deps, chat)).headline).toBe('本聊天没有订阅。');
    expect((await runUnsubscribe(deps, chat, 'all')).answered).toBe(false);
  });
});

describe('the deployment\'s default time zone and leads (deps.defaults)', () => {
  const chat: ChatRef = { surface: 'telegram', chatId: '42' };
  const now = new Date('2023-12-01T04:00:00Z');
  const defaults = { timeZone: 'Europe/Berlin', leadDays: [14, 1] };

  it.each([
    ['/subscribe without --tz or --lead takes them', '河南', 'Europe/Berlin', [14, 1]],
    ['/subscribe --tz still wins', '河南 --tz Asia/Tokyo', 'Asia/Tokyo', [14, 1]],
    ['/subscribe --lead still wins', '河南 --lead 3', 'Europe/Berlin', [3]],
  ])('%s', async (_name, args, timeZone, leadDays) => {
    const store = openSqliteStore(':memory:');
    const reply = await runSubscribe({ store, vocab, defaults }, chat, args, now);
    expect(reply.text).toContain(`${timeZone} 时间 09:00 发送`);
    expect((await store.listSubscriptions({ chat }))[0]).toMatchObject({ timeZone, leadDays });
    await store.close();
  });

  it('"remind me" under an answer takes them too', async () => {
    const store = openSqliteStore(':memory:');
    await runSubscribeToFact({ store, vocab, defaults }, chat, henan5g, now);
    expect((await store.listSubscriptions({ chat }))[0]).toMatchObject({ timeZone: 'Europe/Berlin', leadDays: [14, 1] });
    await store.close();
  });
});

describe('runSubscribeToFact', () => {
  it('subscribes the chat to the fact\'s region once', async () => {
    const store = openSqliteStore(':memory:');
    const deps = { store, vocab };
    const chat: ChatRef = { surface: 'slack', chatId: 'D1' };
    const now = new Date('2023-12-01T04:00:00Z');
    expect((await runSubscribeToFact(deps, chat, henan5g, now)).headline).toMatch(/^已订阅 #\d+：地区 河南$/);
    expect((await runSubscribeToFact(deps, chat, henan5g, now)).headline).toMatch(/^已更新订阅/);
    expect((await store.listSubscriptions({ chat })).map((s) => s.selector.region)).toEqual(['河南']);
    await store.close();
  });
});

describe('deadlinesReply', () => {
  it.each([
    ['浙江', [zhejiangGdp.id, zhejiangCluster.id], []],
    ['浙江 全部', [zhejiangQ1.id, zhejiangGdp.id, zhejiangCluster.id], []],
    ['', ['hn-2023-0a1b2c3d', zhejiangGdp.id, 'js-2021-5a5a5a5a', zhejiangCluster.id, 'bj-2030-0b0b0b0b'], []],
    ['火星', ['hn-2023-0a1b2c3d', zhejiangGdp.id, 'js-2021-5a5a5a5a', zhejiangCluster.id, 'bj-2030-0b0b0b0b'], ['不认识的地区：火星']],
  ])('%j', (args, ids, notes) => {
    const a = Answer.parse(deadlinesReply(allFacts, args, '2023-12-01', resolveRegion));
    expect(a.rows.map((r) => r.factId)).toEqual(ids);
    expect(a.notes).toEqual(notes);
  });
});
