/**
 * Link reference definitions (`[1]: https://example.org "Title"`) and the
 * reference links that use them (`[text][1]`, `[text][]`, `[1]`). No format
 * publishes a definition itself: one that no link uses (a pasted "Sources"
 * list) is lost, and so is a second one of a label, as links use the first.
 * A reference link's target is written in its definition, which is where a
 * bad target is pointed at.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { childTokens } from '../render/markdown-lexer.js';

/** A definition's label as marked keys it: blanks as one space, case folded. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

const { reflink, nolink } = Lexer.rules.inline.gfm;

/** The label a link or image uses when it is a reference link, read from its source with marked's own patterns; null for any other. */
export function referenceKey(token: Tokens.Link | Tokens.Image): string | null {
  const match = reflink.exec(token.raw) ?? nolink.exec(token.raw);
  return match && match[0] === token.raw ? labelKey(match[2] ?? match[1]!) : null;
}

export interface References {
  /** The definition links use for each label: the first one written. */
  definitions: Map<string, Tokens.Def>;
  /** The labels some link or image uses. */
  used: Set<string>;
}

/** Every definition and every label used, anywhere in a body's tokens (a list item, a quote, a table cell). */
export function references(tokens: Token[]): References {
  const found: References = { definitions: new Map(), used: new Set() };
  const visit = (list: Token[]): void => {
    for (const token of list) {
      if (token.type === 'def') {
        const def = token as Tokens.Def;
        if (!found.definitions.has(def.tag)) found.definitions.set(def.tag, def);
      } else if (token.type === 'link' || token.type === 'image') {
        const key = referenceKey(token as Tokens.Link | Tokens.Image);
        if (key !== null) found.used.add(key);
      }
      for (const children of childTokens(token)) visit(children);
    }
  };
  visit(tokens);
  return found;
}

/** The label of a definition as written (`Sources` in `[Sources]: https://...`), for messages. */
export function writtenLabel(def: Tokens.Def): string {
  return /^\s*\[((?:\\[\s\S]|[^\\\]])*)\]/.exec(def.raw)?.[1] ?? def.tag;
}

/** A definition's first line, as it is written in the field (a definition in a list or a quote is read without its indentation or `>`). */
export function firstLine(def: Tokens.Def): string {
  return def.raw.split('\n', 1)[0]!.trim();
}
