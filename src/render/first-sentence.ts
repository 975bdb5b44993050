/**
 * The one-line summary an index shows: the first sentence of an advisory's
 * summary, cut by the platform's Unicode sentence rules for the page's
 * language (so "p. ex.", the Hindi danda "।" and Arabic "؟" are handled the
 * way the language needs), never by a hand-written full-stop search.
 */
const segmenters = new Map<string, Intl.Segmenter>();

export function firstSentence(text: string, lang: string): string {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  const first = segmenter.segment(text.trim())[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment.trim();
}
