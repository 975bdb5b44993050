/**
 * What differs between two CAP alerts of ours, in the advisory's own terms ("guidance (en, fr)"),
 * for the warning a build gives when an alert changes under an identifier already published
 * (republished-alert.ts). It reads only what capAlert writes: one element per line at the top,
 * `info` blocks whose children carry no attributes. Pure.
 */

/** The identifier an alert of ours gives itself, or null where there is none. */
export function alertIdentifier(xml: string): string | null {
  return /<identifier>([^<]*)<\/identifier>/.exec(xml)?.[1] ?? null;
}

/**
 * Each part of the alert that differs, once, with the languages it differs in ("guidance in en and
 * fr", "a block added in de"), in the alert's order; empty when the two say the same thing.
 */
export function alertChanges(before: string, after: string): string[] {
  const [old, now] = [parts(before), parts(after)];
  const changed = new Map<string, string[]>();
  const note = (term: string, lang?: string) => {
    const langs = changed.get(term) ?? [];
    if (lang !== undefined && !langs.includes(lang)) langs.push(lang);
    changed.set(term, langs);
  };
  for (const key of union(old.top, now.top)) if (old.top.get(key) !== now.top.get(key)) note(termFor(key));
  for (const lang of union(old.blocks, now.blocks)) {
    const [a, b] = [old.blocks.get(lang), now.blocks.get(lang)];
    if (!a) note('a block added', lang);
    else if (!b) note('a block removed', lang);
    else for (const key of union(a, b)) if (a.get(key) !== b.get(key)) note(termFor(key), lang);
  }
  return [...changed].map(([term, langs]) => (langs.length ? `${term} in ${listed(langs)}` : term));
}

/** An alert's elements outside `info` and each `info` block's, by language; a repeated element's values joined in order. */
function parts(xml: string): { top: Map<string, string>; blocks: Map<string, Map<string, string>> } {
  const blocks = new Map<string, Map<string, string>>();
  const top = xml.replace(/<info>([\s\S]*?)<\/info>/g, (_, block: string) => {
    const elements = elementsOf(block);
    blocks.set(elements.get('language') ?? '', elements);
    return '';
  });
  return { top: elementsOf(top), blocks };
}

function elementsOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, content] of text.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) {
    // Parameters are told apart by name: the level's and the risks' are different parts of the advisory.
    const key = name === 'parameter' ? `parameter:${/<valueName>([^<]*)</.exec(content!)?.[1] ?? ''}` : name!;
    found.set(key, found.has(key) ? `${found.get(key)}\n${content}` : content!);
  }
  return found;
}

function listed(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join('');
}

function union<K>(a: Map<K, unknown>, b: Map<K, unknown>): K[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

/** CAP's element names, as the advisory file names what they come from. */
const TERMS: Readonly<Record<string, string>> = {
  headline: 'title',
  description: 'summary',
  instruction: 'guidance',
  contact: 'contacts',
  area: 'regions',
  category: 'risks',
  'parameter:risks': 'risks',
  event: 'level',
  urgency: 'level',
  severity: 'level',
  certainty: 'level',
  responseType: 'level',
  'parameter:advisoryLevel': 'level',
  senderName: 'issuer',
  web: 'bulletin address',
  sender: 'sender',
  sent: 'sent time',
  msgType: 'message type',
  references: 'earlier versions referred to',
};

function termFor(key: string): string {
  return TERMS[key] ?? key.replace(/^parameter:/, 'parameter ');
}
