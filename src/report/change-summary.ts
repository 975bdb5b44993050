/**
 * `advisory diff` output: Markdown for a pull-request comment, or JSON. A
 * reporter like the others: a plain function from results to text. Text
 * from advisories goes through the Markdown bulletins' own escaping, so a
 * guidance item cannot break the comment's structure.
 */
import type { AdvisoryChange, RegionRef } from '../advisory/diff.js';
import type { Level } from '../advisory/types.js';
import { escapeMarkdownText, inlineMarkdownToMarkdown } from '../render/markdown-md.js';

export interface ChangeReport {
  /** The git revision compared with, as the user gave it. */
  since: string;
  changes: AdvisoryChange[];
  /** Advisory files left out because they have errors, per side. */
  invalid: { before: string[]; after: string[] };
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

function lines(c: AdvisoryChange, level: (l: Level) => string): string[] {
  const out: string[] = [];
  const from = c.level?.from;
  const to = c.level?.to;
  if (c.status === 'added') out.push(`**New advisory** at ${level(to!)}`);
  else if (c.status === 'removed') out.push(`**Advisory removed** (was at ${level(from!)})`);
  else if (from !== undefined && to !== undefined) out.push(`**Level ${to > from ? 'raised' : 'lowered'}** from ${level(from)} to ${level(to)}`);
  for (const r of c.regions.added) out.push(`Region added: ${region(r)} at ${level(r.level)}`);
  for (const r of c.regions.removed) out.push(`Region removed: ${region(r)} (was at ${level(r.level)})`);
  for (const r of c.regions.relevelled) out.push(`Region ${r.to > r.from ? 'raised' : 'lowered'}: ${region(r)} from ${level(r.from)} to ${level(r.to)}`);
  for (const g of c.guidance.added) out.push(`Guidance added: ${inlineMarkdownToMarkdown(g)}`);
  for (const g of c.guidance.removed) out.push(`Guidance removed: ${inlineMarkdownToMarkdown(g)}`);
  if (c.risks.added.length) out.push(`Risks added: ${c.risks.added.join(', ')}`);
  if (c.risks.removed.length) out.push(`Risks removed: ${c.risks.removed.join(', ')}`);
  for (const name of c.contacts.added) out.push(`Contact added: ${plain(name)}`);
  for (const name of c.contacts.removed) out.push(`Contact removed: ${plain(name)}`);
  for (const { name, fields } of c.contacts.changed) out.push(`Contact changed: ${plain(name)} (${fields.join(', ')})`);
  for (const u of c.updates) out.push(`New update, ${u.date}: ${inlineMarkdownToMarkdown(u.summary)}`);
  if (c.reworded.length) out.push(`Reworded: ${c.reworded.join(', ')}`);
  return out.map((line) => `- ${line}`);
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

export function changesMarkdown(report: ChangeReport, levelName: LevelNamer): string {
  const level = (l: Level) => `level ${l} (${plain(levelName(l))})`;
  const out = [`## Travel advisory changes since ${code(report.since)}`, ''];
  if (report.changes.length === 0) out.push('No changes to the meaning of any advisory.', '');
  else out.push(counts(report.changes), '');
  for (const c of report.changes) out.push(`### ${plain(c.country)} (${c.code})`, '', ...lines(c, level), '');
  for (const [side, files] of [
    ['in the working tree', report.invalid.after],
    [`at ${code(report.since)}`, report.invalid.before],
  ] as const) {
    if (files.length) out.push(`> **Not compared**, because ${files.length === 1 ? 'this file has' : 'these files have'} errors ${side}: ${files.map(code).join(', ')}. Run \`advisory validate\` to see them.`, '');
  }
  return out.join('\n');
}

export function changesJson(report: ChangeReport, levelName: LevelNamer): string {
  const named = (l: Level | undefined) => (l === undefined ? undefined : { level: l, name: levelName(l) });
  const changes = report.changes.map((c) => ({ ...c, level: c.level && { from: named(c.level.from), to: named(c.level.to) } }));
  return `${JSON.stringify({ ...report, changes }, null, 2)}\n`;
}
