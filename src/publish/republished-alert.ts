/**
 * An alert that changes while keeping the identifier the output folder already publishes. CAP
 * networks know an alert by its identifier (the advisory's code and version): one they already
 * have is passed over, so guidance added, a contact changed or a language added to an advisory
 * whose `updated` did not move would never reach them. republished-level.ts says so of a level;
 * this says it of everything else the alert carries, naming what changed, so that the officer can
 * tell a corrected typo from a change recipients need. A warning, as the level's (an error with
 * --strict). The manifest's SHA-256 of each published alert tells which alerts changed without
 * reading them; only those are read and compared.
 */
import type { Diagnostic } from '../report/diagnostics.js';
import { newVersionAdvice } from '../advisory/versions.js';
import { alertChanges, alertIdentifier } from './alert-changes.js';
import { capPath } from './cap.js';
import type { Manifest } from './manifest.js';
import { warningAtUpdated } from './republished-level.js';
import type { UnitResult } from './advisory-unit.js';

export interface PublishedAlerts {
  /** The output the build replaces: its manifest (null when there is none) and its files, read by path within it. */
  previous: Manifest | null;
  readPublished: (relative: string) => string | null;
  /** This build's files, by path within the staging folder. */
  readStaged: (relative: string) => string | null;
}

export function alertChangedUnderPublishedIdentifier(
  results: readonly UnitResult[],
  published: PublishedAlerts,
  shownOut: string,
  now: Date,
  /** Advisory files already warned about (a level changed): one warning says what to do. */
  warned: ReadonlySet<string>,
): Diagnostic[] {
  if (!published.previous) return [];
  const publishedSha = new Map(published.previous.files.map((f) => [f.path, f.sha256]));
  return results.flatMap((result): Diagnostic[] => {
    const { claim } = result;
    if (!claim || !result.digest || warned.has(claim.file)) return [];
    const alert = capPath(claim.code);
    const before = publishedSha.get(alert);
    const after = result.entries.find((e) => e.path === alert)?.sha256;
    if (before === undefined || after === undefined || before === after) return [];
    const [publishedXml, stagedXml] = [published.readPublished(alert), published.readStaged(alert)];
    if (publishedXml === null || stagedXml === null) return [];
    const identifier = alertIdentifier(stagedXml);
    if (identifier === null || identifier !== alertIdentifier(publishedXml)) return [];
    const changes = alertChanges(publishedXml, stagedXml);
    if (!changes.length) return [];
    // The identifier ends with the version (capIdentifier): the one recipients have.
    const version = identifier.slice(identifier.lastIndexOf('.') + 1);
    return [
      warningAtUpdated(
        claim,
        `the CAP alert changes (${changes.join('; ')}) under the identifier ${shownOut}${alert} already publishes, ${identifier}: ` +
          `alerting networks that have that alert pass this one over and keep what it said; if recipients need this change, ${newVersionAdvice(claim.updated, version, now)}`,
        'alert-same-identifier',
      ),
    ];
  });
}
