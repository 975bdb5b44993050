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
  let first = '';
  for (const { segment } of segmenter.segment(key.slice(cut + 1).trim())) {
    first += segment;
    if (!ABBREVIATION_AT_END.test(first.trimEnd())) break;
  }
  return first.trim();
});

/**
 * A short capitalised word and a full stop, "Mt.", "St.", "Dr.", "No." or an
 * initial, or a common abbreviation ("approx.", "e.g."): the Unicode rules
 * end a sentence there when a capital follows, and
 * the index showed "Approx. 5 km around the Mt." for "... the Mt. Ulriken site
 * is closed". Reading on costs at worst a second sentence on the index (after
 * a town such as "Gao."); stopping there can cut the advice mid-phrase.
 */
const ABBREVIATION_AT_END = /(?:^|[\s(])(?:\p{Lu}\p{Ll}{0,2}|[Aa]pprox|[Ii]ncl|[Ee]sp|[Rr]esp|vs|cf|ca|e\.g|i\.e)\.$/u;

export function firstSentence(text: string, lang: string): string {
  // A language tag never holds a newline, so the key is unambiguous.
  return firstOf(`${lang}\n${text}`);
}
