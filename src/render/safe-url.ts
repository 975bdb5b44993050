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
 * Null when the URL must not be used; otherwise the URL to put in the page.
 * Relative references (no scheme) are allowed: they can only point within the site.
 */
export function safeUrl(raw: string): string | null {
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
  // An empty target (`[text]()`) goes nowhere: the text stays, without a link to this page.
  if (compact === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (scheme) return (SAFE_SCHEMES as readonly string[]).includes(`${scheme[1]}:`) ? raw.trim() : null;
  // No scheme: a path, a fragment, or a protocol-relative //host, which inherits http(s).
  if (/[:\\]/.test(compact.split(/[/?#]/)[0] ?? '')) return null;
  return raw.trim();
}
