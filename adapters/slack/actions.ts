/**
 * Interactive parts of a Slack answer: the action ids of its buttons and the
 * values they carry. Pure; shared by the renderer (encode) and the app (decode).
 */
import { z } from 'zod';
import { Language } from '../../src/answer/types.ts';

/** Action ids of the buttons under an answer. */
export const actionIds = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  share: 'share_answer',
} as const;

/** Slack refuses a button `value` longer than this many characters. */
export const maxButtonValue = 2000;

/** What a 👍 / 👎 button carries: the question, the fact ids of the answer, its language. */
export const FeedbackValue = z.object({
  q: z.string(),
  f: z.array(z.string()),
  l: Language.optional(),
});
export type FeedbackValue = z.infer<typeof FeedbackValue>;

/**
 * Encodes a feedback button value within Slack's 2,000-character limit.
 * The question is shortened first (it is only kept for review), then fact ids are dropped from the end.
 *
 * @example encodeFeedbackValue({ q: '浙江数字经济目标', f: ['zj-2023-1a2b3c4d'], l: 'zh' })
 */
export function encodeFeedbackValue(value: FeedbackValue, limit: number = maxButtonValue): string {
  const ids = [...value.f];
  let question = value.q;
  let encoded = JSON.stringify({ ...value, q: question, f: ids });
  while (encoded.length > limit && question.length > 0) {
    // JSON escaping can make one character cost up to 6; cut proportionally, at least one code point.
    const excess = encoded.length - limit;
    question = [...question].slice(0, Math.max(0, [...question].length - Math.max(1, Math.ceil(excess / 6)))).join('');
    encoded = JSON.stringify({ ...value, q: question, f: ids });
  }
  while (encoded.length > limit && ids.length > 0) {
    ids.pop();
    encoded = JSON.stringify({ ...value, q: question, f: ids });
  }
  return encoded;
}

/** Decodes a feedback button value; `undefined` when it is not one (tampered or from an older version). */
export function decodeFeedbackValue(value: string | undefined): FeedbackValue | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = FeedbackValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The "Share in channel" button value: the question itself, cut to Slack's limit (whole code points). */
export function encodeShareValue(question: string, limit: number = maxButtonValue): string {
  if (question.length <= limit) return question;
  let out = '';
  for (const ch of question) {
    if (out.length + ch.length > limit) break;
    out += ch;
  }
  return out;
}
