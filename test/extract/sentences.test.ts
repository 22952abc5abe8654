import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.ts';

describe('splitSentences', () => {
  it('ends sentences at 。！？ and their ASCII forms, keeping a closing quote', () => {
    const text = '到2025年达到10个。力争突破5亿元！“真的吗？”好';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['到2025年达到10个。', '力争突破5亿元！', '“真的吗？”', '好']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences('达到10个! 增长5%?').map((s) => s.text)).toEqual(['达到10个!', ' 增长5%?']);
  });

  it('does not end a sentence inside a token: <!channel>, a URL\'s ?a=1', () => {
    expect(splitSentences('浙江光伏<!channel>装机容量达到25%。见 https://x.cn/a?b=1 。').map((s) => s.text))
      .toEqual(['浙江光伏<!channel>装机容量达到25%。', '见 https://x.cn/a?b=1 。']);
  });
});
