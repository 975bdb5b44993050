/**
 * A level changed while `updated` stays at the version the output folder already publishes: CAP
 * networks and feed readers would pass the new alert over as one they have. The real build,
 * building in place, warns (an error with --strict), and says what to write instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { builtFixture } from '../helpers/built-fixture.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { runCli } from '../helpers/run-cli.js';

// SOURCE_DATE_EPOCH of the tests: 2026-11-28T00:00Z.
const NEW_VERSION = 'set updated to the time of this change, `updated: 2026-11-28T00:00Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date';
const SAME_ID = 'this version would go out with the same CAP identifier and sent time, and feeds would date it as that one';
const ADVICE = `so alerting networks and feed readers would keep showing level 3; ${NEW_VERSION}`;

it('warns when the level changes and updated stays at the version dist/ publishes, naming what to write', () => {
  const project = builtFixture();
  project.edit('\nlevel: 3\n', '\nlevel: 4\n');
  expect(project.warnings()).toEqual({
    status: 0,
    lines: [`advisories/lb.yaml:6:10  warning  level is 4, but dist/ publishes level 3 with the same updated (2026-10-05): ${SAME_ID}, ${ADVICE}`],
  });
});

it('warns when updated went back before the published version (a time of day taken out)', () => {
  const project = builtFixture();
  project.edit('\nupdated: 2026-10-05\n', '\nupdated: 2026-10-05T12:00Z\n');
  expect(project.warnings()).toEqual({ status: 0, lines: [] });
  project.edit('\nlevel: 3\n', '\nlevel: 2\n');
  project.edit('\nupdated: 2026-10-05T12:00Z\n', '\nupdated: 2026-10-05\n');
  expect(project.warnings().lines).toEqual([
    `advisories/lb.yaml:6:10  warning  level is 2, but dist/ publishes level 3 with a later updated (2026-10-05T12:00Z): this version would go out with a CAP sent time and feed date before that one, ${ADVICE}`,
  ]);
});

it('is an error with --strict, and nothing is written', () => {
  const project = builtFixture();
  const before = snapshotTree(path.join(project.dir, 'dist'));
  project.edit('\nlevel: 3\n', '\nlevel: 4\n');
  const result = runCli(['build', '--strict'], { cwd: project.dir });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('advisories/lb.yaml:6:10  error  level is 4, but dist/ publishes level 3 with the same updated (2026-10-05)');
  expect(result.stderr).toMatch(/Nothing was written/);
  expect(snapshotTree(path.join(project.dir, 'dist'))).toEqual(before);
});

it('says nothing of levels once updated is a new version, or when only the wording changed', () => {
  const project = builtFixture();
  project.edit('\nlevel: 3\n', '\nlevel: 4\n');
  project.edit('\nupdated: 2026-10-05\n', '\nupdated: 2026-11-28\n');
  expect(project.warnings()).toEqual({ status: 0, lines: [] });
  const other = builtFixture();
  other.edit('The security situation in Lebanon', 'The security situation across Lebanon');
  expect(other.warnings()).toEqual({ status: 0, lines: [] });
});

it("warns when a region's level changes under the published version, naming the region", () => {
  const project = builtFixture();
  project.edit('    code: LB-NA\n    level: 4\n', '    code: LB-NA\n    level: 3\n');
  expect(project.warnings()).toEqual({
    status: 0,
    lines: [
      `advisories/lb.yaml:6:10  warning  region Nabatieh Governorate (LB-NA) is at level 3, but dist/ publishes it at level 4 with the same updated (2026-10-05): ${SAME_ID}, so alerting networks and feed readers would keep showing level 4 for Nabatieh Governorate (LB-NA); ${NEW_VERSION}`,
    ],
  });
});

it("warns when a region added or removed changes the alert's highest level (its CAP severity), not when it leaves it", () => {
  // Trinidad and Tobago: level 2, Laventille & Beetham at 3, Tobago at 1.
  const added = builtFixture('tt.yaml');
  added.edit('regions:\n', 'regions:\n  - name: Port of Spain\n    level: 4\n');
  expect(added.warnings()).toEqual({
    status: 0,
    lines: [
      `advisories/tt.yaml:7:10  warning  with its regions the alert's highest level (its CAP severity) is 4, but dist/ publishes 3 with the same updated (2026-03-01): ${SAME_ID}, so alerting networks and feed readers would keep showing level 3; ${NEW_VERSION}`,
    ],
  });
  const below = builtFixture('tt.yaml');
  below.edit('regions:\n', 'regions:\n  - name: Port of Spain\n    level: 3\n');
  expect(below.warnings()).toEqual({ status: 0, lines: [] });
});

it("compares only the country's level with a manifest that records no regions (written by an older build)", () => {
  const project = builtFixture();
  const manifest = path.join(project.dir, 'dist/manifest.json');
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { advisories: Array<{ regions?: unknown }> };
  expect(parsed.advisories.find((a) => Array.isArray(a.regions) && a.regions.length === 3)).toBeDefined();
  for (const a of parsed.advisories) delete a.regions;
  writeFileSync(manifest, `${JSON.stringify(parsed, null, 2)}\n`);
  project.edit('    code: LB-NA\n    level: 4\n', '    code: LB-NA\n    level: 3\n');
  expect(project.warnings()).toEqual({ status: 0, lines: [] });
  project.edit('\nlevel: 3\n', '\nlevel: 4\n');
  expect(project.warnings().lines).toEqual([`advisories/lb.yaml:6:10  warning  level is 4, but dist/ publishes level 3 with the same updated (2026-10-05): ${SAME_ID}, ${ADVICE}`]);
});

it("passes over what the previous manifest says when it is not a version (edited by hand), and still builds", () => {
  const project = builtFixture();
  const manifest = path.join(project.dir, 'dist/manifest.json');
  const text = readFileSync(manifest, 'utf8');
  const edited = text.replace('"code": "LB",\n      "level": 3,\n      "updated": "2026-10-05"', '"code": "LB",\n      "level": 1,\n      "updated": "2026-13-45"');
  expect(edited).not.toBe(text);
  writeFileSync(manifest, edited);
  expect(project.warnings()).toEqual({ status: 0, lines: [] });
});
