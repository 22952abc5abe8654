import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Planwatch } from '../../src/planwatch.ts';
import { createInFlightTracker, createLifecycle } from '../../src/runtime/lifecycle.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createReloadingPlanwatch, watchFile } from '../../src/runtime/reload.ts';
import { createTestPlanwatch } from '../support/planwatch.ts';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise with its resolve exposed. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('in-flight tracker', () => {
  it('is idle at once with nothing in flight', async () => {
    const tracker = createInFlightTracker();
    expect(tracker.size).toBe(0);
    await tracker.idle();
  });

  it('waits for every tracked piece of work, failed ones included', async () => {
    const tracker = createInFlightTracker();
    const a = deferred();
    const b = deferred();
    const failing = tracker.track(Promise.reject(new Error('answer failed')));
    await expect(failing).rejects.toThrow('answer failed');
    void tracker.track(a.promise);
    void tracker.track(b.promise);
    expect(tracker.size).toBe(2);
    let idle = false;
    void tracker.idle().then(() => (idle = true));
    a.resolve();
    await sleep(5);
    expect(idle).toBe(false);
    b.resolve();
    await sleep(5);
    expect(idle).toBe(true);
    expect(tracker.size).toBe(0);
  });

  it('returns the tracked work unchanged', async () => {
    const tracker = createInFlightTracker();
    expect(await tracker.track(Promise.resolve(42))).toBe(42);
  });
});

describe('lifecycle', () => {
  it('finishes the answer in flight, then runs the remaining steps in order, then exits 0', async () => {
    const events: string[] = [];
    const exits: number[] = [];
    const tracker = createInFlightTracker();
    const lifecycle = createLifecycle({ logger, exit: (code) => exits.push(code) });
    lifecycle.onShutdown('stop intake', () => void events.push('intake stopped'));
    lifecycle.onShutdown('finish work in flight', async () => {
      await tracker.idle();
      events.push('in flight done');
    });
    lifecycle.onShutdown('close store', () => void events.push('store closed'));

    const answer = tracker.track(sleep(80).then(() => events.push('answer delivered')));
    expect(lifecycle.draining).toBe(false);
    const code = lifecycle.shutdown('SIGTERM');
    expect(lifecycle.draining).toBe(true);
    expect(await code).toBe(0);
    await answer;
    expect(events).toEqual(['intake stopped', 'answer delivered', 'in flight done', 'store closed']);
    expect(exits).toEqual([0]);
  });

  it('is idempotent: a second signal does not run the steps again', async () => {
    let runs = 0;
    const exits: number[] = [];
    const lifecycle = createLifecycle({ logger, exit: (code) => exits.push(code) });
    lifecycle.onShutdown('count', () => void runs++);
    const first = lifecycle.shutdown('SIGTERM');
    const second = lifecycle.shutdown('SIGINT');
    expect(second).toBe(first);
    await first;
    expect(runs).toBe(1);
    expect(exits).toEqual([0]);
  });

  it.each<[string, () => void, number | undefined, number]>([
    ['a failing step still lets later steps run, exit 1', () => { throw new Error('close failed'); }, undefined, 1],
    ['a requested code is kept when every step succeeds', () => {}, 1, 1],
  ])('%s', async (_name, step, requested, expected) => {
    const ran: string[] = [];
    const exits: number[] = [];
    const lifecycle = createLifecycle({ logger, exit: (code) => exits.push(code) });
    lifecycle.onShutdown('first', step);
    lifecycle.onShutdown('second', () => void ran.push('second'));
    expect(await lifecycle.shutdown('test', requested)).toBe(expected);
    expect(ran).toEqual(['second']);
    expect(exits).toEqual([expected]);
  });

  it('exits 1 at the hard deadline when work never finishes', async () => {
    const exits: number[] = [];
    const lifecycle = createLifecycle({ logger, deadlineMs: 100, exit: (code) => exits.push(code) });
    lifecycle.onShutdown('stuck', () => new Promise<void>(() => {}));
    const started = performance.now();
    expect(await lifecycle.shutdown('SIGTERM')).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(exits).toEqual([1]);
  });
});

describe('createReloadingPlanwatch', () => {
  /**
   * Cores that differ by what `summary().facts` says, built by a counting loader: load n adds n documents. Every core,
   * the first included, is rebuilt from the seeds the way `ingest` does, so counts never depend on whether the
   * committed facts.json is up to date with the extractor.
   */
  async function loader(options: { failOn?: number[]; delayMs?: number } = {}) {
    const cores: Planwatch[] = [];
    let calls = 0;
    const load = async () => {
      calls++;
      if (options.delayMs) await sleep(options.delayMs);
      if (options.failOn?.includes(calls)) throw new Error(`facts.json is half written (load ${calls})`);
      const { planwatch } = await createTestPlanwatch({
        documents: Array.from({ length: calls }, (_, i) => ({
          name: `doc-${i}`, text: `到2023年底，青海省数据中心标准机架数达到${(i + 1) * 1000}个。`, date: '2023-05-10', title: `青海省数字经济工作要点${i}`,
        })),
      });
      cores.push(planwatch);
      return planwatch;
    };
    return { load, cores, calls: () => calls };
  }

  it('swaps the core behind the same facade object, and runs the after-reload hook', async () => {
    const { load } = await loader();
    const swaps: Array<[number, number]> = [];
    const reloading = await createReloadingPlanwatch(load, {
      logger,
      onReload: (previous, next) => void swaps.push([previous.summary().facts, next.summary().facts]),
    });
    const facade = reloading.planwatch;
    const ask = facade.ask; // taken off the facade before the reload
    const before = facade.summary().facts;
    const outcome = await reloading.reload('test');
    expect(outcome.ok).toBe(true);
    expect(facade.summary().facts).toBe(before + 1);
    expect(reloading.current()).toBe(outcome.ok ? outcome.next : null);
    expect(swaps).toEqual([[before, before + 1]]);
    // The new document's figure is answerable through the old reference.
    const added = reloading.current().ask('青海2023年数据中心标准机架数目标');
    expect(added.facts.map((f) => f.value)).toContain('2000个');
    expect(ask('青海2023年数据中心标准机架数目标')).toEqual(added);
  });

  it('keeps the old core serving when the new one cannot be built', async () => {
    const { load } = await loader({ failOn: [2] });
    const reloading = await createReloadingPlanwatch(load, { logger });
    const old = reloading.current();
    const outcome = await reloading.reload('test');
    expect(outcome.ok).toBe(false);
    expect(reloading.current()).toBe(old);
    expect(reloading.planwatch.summary()).toEqual(old.summary());
  });

  it('never overlaps reloads; requests made while one waits share it', async () => {
    const { load, calls } = await loader({ delayMs: 30 });
    const reloading = await createReloadingPlanwatch(load, { logger });
    const first = reloading.reload('a');
    expect(reloading.reload('a again')).toBe(first); // not started yet: shared
    await sleep(5); // first is running now
    const second = reloading.reload('b');
    const third = reloading.reload('c');
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    await Promise.all([first, second, third]);
    expect(calls()).toBe(3); // initial + first + one shared for b and c
  });
});

describe('watchFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-watch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees a content change, also when the file is replaced by rename, and ignores same bytes', async () => {
    const file = join(dir, 'facts.json');
    writeFileSync(file, '{"version":1,"facts":[]}');
    let changes = 0;
    const watch = watchFile(file, () => changes++, { debounceMs: 40, logger });
    try {
      // Several writes in a burst: one change.
      writeFileSync(file, '{"version":1,"facts":[1]}');
      writeFileSync(file, '{"version":1,"facts":[1,2]}');
      await sleep(200);
      expect(changes).toBe(1);
      // Atomic replace, as an ingest that writes a temp file and renames it.
      writeFileSync(join(dir, 'facts.json.tmp'), '{"version":1,"facts":[1,2,3]}');
      renameSync(join(dir, 'facts.json.tmp'), file);
      await sleep(200);
      expect(changes).toBe(2);
      // Touching or rewriting the same bytes: nothing.
      utimesSync(file, new Date(), new Date());
      writeFileSync(file, '{"version":1,"facts":[1,2,3]}');
      await sleep(200);
      expect(changes).toBe(2);
      // Other files in the directory: nothing.
      writeFileSync(join(dir, 'glossary.json'), '{}');
      await sleep(200);
      expect(changes).toBe(2);
    } finally {
      watch.close();
    }
  });

  it('does not throw for a directory that does not exist', () => {
    const watch = watchFile(join(dir, 'missing', 'facts.json'), () => {}, { logger });
    watch.close();
  });
});
