/**
 * `advisory diff` output: Markdown for a pull-request comment, or JSON. A
 * reporter like the others: a plain function from results to text. Text
 * from advisories goes through the Markdown bulletins' own escaping, so a
 * guidance item cannot break the comment's structure.
 */
import type { AdvisoryChange, Field, RegionRef } from '../advisory/diff.js';
import type { Level } from '../advisory/types.js';
import { escapeMarkdownText, inlineMarkdownToMarkdown } from '../render/markdown-md.js';
import { compareInstants } from '../advisory/dates.js';
import { newVersionAdvice } from '../advisory/versions.js';

export interface ChangeReport {
  /** The git revision compared with, as the user gave it. */
  since: string;
  changes: AdvisoryChange[];
  /** Advisory files left out because they have errors, per side. */
  invalid: { before: string[]; after: string[] };
  /**
   * Advisories found on one side only, while the other side has a file with errors
   * that names no country and may hold them: at the revision, whose file is gone
   * (`before`), or new in the working tree (`after`). Neither withdrawn nor issued, as far as anyone can tell.
   */
  unmatched: { before: UnmatchedAdvisory[]; after: UnmatchedAdvisory[] };
}

export interface UnmatchedAdvisory {
  code: string;
  country: string;
  level: Level;
  file: string;
}

export type LevelNamer = (level: Level) => string;

/**
 * `text` as a CommonMark code span, shown exactly and never read as Markdown (no
 * heading, link or @mention can come out of a file name): fenced with one backtick
 * more than its longest run of them, padded when it starts or ends with a backtick
 * or a space (the parser strips one space from each side). Names arrive with line
 * breaks already escaped (see report/paths.ts): a raw one could end the span's paragraph.
 */
function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
const plain = escapeMarkdownText;

function region(r: RegionRef): string {
  return r.code ? `${plain(r.name)} (${r.code})` : plain(r.name);
}

const FIELD_NAMES: Record<Field, string> = { country: 'Country name', title: 'Title', issued: 'Issue date', updated: 'Update date', review_by: 'Review date' };
const inline = inlineMarkdownToMarkdown;
/** An old or new value: quoted, so that where it ends is plain; "none" when the field is left out. */
const value = (text: string | undefined, format: (t: string) => string) => (text === undefined ? 'none' : `“${format(text)}”`);

/**
 * The warning for a level changed under an unchanged `updated` (or one moved back before the
 * revision's), with advice that works: the version is the same as at the revision, or older, so
 * the alert would repeat its identifier and `sent`, or come dated before the one published, and
 * be ignored. Setting "today's date" is no help when `updated` already is today's date (a
 * second change in one day), so the advice is the time of this change, which is always a new version.
 */
function sameVersionWarning(updated: string, atRevision: string, since: string, now: Date): string {
  // Moved back (a time of day deleted): older than the version published, so passed over the same way.
  const what =
    compareInstants(updated, atRevision) < 0
      ? `**updated went back from ${atRevision} to ${updated}:** this version would go out dated before the one at ${code(since)}, in its CAP sent time and in feeds, ` +
        `so alerting networks and feed readers, which pass over a message older than one they already have, would keep showing the old level; `
      : `**updated is still ${updated}:** this version would go out with the same CAP identifier and sent time as the one at ${code(since)}, and feeds would date it as that one, ` +
        `so alerting networks and feed readers, which pass over a message they already have, would keep showing the old level; `;
  return what + newVersionAdvice(updated, atRevision, now);
}

function lines(c: AdvisoryChange, level: (l: Level) => string, since: string, now: Date): string[] {
  const out: string[] = [];
  const from = c.level?.from;
  const to = c.level?.to;
  if (c.status === 'added') out.push(`**New advisory** at ${level(to!)}`);
  else if (c.status === 'removed') out.push(`**Advisory removed** (was at ${level(from!)})`);
  else if (from !== undefined && to !== undefined) out.push(`**Level ${to > from ? 'raised' : 'lowered'}** from ${level(from)} to ${level(to)}`);
  for (const f of c.fields) out.push(`${FIELD_NAMES[f.field]} changed from ${value(f.from, plain)} to ${value(f.to, plain)}`);
  for (const r of c.regions.added) out.push(`Region added: ${region(r)} at ${level(r.level)}`);
  for (const r of c.regions.removed) out.push(`Region removed: ${region(r)} (was at ${level(r.level)})`);
  for (const r of c.regions.relevelled) out.push(`Region ${r.to > r.from ? 'raised' : 'lowered'}: ${region(r)} from ${level(r.from)} to ${level(r.to)}`);
  if (c.levelChangedSince !== null) out.push(sameVersionWarning(c.levelChangedSince, c.updatedAtRevision ?? c.levelChangedSince, since, now));
  for (const r of c.regions.renamed) out.push(`Region renamed: ${region({ name: r.from, code: r.code })} to ${value(r.to, plain)}`);
  for (const r of c.regions.notes) out.push(`Region note changed: ${region(r)}, from ${value(r.from, inline)} to ${value(r.to, inline)}`);
  if (c.regions.reordered.length) out.push(`Regions reordered, now: ${c.regions.reordered.map(region).join('; ')}`);
  for (const g of c.guidance.added) out.push(`Guidance added: ${inline(g)}`);
  for (const g of c.guidance.removed) out.push(`Guidance removed: ${inline(g)}`);
  // In full, as a numbered list: which item comes first is the point.
  if (c.guidance.reordered.length) out.push(['Guidance reordered, now:', ...c.guidance.reordered.map((g, i) => `  ${i + 1}. ${inline(g)}`)].join('\n'));
  if (c.risks.added.length) out.push(`Risks added: ${c.risks.added.join(', ')}`);
  if (c.risks.removed.length) out.push(`Risks removed: ${c.risks.removed.join(', ')}`);
  for (const name of c.contacts.added) out.push(`Contact added: ${plain(name)}`);
  for (const name of c.contacts.removed) out.push(`Contact removed: ${plain(name)}`);
  for (const { name, fields, addresses } of c.contacts.changed) {
    // A number or address in full, both sides, in code (a fixed-width font tells l from I): one
    // swapped for a look-alike is seen here or nowhere.
    const shown = fields.map((field) => {
      const address = addresses.find((a) => a.field === field);
      const exact = (text: string | null) => (text === null ? 'none' : code(text));
      return address ? `${field} from ${exact(address.from)} to ${exact(address.to)}` : field;
    });
    out.push(`Contact changed: ${plain(name)} (${shown.join(', ')})`);
  }
  if (c.contacts.reordered.length) out.push(`Contacts reordered, now: ${c.contacts.reordered.map(plain).join('; ')}`);
  for (const u of c.updates.added) out.push(`New update, ${u.date}: ${inline(u.summary)}`);
  for (const u of c.updates.removed) out.push(`Update removed, ${u.date}: ${inline(u.summary)}`);
  if (c.reworded.length) out.push(`Reworded: ${c.reworded.join(', ')}`);
  for (const lang of c.translations.added) out.push(`Translation added: ${lang}`);
  for (const lang of c.translations.removed) out.push(`Translation removed: ${lang}`);
  for (const t of c.translations.changed) out.push(`Translation changed: ${t.lang} (${t.fields.join(', ')})`);
  // Translated items without for: go with the primary ones by position: a list changed in one language only may now pair them wrongly.
  const notUpdated = new Map<string, string[]>();
  for (const { lang, fields } of c.translations.notUpdated) notUpdated.set(fields.join(', '), [...(notUpdated.get(fields.join(', ')) ?? []), lang]);
  for (const [fields, langs] of notUpdated) {
    const one = langs.length === 1;
    // Pairing by position is only a question for lists; a title or summary left behind is stale, not mismatched.
    const lists = fields.split(', ').some((field) => PAIRED_LISTS.has(field));
    const check = lists ? "; translated items without for: go with the original's by position, so check that each still matches" : `; check whether ${one ? 'it needs' : 'they need'} the change too`;
    out.push(`**${one ? 'Translation' : 'Translations'} not updated:** ${langs.join(', ')} (${fields}) kept ${one ? 'its' : 'their'} text while the original changed${check}`);
  }
  if (c.other.length) out.push(`Also changed: ${c.other.map(plain).join(', ')}`);
  return out.map((line) => `- ${line}`);
}

/** Translated lists whose items go with the original's item for item. */
const PAIRED_LISTS: ReadonlySet<string> = new Set(['guidance', 'regions', 'contacts', 'updates']);

/**
 * What Markdown must show as written, never re-read: backslash escapes, code spans
 * (on one line, as this report writes them), link targets, autolinks and e-mail
 * addresses (whole, as GitHub links them as addresses); then an `@` that could start
 * a mention, the sign of an issue reference, and a run of 7 to 40 hexadecimal digits
 * standing alone, which GitHub links to the commit it abbreviates. An issue reference
 * is a `#` or `GH-` (in any case) before a number, at the start of a word (`#12`,
 * `gh-12`), or a `#` after a repository's name (`owner/repo#12`). In the middle of a
 * word (`page#12`, `XGH-1`) it is left as written: GitHub links `name#12` only when
 * `name` owns this repository or a fork of it, which a word in an advisory rarely does.
 * Letters outside ASCII count as word breaks here, in case GitHub reads them so; so does
 * Markdown (`*x*#12` shows as x#12, where GitHub links `#12`, its text starting anew).
 */
const MENTION_OR_REFERENCE =
  /(\\[\s\S]|(`+)(?!`)[^\n]*?(?<!`)\2(?!`)|`+|\]\([^\s)]*(?: "(?:\\.|[^"\\\n])*")?\)|<[^\s<>]*>|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(@(?=[\p{L}\p{N}_])|(?:(?<![A-Za-z0-9_])|(?<=\/[\w.-]+))#(?=\p{N})|(?<![A-Za-z0-9_])[Gg][Hh]-(?=\p{N}))|(?<![\p{L}\p{N}_])([0-9a-fA-F]{7,40})(?![\p{L}\p{N}_])/gu;

/** Where GitHub finds no reference: the empty HTML comment that {@link withoutMentions} puts in one. */
const BREAK = '<!-- -->';

/**
 * GitHub turns `@name`, `@org/team`, `#12` and `GH-12` in a comment into mentions,
 * which notify people, and issue links, and `1a2b3c4` into a link to that commit. It
 * does so after Markdown is parsed, on the text, so a backslash or an HTML entity
 * does not stop it (github/markup#1168, github/cmark-gfm#181). An empty HTML
 * comment does: it splits the text, renders as nothing, and leaves the words as
 * written, where a zero-width space would be copied along with them. It goes after
 * the sign of a mention or a reference, and every 6 digits of a hash, so that no
 * piece is long enough to be one. Code spans already show text as written.
 */
function withoutMentions(markdown: string): string {
  return markdown.replace(MENTION_OR_REFERENCE, (_match, verbatim: string | undefined, _run, sign: string | undefined, hash: string | undefined) =>
    verbatim ?? (sign !== undefined ? `${sign}${BREAK}` : hash!.match(/.{1,6}/g)!.join(BREAK)),
  );
}

function counts(changes: readonly AdvisoryChange[]): string {
  const n = (status: AdvisoryChange['status']) => changes.filter((c) => c.status === status).length;
  const parts = [
    [n('changed'), 'changed'],
    [n('added'), 'added'],
    [n('removed'), 'removed'],
  ] as const;
  const total = changes.length;
  return `${total} advisor${total === 1 ? 'y' : 'ies'}: ${parts
    .filter(([k]) => k > 0)
    .map(([k, what]) => `${k} ${what}`)
    .join(', ')}.`;
}

/** `now` is the moment the advice for a version left unchanged is given at (SOURCE_DATE_EPOCH, else the clock). */
export function changesMarkdown(report: ChangeReport, levelName: LevelNamer, now: Date): string {
  const level = (l: Level) => `level ${l} (${plain(levelName(l))})`;
  const out = [`## Travel advisory changes since ${code(report.since)}`, ''];
  const uncompared = report.invalid.before.length + report.invalid.after.length > 0;
  // With files left out, "no changes" is only true of the rest.
  if (report.changes.length === 0) out.push(uncompared ? 'No changes to the meaning of the advisories compared; the files below were not compared.' : 'No changes to the meaning of any advisory.', '');
  else out.push(counts(report.changes), '');
  for (const c of report.changes) out.push(`### ${plain(c.country)} (${c.code})`, '', ...lines(c, level, report.since, now), '');
  const since = code(report.since);
  const heading = (a: UnmatchedAdvisory) => `**${plain(a.country)} (${a.code})**, at ${level(a.level)}`;
  for (const [side, files, unmatched] of [
    ['in the working tree', report.invalid.after, report.unmatched.before.map((a) => `${heading(a)} at ${since}, is not in the working tree: ${code(a.file)} was removed or renamed, and a file above may hold it now, so whether the advisory was withdrawn is not known.`)],
    [`at ${since}`, report.invalid.before, report.unmatched.after.map((a) => `${heading(a)}, is new in the working tree, in ${code(a.file)}, but a file above may have held it at ${since}, so whether the advisory is new is not known.`)],
  ] as const) {
    if (files.length) out.push(`> **Not compared**, because ${files.length === 1 ? 'this file has' : 'these files have'} errors ${side}: ${files.map(code).join(', ')}. Run \`advisory validate\` to see them.`, '');
    for (const line of unmatched) out.push(`> ${line}`, '');
  }
  return withoutMentions(out.join('\n'));
}

export function changesJson(report: ChangeReport, levelName: LevelNamer): string {
  const named = (l: Level | undefined) => (l === undefined ? undefined : { level: l, name: levelName(l) });
  const changes = report.changes.map((c) => ({ ...c, level: c.level && { from: named(c.level.from), to: named(c.level.to) } }));
  const unmatched = (list: readonly UnmatchedAdvisory[]) => list.map((a) => ({ ...a, level: named(a.level) }));
  return `${JSON.stringify({ ...report, changes, unmatched: { before: unmatched(report.unmatched.before), after: unmatched(report.unmatched.after) } }, null, 2)}\n`;
}
