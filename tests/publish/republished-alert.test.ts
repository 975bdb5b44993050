/**
 * An alert that changes while keeping the identifier the output folder already publishes: CAP
 * networks pass over an identifier they have, so guidance added, a contact changed or a language
 * added without a new `updated` would never reach them. The real build, building in place, says
 * what changed and what to write (an error with --strict); the comparison itself is checked on
 * alerts written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { builtFixture } from '../helpers/built-fixture.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { buildProject } from '../helpers/sample-build.js';
import { alertChanges, alertIdentifier } from '../../src/publish/alert-changes.js';

// SOURCE_DATE_EPOCH of the tests: 2026-11-28T00:00Z.
const ADVICE =
  'alerting networks that have that alert pass this one over and keep what it said; if recipients need this change, set updated to the time of this change, `updated: 2026-11-28T00:00Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date';
const MALI_ALERT = 'under the identifier dist/cap/ml.xml already publishes, travel.example.gov.advisory.ML.2025-07-02';

/** Mali (English and French, updated 2025-07-02), built once; the lines of the next build that say its alert changed. */
function builtMali() {
  const project = builtFixture('ml.yaml');
  return { ...project, alertLines: project.linesWith('the CAP alert changes') };
}

describe('a build over the output it replaces', () => {
  it('warns when guidance changes under the published identifier, naming the part and the language, once', () => {
    const project = builtMali();
    project.edit('for updates and assistance.', 'for updates and assistance, and register with it.');
    expect(project.alertLines()).toEqual({
      status: 0,
      lines: [`advisories/ml.yaml:6:10  warning  the CAP alert changes (guidance in en) ${MALI_ALERT}: ${ADVICE}`],
    });
    // The build published it: the next compares with this version.
    expect(project.alertLines()).toEqual({ status: 0, lines: [] });
  });

  it('names each part that changed in the alert, in every language it changed in', () => {
    const project = builtMali();
    project.edit('+223 00 00 00 00', '+223 00 00 00 01');
    project.edit('Diamond Cement Factory in Kayes, amid', 'Diamond Cement Factory in Kayes amid');
    project.edit('Restez en contact étroit avec', 'Restez en contact permanent avec');
    expect(project.alertLines().lines).toEqual([
      `advisories/ml.yaml:6:10  warning  the CAP alert changes (summary in en; contacts in en and fr; guidance in fr) ${MALI_ALERT}: ${ADVICE}`,
    ]);
  });

  it('warns when a language added to the config gives an alert a new block under its published identifier', () => {
    // Lebanon has an Arabic translation, dated as the advisory: its alert gains an ar block, and keeps its identifier.
    const project = builtFixture();
    const alertLines = project.linesWith('the CAP alert changes');
    project.editConfig('languages: [en, fr]', 'languages: [en, fr, ar]');
    expect(alertLines().lines).toEqual([
      `advisories/lb.yaml:6:10  warning  the CAP alert changes (a block added in ar) under the identifier dist/cap/lb.xml already publishes, travel.example.gov.advisory.LB.2026-10-05: ${ADVICE}`,
    ]);
  });

  it('is an error with --strict, and nothing is written', () => {
    // The sample advisories, which build with no warning at all: the fixture's would all be errors under --strict.
    const site = buildProject(['--strict']);
    onTestFinished(site.cleanup);
    const before = snapshotTree(site.out);
    const file = path.join(site.dir, 'advisories/ml.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('for updates and assistance.');
    writeFileSync(file, text.replace('for updates and assistance.', 'for updates and assistance, and register with it.'));
    const result = runCli(['build', '--strict'], { cwd: site.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `advisories/ml.yaml:6:10  error  the CAP alert changes (guidance in en) under the identifier dist/cap/ml.xml already publishes, example.org.advisory.ML.2025-07-02: ${ADVICE}`,
    );
    expect(result.stderr).toMatch(/Nothing was written/);
    expect(snapshotTree(site.out)).toEqual(before);
  });

  it('says nothing once updated is a new version, or when what changed is not in the alert', () => {
    const project = builtMali();
    project.edit('for updates and assistance.', 'for updates and assistance, and register with it.');
    project.edit('\nupdated: 2025-07-02\n', '\nupdated: 2026-11-28\n');
    expect(project.alertLines()).toEqual({ status: 0, lines: [] });
    const body = builtMali();
    body.edit('## Security', '## Safety and security');
    expect(body.alertLines()).toEqual({ status: 0, lines: [] });
  });

  it('leaves a changed level to the level warning alone: one warning says what to do', () => {
    const project = builtFixture();
    project.edit('\nlevel: 3\n', '\nlevel: 4\n');
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.stderr).toContain('advisories/lb.yaml:6:10  warning  level is 4, but dist/ publishes level 3 with the same updated (2026-10-05)');
    expect(result.stderr).not.toContain('the CAP alert changes');
  });
});

describe('alertChanges', () => {
  const alert = (blocks: string[], top = '') =>
    ['<?xml version="1.0" encoding="UTF-8"?>', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">', '  <identifier>x.advisory.ML.2025-07-02</identifier>', top, ...blocks, '</alert>', ''].join('\n');
  const block = (lang: string, parts: string) => `  <info>\n    <language>${lang}</language>\n${parts}\n  </info>`;
  const level4 = '<parameter><valueName>advisoryLevel</valueName><value>4</value></parameter><parameter><valueName>risks</valueName><value>terrorism</value></parameter>';

  it('finds nothing in two alerts that say the same, however they are laid out', () => {
    const a = alert([block('en', `<headline>Do not travel</headline>${level4}`)]);
    const b = alert([block('en', `    <headline>Do not travel</headline>\n    ${level4}`)]);
    expect(alertChanges(a, b)).toEqual([]);
    expect(alertIdentifier(a)).toBe('x.advisory.ML.2025-07-02');
    expect(alertIdentifier('<alert/>')).toBeNull();
  });

  it("names parts in the advisory's terms, a parameter by its name, and blocks added or removed", () => {
    const a = alert([block('en', `<headline>A</headline>${level4}<area><areaDesc>Kayes</areaDesc></area>`), block('fr', '<headline>A</headline>')]);
    const b = alert(
      [block('en', `<headline>A</headline>${level4.replace('terrorism', 'terrorism kidnapping')}<area><areaDesc>Kidal</areaDesc></area>`), block('hi', '<headline>A</headline>')],
      '  <references>x,y,z</references>',
    );
    expect(alertChanges(a, b)).toEqual(['earlier versions referred to', 'risks in en', 'regions in en', 'a block removed in fr', 'a block added in hi']);
  });
});
