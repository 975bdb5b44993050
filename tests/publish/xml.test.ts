import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/publish/xml.js';

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`a < b & "c" > 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;');
  });
  it('replaces code points XML 1.0 cannot carry, keeping tab and line breaks', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\ufffee\tf\ng\rh')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng\rh');
  });
  it('replaces lone surrogates but keeps pairs', () => {
    expect(escapeXml('x\ud800y\udc00z\ud83d\ude00')).toBe('x\ufffdy\ufffdz\ud83d\ude00');
  });
});
