/** From a parsed YAML document to a validated Advisory plus every problem found. Pure. */
import { isMap, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostics.js';
import { CheckContext, checkNode, detached } from './check.js';
import { advisoryFormat } from './format.js';
import { isCountryCode } from './iso3166.js';
import { applyRules, type RuleOptions } from './rules.js';
import { regionLevels, type Advisory, type Level, type LoadedAdvisory, type RegionLevel } from './types.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Which country a file says it is about: its code and name as written (on one
 * line, trimmed), read even from a file with errors, so that a report can name
 * the country it failed to read; each absent when the file does not say it as text.
 */
export interface Identity {
  code?: string;
  country?: string;
}

export interface ValidatedFile {
  file: string;
  /** Present only when the file has no errors (warnings allowed). */
  advisory?: Advisory;
  identity: Identity;
  diagnostics: Diagnostic[];
  /** Position of a field, for cross-file rules. */
  at(field: string): { line: number; col: number };
}

export function validateSource(source: YamlSource, options: RuleOptions): ValidatedFile {
  // The country, read before the check, so that a region code's message can offer that country's codes.
  const claimed = claimedIdentity(source.root).code;
  const ctx = new CheckContext(source, options.languages, { country: claimed !== undefined && isCountryCode(claimed) ? claimed : undefined });
  const at = (field: string) => ctx.at(field);
  const failed = () => ({ file: source.file, identity: claimedIdentity(source.root), diagnostics: ctx.diagnostics, at });
  if (!source.root) return failed();
  const value = checkNode(advisoryFormat, source.root, '', ctx) as Partial<Advisory> | undefined;
  if (value === undefined) return failed();
  const advisory = withDefaults(value as Advisory);
  applyRules(advisory, ctx, options);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return failed();
  return { file: source.file, advisory, identity: { code: advisory.code, country: advisory.country }, diagnostics: ctx.diagnostics, at };
}

/** The code and country a mapping says as text, whatever else is wrong with it; detached, so that a kept name does not keep the file. */
function claimedIdentity(root: Node | null): Identity {
  const text = (key: string) => {
    const value: unknown = isMap(root) ? root.get(key) : undefined;
    const line = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
    return line ? { [key]: detached(line) } : {};
  };
  return { ...text('code'), ...text('country') };
}

/** Optional lists default to empty, so later stages never test for undefined. */
function withDefaults(a: Advisory): Advisory {
  return {
    ...a,
    risks: a.risks ?? [],
    regions: a.regions ?? [],
    contacts: a.contacts ?? [],
    updates: a.updates ?? [],
    translations: a.translations ?? {},
  };
}

/** A valid file's claim to its country, which the rules across files judge. */
export interface CodeClaim {
  file: string;
  code: string;
  /** Where the file says its code. */
  at: { line: number; col: number };
  /** The version it claims the country at, and where it says it: what a build compares with the output it replaces. */
  level: Level;
  regions: RegionLevel[];
  updated: string;
  updatedAt: { line: number; col: number };
}

export function codeClaim(file: ValidatedFile): CodeClaim[] {
  const a = file.advisory;
  return a ? [{ file: file.file, code: a.code, at: file.at('code'), level: a.level, regions: regionLevels(a.regions), updated: a.updated, updatedAt: file.at('updated') }] : [];
}

/** How a second file for a country is reported; `show` tells by it which country it concerns. */
export function duplicateCodeMessage(code: string, firstFile: string): string {
  return `code ${code} is already used by ${firstFile}; each country has one advisory file`;
}

/** Rules across files: one advisory per country. Claims in file order. */
export function crossFileDiagnostics(claims: readonly CodeClaim[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstByCode = new Map<string, CodeClaim>();
  for (const claim of claims) {
    const first = firstByCode.get(claim.code);
    if (first) {
      diagnostics.push({
        severity: 'error',
        file: claim.file,
        line: claim.at.line,
        col: claim.at.col,
        field: 'code',
        message: duplicateCodeMessage(claim.code, first.file),
        rule: 'duplicate-code',
      });
    } else {
      firstByCode.set(claim.code, claim);
    }
  }
  return diagnostics;
}

export function validAdvisories(files: readonly ValidatedFile[], crossFile: readonly Diagnostic[]): LoadedAdvisory[] {
  const rejected = new Set(crossFile.filter((d) => d.severity === 'error').map((d) => d.file));
  return files.filter((f) => f.advisory && !rejected.has(f.file)).map((f) => ({ file: f.file, advisory: f.advisory! }));
}
