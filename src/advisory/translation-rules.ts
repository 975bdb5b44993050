/**
 * Rules for the further languages: text that a reader of one language would
 * get in the primary language instead (left out, or pasted untranslated), and
 * translations older than the advisory. Stale safety advice in one language is the failure translations
 * exist to prevent, so both are warnings (errors with --strict).
 */
import type { CheckContext } from './check.js';
import type { Rule } from './rules.js';
import type { Advisory, Translation } from './types.js';
import { comparable, hasOwnCasing, wordCount } from './visible-text.js';
import { comparedTexts, itemCountDiffers, LIST_KEYS } from './compared-texts.js';
import { isAnchored, pairing } from './anchors.js';
import { compareInstants, shownVersion } from './dates.js';

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
  listFields('regions', a.regions, t.regions, ['name', 'note'], missing, pairing(a.regions, t.regions).translationOf);
  listFields('contacts', a.contacts, t.contacts, ['name', 'hours'], missing, pairing(a.contacts, t.contacts).translationOf);
  if (a.body !== undefined && t.body === undefined) missing.push('body');
  listFields('updates', a.updates, t.updates, ['summary'], missing);
  return missing;
}

/**
 * Item fields of one list (regions, contacts, updates) that the primary has and the translation lacks.
 * `translationOf` gives, for each original item, the index of the translated one (see anchors.ts):
 * a missing field is named where it is to be written.
 */
function listFields(
  key: string,
  primary: readonly object[],
  translated: readonly object[] | undefined,
  fields: readonly string[],
  missing: string[],
  translationOf: ReadonlyArray<number | undefined> = primary.map((_, i) => i),
): void {
  const wanted: Array<[number, string]> = [];
  primary.forEach((item, i) => {
    for (const field of fields) if ((item as Record<string, unknown>)[field] !== undefined) wanted.push([i, field]);
  });
  if (wanted.length === 0) return;
  if (translated === undefined) {
    missing.push(key);
    return;
  }
  for (const [i, field] of wanted) {
    // An original that no anchored item names has an error of its own (anchor-rules.ts).
    const j = translationOf[i] ?? (isAnchored(translated) ? undefined : i);
    if (j !== undefined && (translated[j] as Record<string, unknown> | undefined)?.[field] === undefined) missing.push(`${key}[${j}].${field}`);
  }
}

/** What a further language shows without a translated title (see titleText in render/view.ts). */
const DEFAULT_TITLE = 'the default title "<level name>: <country>"';

/** The texts a CAP info block is for: without both, the alert has no block in the language (capLocales in publish/cap.ts). */
const ALERT_TEXTS: readonly string[] = ['summary', 'guidance'];
const NO_ALERT_BLOCK = (lang: string) => `its CAP alert has no ${lang} block`;

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
        ctx.keyAt('translations') ?? ctx.at(''),
        base,
        `no ${lang} translation: the ${lang} bulletin falls back to ${primary} for ${text.join(', ')}${title}; ${NO_ALERT_BLOCK(lang)}; add ${base} (or remove ${lang} from languages in the config)`,
        'translation-missing',
      );
      continue;
    }
    // A list of another length is an error (translationsComplete): the bulletin is not built, so nothing falls back.
    const refused = LIST_KEYS.filter((key) => itemCountDiffers(a, t, key));
    for (const field of untranslatedFields(a, t)) {
      if (refused.some((key) => field.startsWith(`${key}[`))) continue;
      const path = `${base}.${field}`;
      const instead = field === 'title' ? `shows ${DEFAULT_TITLE} instead` : `falls back to ${primary} for ${field}${ALERT_TEXTS.includes(field) ? `, and ${NO_ALERT_BLOCK(lang)}` : ''}`;
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
    } else if (compareInstants(t.updated, a.updated) < 0) {
      // As moments: a translation dated 2026-12-03 (its midnight UTC) may predate the advisory's change at 14:30 that day.
      ctx.report(
        'warning',
        ctx.at(field),
        field,
        `${field} (${shownVersion(t.updated)}) is older than updated (${shownVersion(a.updated)}): the ${lang} text may be out of date; bring it in line with the advisory, then set ${field} to ${a.updated} or later`,
        'translation-stale',
      );
    }
  }
};

/** Shorter texts (a name, "24 hours", a number) can read the same in two languages. */
const COPY_MIN_WORDS = 4;

/**
 * A title, summary or guidance item "translated" by pasting the primary text: the
 * bulletin would present it as the further language, and no other warning
 * would say it is not (the field is there). Not between two forms of one
 * language (en and en-GB), whose texts are mostly the same.
 */
export const translationCopied: Rule = (a, ctx, { languages }) => {
  const primary = languages[0]!;
  const language = (tag: string) => tag.split('-')[0];
  const primaryGuidance = comparedTexts(a, primary, primary, 'guidance')!;
  // A summary is long, and compared with one text only: a text of quite another length is no copy of it.
  const summary = comparable(a.summary, primary);
  const summaryLength = a.summary.trim().length;
  const originals = new Map<string, string>();
  const remember = (field: string, text: string) => {
    if (wordCount(text) >= COPY_MIN_WORDS && !originals.has(text)) originals.set(text, field);
  };
  // The title first: the one text feeds, alerts and index pages often show alone.
  if (a.title !== undefined) remember('title', comparable(a.title, primary));
  remember('summary', summary);
  primaryGuidance.forEach((item, i) => remember(`guidance[${i}]`, item!));
  if (originals.size === 0) return;
  for (const lang of furtherLanguages(languages)) {
    const t = a.translations[lang];
    if (t === undefined || language(lang) === language(primary)) continue;
    // In lower case as the primary language has it: a Turkish copy of "If you travel" is still a copy.
    const guidance = hasOwnCasing(lang) || hasOwnCasing(primary) ? t.guidance?.map((g) => comparable(g, primary)) : comparedTexts(a, lang, primary, 'guidance');
    const length = t.summary?.trim().length ?? 0;
    const translated: Array<[string, string | undefined]> = [
      ['title', t.title === undefined ? undefined : comparable(t.title, primary)],
      ['summary', t.summary !== undefined && length * 2 > summaryLength && length < summaryLength * 2 ? comparable(t.summary, primary) : undefined],
      ...(guidance ?? []).map((item, i): [string, string | undefined] => [`guidance[${i}]`, item]),
    ];
    for (const [field, key] of translated) {
      const original = key === undefined ? undefined : originals.get(key);
      if (original === undefined) continue;
      const path = `translations.${lang}.${field}`;
      ctx.report('warning', ctx.at(path), path, `${path} is the same as ${original}, not translated: the ${lang} bulletin would show ${primary} text as ${lang}; translate it`, 'translation-copied');
    }
  }
};
