/**
 * Error classes. The one rule: a user's mistake is an AdvisoryError with a
 * message meant for them and an exit code; anything else that escapes is an
 * internal error, which cli.ts reports as such (stack only with DEBUG).
 */
import type { Diagnostic } from './report/diagnostics.js';

export type ExitCode = 0 | 1 | 2;

export class AdvisoryError extends Error {
  readonly exitCode: ExitCode;
  readonly diagnostics: Diagnostic[];
  constructor(message: string, options: { exitCode?: ExitCode; cause?: unknown; diagnostics?: Diagnostic[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 2;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** Bad command line: unknown option value, missing path. Exit 2. */
export class UsageError extends AdvisoryError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: 2, cause });
  }
}

/** Bad advisory.config.yaml, label catalogue or template. Exit 2. */
export class ConfigError extends AdvisoryError {
  constructor(message: string, diagnostics: Diagnostic[] = [], cause?: unknown) {
    super(message, { exitCode: 2, diagnostics, cause });
  }
}

/** A template failed to compile or render. Exit 2. */
export class TemplateError extends AdvisoryError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: 2, cause });
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the machine refused, in words: not bugs, and something the officer can act on. */
const SYSTEM_REFUSALS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: "a file would be larger than the system's file size limit",
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
};

/** `error` in words with its code (`the disk is full (ENOSPC)`) when the machine refused, else null. */
export function systemRefusal(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : SYSTEM_REFUSALS[code];
  return reason === undefined ? null : `${reason} (${code})`;
}
