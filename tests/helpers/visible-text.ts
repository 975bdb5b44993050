/**
 * The text a reader of each format sees, to check that words reach them: an
 * HTML page's body without its tags, the Markdown bulletin as a Markdown
 * viewer (stock marked) shows it, the plain text as it is.
 */
import { decodeHTMLStrict } from 'entities';
import { Marked } from 'marked';
import type { Format } from '../../src/config/config.js';

const stock = new Marked({ gfm: true, async: false });

/**
 * The text of an HTML page's body: tags removed, character references read as
 * CommonMark reads them, each with its `;`. (Stock marked passes an unknown
 * `&notanentity;` through, where a browser would read `&not` as "¬".)
 */
function htmlText(html: string): string {
  const body = html.includes('<body') ? html.slice(html.indexOf('<body'), html.indexOf('</body>')) : html;
  return decodeHTMLStrict(body.replace(/<[^>]*>/g, ' '));
}

export const SEEN: Readonly<Record<Format, (content: string) => string>> = {
  html: htmlText,
  md: (markdown) => htmlText(stock.parse(markdown) as string),
  txt: (text) => text,
};

/** Text without spaces, line breaks or bidi isolates, which wrapping and isolation add between and around words. */
export function squeezed(text: string): string {
  return text.replace(/[\s\u2066-\u2069]+/g, '');
}

/** The words of `words` that a reader of `content`, in `format`, does not see. */
export function unseen(words: readonly string[], content: string, format: Format): string[] {
  // Plain text sets an address apart as `<address>`: the brackets, not the address, may split a word (`語1語<x@example.org>`).
  const plain = format === 'txt' ? (text: string) => squeezed(text).replace(/[<>]/g, '') : squeezed;
  const seen = plain(SEEN[format](content));
  return words.filter((word) => !seen.includes(plain(word)));
}
