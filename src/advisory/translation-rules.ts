/**
 * Rules for the further languages: text that a reader of one language would
 * get in the primary language instead, and translations older than the
 * advisory. Stale safety advice in one language is the failure translations
 * exist to prevent, so both are warnings (errors with --strict).
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { CheckContext } from './check.js';
import type { Rule } from './rules.js';
import type { Position } from './yaml-source.js';
import type { Advisory, Translation } from './types.js';

/** Where a top-level key is written (`translations:`), rather than where its value starts. */
function keyPosition(ctx: CheckContext, key: string): Position | undefined {
  const root = ctx.source.root;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? ctx.source.position(pair.key as Node) : undefined;
}

/** The configured further languages this advisory is published in. */
function furtherLanguages(languages: readonly string[]): readonly string[] {
  return languages.slice(1);
}

/**
 * Fields (paths relative to the translation) that the primary text has and
 * the translation lacks, in the order of the format. A whole list that is
 * missing is named once, not item by item. Addresses are left out: they are
 * usually best kept as written locally, for the post.
 */
export function untranslatedFields(a: Advisory, t: Translation): string[] {
  const missing: string[] = [];
  if (a.title !== undefined && t.title === undefined) missing.push('title');
  if (t.summary === undefined) missing.push('summary');
  if (t.guidance === undefined) missing.push('guidance');
  listFields('regions', a.regions, t.regions, ['name', 'note'], missing);
  listFields('contacts', a.contacts, t.contacts, ['name', 'hours'], missing);
  if (a.body !== undefined && t.body === undefined) missing.push('body');
  listFields('updates', a.updates, t.updates, ['summary'], missing);
  return missing;
}

/** Item fields of one list (regions, contacts, updates) that the primary has and the translation lacks. */
function listFields(key: string, primary: readonly object[], translated: readonly object[] | undefined, fields: readonly string[], missing: string[]): void {
  const wanted: Array<[number, string]> = [];
  primary.forEach((item, i) => {
    for (const field of fields) if ((item as Record<string, unknown>)[field] !== undefined) wanted.push([i, field]);
  });
  if (wanted.length === 0) return;
  if (translated === undefined) {
    missing.push(key);
    return;
  }
  for (const [i, field] of wanted) if ((translated[i] as Record<string, unknown> | undefined)?.[field] === undefined) missing.push(`${key}[${i}].${field}`);
}

/** What a further language shows without a translated title (see titleText in render/view.ts). */
const DEFAULT_TITLE = 'the default title "<level name>: <country>"';

/** Every configured language gets every field translated, or a warning says what falls back. */
export const translationFallback: Rule = (a, ctx, { languages }) => {
  const primary = languages[0]!;
  for (const lang of furtherLanguages(languages)) {
    const base = `translations.${lang}`;
    const t = a.translations[lang];
    if (t === undefined) {
      const fields = untranslatedFields(a, {});
      const text = fields.filter((f) => f !== 'title');
      const title = fields.includes('title') ? ` and shows ${DEFAULT_TITLE} instead of title` : '';
      ctx.report(
        'warning',
        keyPosition(ctx, 'translations') ?? ctx.at(''),
        base,
        `no ${lang} translation: the ${lang} bulletin falls back to ${primary} for ${text.join(', ')}${title}; add ${base} (or remove ${lang} from languages in the config)`,
        'translation-missing',
      );
      continue;
    }
    for (const field of untranslatedFields(a, t)) {
      const path = `${base}.${field}`;
      const instead = field === 'title' ? `shows ${DEFAULT_TITLE} instead` : `falls back to ${primary} for ${field}`;
      ctx.report('warning', ctx.at(path), path, `${path} is missing: the ${lang} bulletin ${instead}; translate it`, 'translation-missing');
    }
  }
};

/** A translation must say when it was last brought in line, and not before the advisory last changed. */
export const translationStale: Rule = (a, ctx, { languages }) => {
  for (const lang of furtherLanguages(languages)) {
    const t = a.translations[lang];
    if (t === undefined) continue;
    const field = `translations.${lang}.updated`;
    if (t.updated === undefined) {
      ctx.report(
        'warning',
        ctx.at(field),
        field,
        `translations.${lang} has no updated date, so it may be out of date: the advisory was updated ${a.updated}; once the ${lang} text matches it, add updated: ${a.updated}`,
        'translation-stale',
      );
    } else if (t.updated < a.updated) {
      ctx.report(
        'warning',
        ctx.at(field),
        field,
        `${field} (${t.updated}) is older than updated (${a.updated}): the ${lang} text may be out of date; bring it in line with the advisory, then set ${field} to ${a.updated} or later`,
        'translation-stale',
      );
    }
  }
};
