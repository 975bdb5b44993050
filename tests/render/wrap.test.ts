import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wordReadsAsStructure } from '../../src/render/line-starts.js';
import { displayWidth, TEXT_WIDTH, wrapParagraph } from '../../src/render/wrap.js';

/** Words as a reader sees them: split at breaking whitespace, CJK runs joined back up. */
const words = (text: string) => text.split(/[ \n]+/).filter(Boolean);
const lines = (wrapped: string) => wrapped.split('\n');

const hindi =
  '1 जुलाई 2025 को कायेस में डायमंड सीमेंट फैक्ट्री पर हुए सशस्त्र हमले में तीन भारतीय नागरिकों का अपहरण कर लिया गया। ' +
  'यह घटना अल-क़ायदा से जुड़े संगठन जमात नुसरत अल-इस्लाम वल-मुस्लिमीन (JNIM) द्वारा पश्चिमी और मध्य माली में सैन्य और ' +
  'सरकारी ठिकानों पर किए गए समन्वित हमलों के बीच हुई। माली में पहले से मौजूद भारतीय नागरिक अत्यधिक सावधानी बरतें, ' +
  'सतर्क रहें और बामाको स्थित भारतीय दूतावास के साथ निकट संपर्क में रहें। क्षेत्र, स्थिति, मंत्रालय, प्रक्रिया।';

const arabic =
  'الوضع الأمني في لبنان متقلّب وقد يتدهور بسرعة، مع وجود خطر نشوب نزاع مسلّح ووقوع أعمال إرهابية واضطرابات مدنية وعمليات خطف. ' +
  'وتنطوي محافظات الجنوب والنبطية وبعلبك الهرمل على مخاطر أعلى: لا تسافر إليها. أمّا في باقي المناطق، فأعد النظر في حاجتك إلى السفر؛ ' +
  'وإذا سافرت، فاحرص على أن تكون خططك مرنة وابقَ على تواصل وثيق مع سفارة الهند في بيروت. وإذا كنت موجودًا فيها بالفعل، فغادرها.';

const japanese =
  '日本は一般的に安全ですが、地震、津波、台風、大雨、火山活動の影響を受けやすい国です。自然災害が起きたときの行動を確認し、' +
  '地元当局の指示に従ってください。「避難所」の場所を事前に調べておきましょう。';

describe('wrapParagraph by display width', () => {
  it('counts Devanagari combining marks and viramas as no columns', () => {
    // Vowel signs and the virama join the consonant before them: 7 code units, 2 columns.
    expect('क्षेत्र'.length).toBe(7);
    expect(displayWidth('क्षेत्र')).toBe(2);
  });

  it('wraps Hindi within 72 columns, filling lines past 72 code units, without losing a word', () => {
    const wrapped = wrapParagraph(hindi, { first: '- ' });
    for (const line of lines(wrapped)) expect(displayWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(words(wrapped).filter((w) => w !== '-')).toEqual(words(hindi));
    // By string length, lines would be cut far earlier: the marks take no columns.
    expect(Math.max(...lines(wrapped).map((l) => l.length))).toBeGreaterThan(TEXT_WIDTH);
    expect(lines(wrapped).slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);
  });

  it('wraps Arabic (with shadda and tanwin marks) within 72 columns without losing a word', () => {
    const wrapped = wrapParagraph(arabic);
    expect(lines(wrapped).length).toBeGreaterThan(3);
    for (const line of lines(wrapped)) expect(displayWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(words(wrapped)).toEqual(words(arabic));
    expect(displayWidth('مسلّح')).toBe(4);
  });

  it('wraps wide CJK text, written without spaces, between characters, within 72 columns', () => {
    const wrapped = wrapParagraph(japanese, { first: '- ' });
    expect(wrapped).toBe(
      [
        '- 日本は一般的に安全ですが、地震、津波、台風、大雨、火山活動の影響を受け',
        '  やすい国です。自然災害が起きたときの行動を確認し、地元当局の指示に従っ',
        '  てください。「避難所」の場所を事前に調べておきましょう。',
      ].join('\n'),
    );
    for (const line of lines(wrapped)) expect(displayWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(lines(wrapped).map((l) => l.slice(2)).join('')).toBe(japanese);
  });

  it('keeps CJK closing punctuation off the start of a line and opening brackets off the end', () => {
    // Width 8: "あいう" (6) + "、" would be 8, fits; "「えお」" must not leave "「" behind.
    expect(wrapParagraph('あいう、「えお」かき。', { width: 8 })).toBe('あいう、\n「えお」\nかき。');
    expect(wrapParagraph('あいうえ。', { width: 8 })).toBe('あいう\nえ。');
  });

  it('never breaks at a no-break space (French "Bamako :", "24 h")', () => {
    const text = 'Restez en contact avec Bamako\u00a0: appelez à toute heure, 24\u00a0h sur 24.';
    const wrapped = wrapParagraph(text, { width: 30 });
    expect(wrapped).toBe('Restez en contact avec\nBamako\u00a0: appelez à toute\nheure, 24\u00a0h sur 24.');
  });

  it('puts a word longer than the line on a line of its own, whole', () => {
    const url = `https://example.org/${'a'.repeat(80)}`;
    expect(wrapParagraph(`See ${url} now`)).toBe(`See\n${url}\nnow`);
  });
});

/**
 * The rule wrapParagraph follows, written the plain way (a list of pieces by
 * the segmenter and string-width, then greedy lines): its fast paths must
 * break every text exactly where this does.
 */
function wrapModel(text: string, width: number, first: string): string {
  const noBreakBefore = '、。，．・：；？！）］｝〕〉》」』】〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ';
  const noBreakAfter = '（［｛〔〈《「『【〘〖';
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  const words: string[] = [];
  for (const word of text.split(/[^\S\u00A0\u2007\u202F]+/)) {
    if (word === '') continue;
    if (words.length && wordReadsAsStructure(word)) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  const pieces: Array<{ text: string; width: number; glue: string }> = [];
  for (const word of words) {
    let previous: { text: string; width: number } | undefined;
    for (const { segment } of segmenter.segment(word)) {
      const w = stringWidth(segment);
      const breakable = previous !== undefined && (w === 2 || previous.width === 2) && !noBreakBefore.includes(segment) && !noBreakAfter.includes(previous.text);
      if (previous === undefined || breakable) pieces.push({ text: segment, width: w, glue: previous === undefined ? ' ' : '' });
      else {
        pieces[pieces.length - 1]!.text += segment;
        pieces[pieces.length - 1]!.width += w;
      }
      previous = { text: segment, width: w };
    }
  }
  const rest = ' '.repeat(stringWidth(first));
  const done: string[] = [];
  let line = first;
  let empty = true;
  for (const piece of pieces) {
    const joint = empty ? '' : piece.glue;
    if (!empty && stringWidth(line + joint + piece.text) > width) {
      done.push(line.trimEnd());
      line = rest + piece.text;
    } else line += joint + piece.text;
    empty = false;
  }
  return [...done, line.trimEnd()].join('\n');
}

describe('wrapParagraph against the plain rule', () => {
  it('breaks Chinese, Japanese, Korean and mixed text where the rule does, at any width', () => {
    const character = fc.constantFrom(...'日本語中文的是在不了한국어가나다あいうかなカナー々、。，「」『』（）！？ａｂ１abc xyz --- éçß', ' ', ' ', '\u00a0', 'e\u0301', '👩‍👩‍👧', '\n');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 120 }), fc.integer({ min: 4, max: 40 }), fc.constantFrom('', '- ', '  * '), (chars, width, first) => {
        const text = chars.join('');
        expect(wrapParagraph(text, { width, first })).toBe(wrapModel(text, width, first));
      }),
      { numRuns: 3000 },
    );
  });

  it('breaks narrow text (Latin, Cyrillic, no-break spaces, words that read as structure, long words) where the rule does', () => {
    const structure = ['---', '==', '~', '*', '+', '3.', '12)', '#', '##', '>', '>5', '|', '|a', '```'];
    const word = fc.oneof(fc.constantFrom('a', 'to', 'the', 'Bamako', 'Москва', 'réservé', '-x', 'x-', '3.5', '#1', '24\u00a0h', ':\u00a0', '\u00a0', '3.\u00a0km', ...structure), fc.string({ unit: fc.constantFrom('a', 'é', '-', '.'), minLength: 5, maxLength: 45 }));
    // Mostly single spaces, so that many texts take the path for plain narrow text.
    const space = fc.oneof({ arbitrary: fc.constant(' '), weight: 20 }, { arbitrary: fc.constantFrom('  ', '\n', '\t', ' \n  ', '\u00a0'), weight: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.constantFrom('', '- ', '  1. ', '• '), (parts, edged, width, first) => {
        const joined = parts.map(([w, s]) => w + s).join('');
        const text = edged ? joined : joined.trim();
        expect(wrapParagraph(text, { width, first })).toBe(wrapModel(text, width, first));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('words that read as structure', () => {
  it('never start a line, where they would underline the line above as a heading', () => {
    // The line runs two columns long rather than leave "---" at the start of the next.
    expect(lines(wrapParagraph(`${'a'.repeat(70)} --- more`))).toEqual([`${'a'.repeat(70)} ---`, 'more']);
    for (const line of lines(wrapParagraph(`${'a'.repeat(70)} --- ${'b'.repeat(70)} ===`))) expect(line).not.toMatch(/^[-=~]+$/);
  });

  it('never start a line, where they would read as a list item, a heading, a quote or a table row', () => {
    // "Level" and "3." share the next line, where "3." alone would read as item 3 of a list.
    const lead = 'Latest update (4 December 2026): Lima Region was raised to';
    expect(lines(wrapParagraph(`${lead} Level 3.`, { first: 'Update: ' }))).toEqual([`Update: ${lead}`, '        Level 3.']);
    for (const marker of ['2.', '3)', '*', '+', '#', '>', '| rest']) {
      const text = `${'a '.repeat(35)}${marker} rest of the summary.`;
      const wrapped = lines(wrapParagraph(text));
      expect(wrapped.join(' ')).toBe(text.trimEnd());
      for (const line of wrapped.slice(1)) expect(line.startsWith(marker)).toBe(false);
      // The same where the paragraph takes the general path (a no-break space before a space).
      const general = lines(wrapParagraph(`x\u00a0 ${text}`));
      for (const line of general.slice(1)) expect(line.startsWith(marker)).toBe(false);
    }
  });
});

describe('displayWidth', () => {
  // It remembers clusters and words it has measured: the answer must still be string-width's, first time and every time.
  it('is exactly string-width, for any text and however often it is asked', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      // Every script with a fast path, and what must leave it: combining marks, soft hyphens, joiners.
      fc.constantFrom('क्षेत्र', 'स्थिति', '한국어', '가\u11A8', '日本語。', 'かな\u3099', '〪', 'ｶﾞｰ', '👩‍👩‍👧', 'e\u0301', '\u00AD', 'مرحبا،', 'مَرْحَبًا', 'Ελληνικά', 'Русский', 'ÆØÅ ŒŸ', '“€”–'),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (parts) => {
        // Terminal escape sequences are cut by string-width before measuring; no advisory text holds one.
        for (const glue of [' ', '']) {
          const joined = parts.join(glue).replace(/[\u001B\u009B]/g, '');
          expect(displayWidth(joined)).toBe(stringWidth(joined));
          expect(displayWidth(joined)).toBe(stringWidth(joined));
        }
        for (const part of parts.map((p) => p.replace(/[\u001B\u009B]/g, ''))) expect(displayWidth(part)).toBe(stringWidth(part));
      }),
      { numRuns: 2000 },
    );
  });
});
