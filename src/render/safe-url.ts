/**
 * Which link targets a bulletin may carry. Judged after decoding entities and
 * dropping the whitespace and control characters that browsers ignore inside
 * a scheme, so `java&#x09;script:` and `&#106;avascript:` are seen for what they are.
 */
export const SAFE_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Why a link target cannot be published, or null when it can. A bulletin is
 * read far from the ministry's site (a saved page, an e-mail, a feed reader,
 * a CAP alert, the .txt), so only an absolute address with a safe scheme
 * works everywhere: `relative` covers paths, `#fragments` and `//host`,
 * which go nowhere (or somewhere else) outside the site; `scheme` is any
 * other scheme, dangerous (`javascript:`) or misspelt (`htps:`). Rendering
 * drops the link of any such target and validation refuses it, from this one
 * definition.
 */
export type UrlProblem = { kind: 'empty' } | { kind: 'scheme'; scheme: string } | { kind: 'relative' };

export function urlProblem(raw: string): UrlProblem | null {
  let decoded = raw;
  // Decode repeatedly: `&amp;#106;` decodes to `&#106;`, which a second pass turns into `j`.
  for (let i = 0; i < 3; i++) {
    const next = decodeEntities(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A stray % is not a scheme trick; keep the entity-decoded form.
  }
  // Browsers strip these anywhere in a URL before reading its scheme.
  // eslint-disable-next-line no-control-regex
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  // An empty target (`[text]()`) goes nowhere: the text stays, without a link.
  if (compact === '') return { kind: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) return { kind: 'relative' };
  if (!(SAFE_SCHEMES as readonly string[]).includes(`${scheme[1]}:`)) return { kind: 'scheme', scheme: `${scheme[1]}:` };
  const rest = compact.slice(scheme[0].length);
  // `https:example.org` (no //) is relative to the page to a browser; `mailto:` and `tel:` need an address.
  if (scheme[1] === 'https' || scheme[1] === 'http' ? !/^\/\/[^/?#\\]/.test(rest) : rest === '') return { kind: 'relative' };
  return null;
}

/** Null when the URL must not be used (see urlProblem); otherwise the URL to put in the page. */
export function safeUrl(raw: string): string | null {
  return urlProblem(raw) === null ? raw.trim() : null;
}
