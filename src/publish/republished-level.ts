/**
 * A level changed under the version the output folder already publishes. CAP networks and feed
 * readers know a version by its `updated` (the alert's identifier and `sent`, the entry's date):
 * republished with the same `updated`, or an earlier one, a new level would be passed over as a
 * message they already have, and they would keep the old level. `advisory diff` warns a reviewer
 * against a git revision; this is the same warning for an officer who builds in place, against
 * the output the build replaces (its manifest gives each advisory's level and `updated`). A
 * warning, not an error: an output that was never published (a level tried, then set back) is no
 * version anyone has. Pure.
 */
import type { CodeClaim } from '../advisory/validate.js';
import { compareInstants, DATE_OR_TIME_PATTERN, invalidDateReason } from '../advisory/dates.js';
import { newVersionAdvice } from '../advisory/versions.js';
import type { Diagnostic } from '../report/diagnostics.js';
import type { Manifest } from './manifest.js';

export function levelChangedUnderPublishedVersion(claims: readonly CodeClaim[], previous: Manifest | null, shownOut: string, now: Date): Diagnostic[] {
  // The manifest is a file in the output folder: an entry edited by hand into something else is passed over, never trusted.
  const versions = (previous?.advisories ?? []).filter((a) => typeof a?.level === 'number' && typeof a.updated === 'string' && DATE_OR_TIME_PATTERN.test(a.updated) && invalidDateReason(a.updated) === null);
  const published = new Map(versions.map((a) => [a.code, a]));
  return claims.flatMap((claim): Diagnostic[] => {
    const before = published.get(claim.code);
    if (!before || before.level === claim.level) return [];
    const order = compareInstants(claim.updated, before.updated);
    if (order > 0) return [];
    const same = order === 0 ? `the same updated (${before.updated})` : `a later updated (${before.updated})`;
    return [
      {
        severity: 'warning',
        file: claim.file,
        line: claim.updatedAt.line,
        col: claim.updatedAt.col,
        field: 'updated',
        message:
          `level is ${claim.level}, but ${shownOut} publishes level ${before.level} with ${same}: this version would go out with ` +
          `${order === 0 ? 'the same CAP identifier and sent time, and feeds would date it as that one' : 'a CAP sent time and feed date before that one'}, ` +
          `so alerting networks and feed readers would keep showing level ${before.level}; ${newVersionAdvice(claim.updated, before.updated, now)}`,
        rule: 'level-same-version',
      },
    ];
  });
}
