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
  const ctx = new CheckContext(source);
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

/** Rules across files: one advisory per country. */
export function crossFileDiagnostics(files: readonly ValidatedFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstByCode = new Map<string, ValidatedFile>();
  for (const file of files) {
    const code = file.advisory?.code;
    if (!code) continue;
    const first = firstByCode.get(code);
    if (first) {
      const at = file.at('code');
      diagnostics.push({
        severity: 'error',
        file: file.file,
        line: at.line,
        col: at.col,
        field: 'code',
        message: `code ${code} is already used by ${first.file}; each country has one advisory file`,
        rule: 'duplicate-code',
      });
    } else {
      firstByCode.set(code, file);
    }
  }
  return diagnostics;
}

export function validAdvisories(files: readonly ValidatedFile[], crossFile: readonly Diagnostic[]): LoadedAdvisory[] {
  const rejected = new Set(crossFile.filter((d) => d.severity === 'error').map((d) => d.file));
  return files.filter((f) => f.advisory && !rejected.has(f.file)).map((f) => ({ file: f.file, advisory: f.advisory! }));
}
