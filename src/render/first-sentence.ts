/**
 * The one-line summary an index shows: the first sentence of an advisory's
 * summary, cut by the platform's Unicode sentence rules for the page's
 * language (so "p. ex.", the Hindi danda "।" and Arabic "؟" are handled the
 * way the language needs), never by a hand-written full-stop search.
 */
import { memoize } from '../memo.js';

const segmenters = new Map<string, Intl.Segmenter>();

/** Index pages ask for each summary in three formats: the answer is remembered. */
const firstOf = memoize(10_000, (key) => {
  const cut = key.indexOf('\n');
  const lang = key.slice(0, cut);
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  const first = segmenter.segment(key.slice(cut + 1).trim())[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment.trim();
});

export function firstSentence(text: string, lang: string): string {
  // A language tag never holds a newline, so the key is unambiguous.
  return firstOf(`${lang}\n${text}`);
}
