/**
 * Markdown or HTML written in a one-line field (a title, a country, a name,
 * an address, opening hours). Those fields are plain text: every format prints
 * them as written, so `title: "**Do not travel** to Mali"` puts the stars in
 * the page's heading, the feed's title and the CAP headline, and
 * `name: "[Embassy](https://…)"` publishes the brackets and the address as the
 * embassy's name. Officers write Markdown in the summary and guidance a few
 * lines above, so the slip is an easy one. A warning, as for HTML tags in a
 * Markdown field: the text is published safely, only not as meant.
 */

export interface PlainTextMarkup {
  /** Where the markup starts in the value. */
  index: number;
  /** The markup as written, to find it in the file and quote it. */
  snippet: string;
  message: string;
}

/** Each kind of markup: how to find it, what a reader would see, and what to write instead. */
interface Kind {
  pattern: RegExp;
  seen: string;
  fix: (field: string) => string;
}

const withoutThem = () => 'write the text without them';

/** HTML tags, by name: `<Rue 5>` in an address is text. */
const TAG: Kind = {
  pattern: /<\/?(?:a|b|i|u|s|em|strong|br|p|span|div|font|small|big|sup|sub|mark|del|ins|strike|h[1-6]|ul|ol|li|img|script|style|iframe)(?:\s[^<>\n]*)?\/?>/i,
  seen: 'as text, not as a tag',
  fix: () => 'leave the tag out',
};

/**
 * Emphasis as Markdown reads it: the marks touch the text they wrap, and stand
 * apart from words around them (so `5*3*2` and `snake_case_name` are not
 * taken for it). Links go first: a link's text may hold emphasis of its own.
 */
const KINDS: readonly Kind[] = [
  {
    pattern: /!?\[[^\]\n]+\]\([^)\s]+\)/,
    seen: 'with its brackets and address',
    fix: (field) => (/^contacts\[\d+\]\.name$/.test(field) ? 'write the name alone, and the address in url' : 'write the text alone'),
  },
  { pattern: /(?<![\p{L}\p{N}*])\*\*(?=\S)[^*\n]*?\S\*\*(?![\p{L}\p{N}*])/u, seen: 'with its stars', fix: withoutThem },
  { pattern: /(?<![\p{L}\p{N}_])__(?=\S)[^_\n]*?\S__(?![\p{L}\p{N}_])/u, seen: 'with its underscores', fix: withoutThem },
  { pattern: /(?<![\p{L}\p{N}*])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![\p{L}\p{N}*])/u, seen: 'with its stars', fix: withoutThem },
  { pattern: /`[^`\n]+`/, seen: 'with its backticks', fix: withoutThem },
  TAG,
];

/** Longest markup quoted back in a message. */
const PREVIEW = 60;

/** The first markup in `value`, a one-line field's text, with the warning to give about it; null when there is none. */
export function plainTextMarkup(value: string, field: string): PlainTextMarkup | null {
  // Most names and titles hold none of these characters: one test, then nothing more.
  if (!/[*_[`<]/.test(value)) return null;
  let first: { index: number; snippet: string; kind: Kind } | null = null;
  for (const kind of KINDS) {
    const m = kind.pattern.exec(value);
    if (m && (first === null || m.index < first.index)) first = { index: m.index, snippet: m[0], kind };
  }
  if (first === null) return null;
  const { index, snippet, kind } = first;
  // A tag by its name alone, as the warning about tags in Markdown fields shows it: its attributes say nothing more.
  const tag = kind === TAG ? /^<\/?[a-z0-9]+/i.exec(snippet) : null;
  const shown = tag ? `${tag[0].toLowerCase()}>` : snippet.length > PREVIEW ? `${snippet.slice(0, PREVIEW - 3)}...` : snippet;
  return {
    index,
    snippet,
    message: `${field} is plain text, not Markdown or HTML: "${shown}" would be published ${kind.seen}; ${kind.fix(field)}`,
  };
}
