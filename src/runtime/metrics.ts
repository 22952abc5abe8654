/**
 * Prometheus metrics on a registry of planwatch's own (never prom-client's
 * global one, so two runtimes in one test process do not collide).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Surface } from '../reminders/types.ts';
import type { AnswerEvent } from './logger.ts';

/** Options of `createMetrics`. */
export interface MetricsOptions {
  /** Surfaces whose series start at 0 so dashboards see them before the first question. Default none. */
  surfaces?: Surface[];
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Default false. */
  processMetrics?: boolean;
}

/** How many reminders one scheduler tick sent and failed to send. */
export interface ReminderCounts {
  sent: number;
  failed: number;
}

/** The runtime's metrics: fed by answer events and scheduler ticks, read by `/metrics`. */
export interface Metrics {
  readonly registry: Registry;
  /** `Content-Type` of `render()`'s text. */
  readonly contentType: string;
  recordAnswer(event: AnswerEvent): void;
  recordReminders(counts: ReminderCounts): void;
  setFactCount(count: number): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
}

/** Latency buckets in seconds: the core answers in milliseconds; seconds mean trouble. */
export const latencyBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Creates the metrics: `planwatch_questions_total{surface,outcome}`,
 * `planwatch_answer_latency_seconds{surface}`, `planwatch_reminders_sent_total`,
 * `planwatch_reminders_failed_total`, `planwatch_facts`.
 *
 * @example
 * const metrics = createMetrics({ surfaces: ['telegram'] });
 * metrics.recordAnswer({ surface: 'telegram', latencyMs: 4, answered: true, factIds: ['zj-2023-1a2b3c4d'], question: 'q' });
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const questions = new Counter({
    name: 'planwatch_questions_total',
    help: 'Questions by surface and outcome (answered or refused).',
    labelNames: ['surface', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'planwatch_answer_latency_seconds',
    help: 'Time to compose an answer, by surface.',
    labelNames: ['surface'] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const sent = new Counter({ name: 'planwatch_reminders_sent_total', help: 'Reminders delivered.', registers: [registry] });
  const failed = new Counter({
    name: 'planwatch_reminders_failed_total',
    help: 'Reminder deliveries that failed (blocked or transient).',
    registers: [registry],
  });
  const facts = new Gauge({ name: 'planwatch_facts', help: 'Facts in the loaded fact base.', registers: [registry] });
  for (const surface of options.surfaces ?? []) {
    questions.labels(surface, 'answered').inc(0);
    questions.labels(surface, 'refused').inc(0);
    latency.zero({ surface });
  }
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'planwatch_' });
  return {
    registry,
    contentType: registry.contentType,
    recordAnswer(event) {
      questions.labels(event.surface, event.answered ? 'answered' : 'refused').inc();
      latency.labels(event.surface).observe(Math.max(0, event.latencyMs) / 1000);
    },
    recordReminders(counts) {
      if (counts.sent > 0) sent.inc(counts.sent);
      if (counts.failed > 0) failed.inc(counts.failed);
    },
    setFactCount(count) {
      facts.set(count);
    },
    render: () => registry.metrics(),
  };
}
