/**
 * A level changed under the version the output folder already publishes. CAP networks and feed
 * readers know a version by its `updated` (the alert's identifier and `sent`, the entry's date):
 * republished with the same `updated`, or an earlier one, a new level would be passed over as a
 * message they already have, and they would keep the old level. `advisory diff` warns a reviewer
 * against a git revision; this is the same warning for an officer who builds in place, against
 * the output the build replaces (its manifest gives each advisory's levels and `updated`). A
 * warning, not an error: an output that was never published (a level tried, then set back) is no
 * version anyone has. Pure.
 */
import type { CodeClaim } from '../advisory/validate.js';
import { compareInstants, DATE_OR_TIME_PATTERN, invalidDateReason } from '../advisory/dates.js';
import { levelChanges } from '../advisory/diff.js';
import type { Level, RegionLevel } from '../advisory/types.js';
import { newVersionAdvice } from '../advisory/versions.js';
import type { Diagnostic } from '../report/diagnostics.js';
import type { Manifest } from './manifest.js';

type Published = Manifest['advisories'][number];

export function levelChangedUnderPublishedVersion(claims: readonly CodeClaim[], previous: Manifest | null, shownOut: string, now: Date): Diagnostic[] {
  const published = new Map(publishedVersions(previous).map((a) => [a.code, a]));
  return claims.flatMap((claim): Diagnostic[] => {
    const before = published.get(claim.code);
    const changes = before ? describedChanges(before, claim, shownOut) : [];
    if (!before || !changes.length) return [];
    const order = compareInstants(claim.updated, before.updated);
    if (order > 0) return [];
    const same = order === 0 ? `the same updated (${before.updated})` : `a later updated (${before.updated})`;
    const outcome = order === 0 ? 'the same CAP identifier and sent time, and feeds would date it as that one' : 'a CAP sent time and feed date before that one';
    return changes.map(({ what, kept }) =>
      warningAtUpdated(
        claim,
        `${what} with ${same}: this version would go out with ${outcome}, ` +
          `so alerting networks and feed readers would keep showing ${kept}; ${newVersionAdvice(claim.updated, before.updated, now)}`,
        'level-same-version',
      ),
    );
  });
}

/** A version republished is mended at `updated`: the warning points there. */
export function warningAtUpdated(claim: CodeClaim, message: string, rule: string): Diagnostic {
  return { severity: 'warning', file: claim.file, line: claim.updatedAt.line, col: claim.updatedAt.col, field: 'updated', message, rule };
}

/**
 * What this version says otherwise of levels than the published one, each as the warning puts it.
 * Regions only where the manifest records them: one written by an older build has none, and
 * regions edited into something else are not trusted.
 */
function describedChanges(before: Published, claim: CodeClaim, shownOut: string): Array<{ what: string; kept: string }> {
  const published = { level: before.level as Level, regions: isRegionLevels(before.regions) ? before.regions : claim.regions };
  return levelChanges(published, claim).map((change) => {
    if (change.of === 'country') return { what: `level is ${change.to}, but ${shownOut} publishes level ${change.from}`, kept: `level ${change.from}` };
    if (change.of === 'highest') return { what: `with its regions the alert's highest level (its CAP severity) is ${change.to}, but ${shownOut} publishes ${change.from}`, kept: `level ${change.from}` };
    const region = change.region.code ? `${change.region.name} (${change.region.code})` : change.region.name;
    return { what: `region ${region} is at level ${change.to}, but ${shownOut} publishes it at level ${change.from}`, kept: `level ${change.from} for ${region}` };
  });
}

/** The manifest is a file in the output folder: an entry edited by hand into something else is passed over, never trusted. */
function publishedVersions(previous: Manifest | null): Published[] {
  return (previous?.advisories ?? []).filter((a) => isLevel(a?.level) && typeof a.updated === 'string' && DATE_OR_TIME_PATTERN.test(a.updated) && invalidDateReason(a.updated) === null);
}

function isRegionLevels(regions: unknown): regions is RegionLevel[] {
  return Array.isArray(regions) && regions.every((r) => typeof r?.name === 'string' && (r.code === undefined || typeof r.code === 'string') && isLevel(r.level));
}

const isLevel = (level: unknown): level is Level => Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 4;
