/** From a parsed YAML document to a validated Advisory plus every problem found. Pure. */
import type { Diagnostic } from '../report/diagnostics.js';
import { CheckContext, checkNode } from './check.js';
import { advisoryFormat } from './format.js';
import { applyRules, type RuleOptions } from './rules.js';
import type { Advisory, LoadedAdvisory } from './types.js';
import type { YamlSource } from './yaml-source.js';

export interface ValidatedFile {
  file: string;
  /** Present only when the file has no errors (warnings allowed). */
  advisory?: Advisory;
  diagnostics: Diagnostic[];
  /** Position of a field, for cross-file rules. */
  at(field: string): { line: number; col: number };
}

export function validateSource(source: YamlSource, options: RuleOptions): ValidatedFile {
  const ctx = new CheckContext(source, options.languages);
  const at = (field: string) => ctx.at(field);
  if (!source.root) return { file: source.file, diagnostics: ctx.diagnostics, at };
  const value = checkNode(advisoryFormat, source.root, '', ctx) as Partial<Advisory> | undefined;
  if (value === undefined) return { file: source.file, diagnostics: ctx.diagnostics, at };
  const advisory = withDefaults(value as Advisory);
  applyRules(advisory, ctx, options);
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  return failed ? { file: source.file, diagnostics: ctx.diagnostics, at } : { file: source.file, advisory, diagnostics: ctx.diagnostics, at };
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
}

export function codeClaim(file: ValidatedFile): CodeClaim[] {
  return file.advisory ? [{ file: file.file, code: file.advisory.code, at: file.at('code') }] : [];
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
