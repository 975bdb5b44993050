/**
 * A diagnostic is one problem found in one file, with the position of the
 * node it is about. Rules push diagnostics; reporters turn them into text.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path as given to the user (relative to cwd where possible). */
  file: string;
  /** 1-based; 0 when the problem has no position (a missing file). */
  line: number;
  col: number;
  /** Dotted field path, e.g. `regions[0].level`; empty for the whole file. */
  field: string;
  message: string;
  /** Stable identifier of the rule, for JSON consumers and tests. */
  rule: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * `diagnostics` with each problem once: the same severity and message at the same place of the
 * same file is one problem, however many times it was found (YAML reports an unclosed `[` once
 * per level of nesting: 20 identical lines for `a: [[[...` twenty deep). The first keeps its place.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.col, d.severity, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** `--strict` turns every warning into an error. */
export function escalateWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
