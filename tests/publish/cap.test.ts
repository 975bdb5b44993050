/** CAP 1.2 alerts: every file the real build writes passes the official schema, and says what the advisory says. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capCategories, capResponses, CAP_BY_LEVEL } from '../../src/publish/cap.js';
import type { Advisory } from '../../src/advisory/types.js';
import { buildPublishFixture, listFiles, PUBLISH_FIXTURE, type Published } from '../helpers/published.js';
import { sampleProject } from '../helpers/projects.js';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

const SCHEMA = path.join(ROOT, 'tests/schemas/cap12.xsd');

function validateAgainstSchema(files: readonly string[]) {
  return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], { encoding: 'utf8' });
}

let site: Published;
beforeAll(() => {
  site = buildPublishFixture();
  expect(site.result.status).toBe(0);
});
afterAll(() => site.cleanup());

const capFiles = () => listFiles(site.dist).filter((f) => f.startsWith('cap/'));

function xpath(file: string, expression: string): string {
  const run = spawnSync('xmllint', ['--xpath', expression, path.join(site.dist, file)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.replace(/\n$/, '');
}
const cap = (...names: string[]) => names.map((n) => `/*[local-name()='${n}' and namespace-uri()='urn:oasis:names:tc:emergency:cap:1.2']`).join('');

/**
 * Builds a copy of the publish fixture with `advisories/<code>.yaml` changed by `edit` (which must change it),
 * and gives what the build printed and the alert's top-level elements, read with xmllint.
 */
function buildEdited(code: string, edit: (text: string) => string): { stderr: string; status: number | null; file: string; element: (name: string) => string; cleanup: () => void } {
  const project = tempProject(PUBLISH_FIXTURE);
  const source = path.join(project.dir, `advisories/${code}.yaml`);
  const text = readFileSync(source, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(source, edited);
  const { stderr, status } = runCli(['build'], { cwd: project.dir });
  const file = path.join(project.dir, `dist/cap/${code}.xml`);
  const element = (name: string) => spawnSync('xmllint', ['--xpath', `string(${cap('alert', name)})`, file], { encoding: 'utf8' }).stdout.trimEnd();
  return { stderr, status, file, element, cleanup: project.cleanup };
}

describe('cap/<code>.xml', () => {
  it('is written for every advisory, and every file is valid against the CAP 1.2 schema', () => {
    expect(capFiles()).toEqual(['cap/jp.xml', 'cap/lb.xml', 'cap/ml.xml', 'cap/tt.xml']);
    const run = validateAgainstSchema(capFiles().map((f) => path.join(site.dist, f)));
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual(capFiles().map((f) => `${path.join(site.dist, f)} validates`));
  });

  it('is valid for the sample advisories shipped with the tool too', () => {
    const project = tempProject();
    try {
      cpSync(path.join(ROOT, 'advisories'), path.join(project.dir, 'advisories'), { recursive: true });
      expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
      const files = listFiles(path.join(project.dir, 'dist')).filter((f) => f.startsWith('cap/'));
      expect(files.length).toBeGreaterThan(0);
      expect(validateAgainstSchema(files.map((f) => path.join(project.dir, 'dist', f))).status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  it('keeps phone numbers left to right in an info block in a right-to-left language, and nowhere else', () => {
    const project = sampleProject();
    try {
      expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
      const read = (n: number, name: string) =>
        spawnSync('xmllint', ['--xpath', `string(${cap('alert', 'info')}[${n}]${cap(name)})`, path.join(project.dir, 'dist/cap/lb.xml')], { encoding: 'utf8' }).stdout;
      const number = '+961 0 000 000';
      // The sample's languages are en, fr, hi and ar: the fourth block is Arabic.
      expect(read(4, 'language')).toBe('ar\n');
      // Joined with the Arabic comma, as the text around it is Arabic.
      expect(read(4, 'contact')).toContain(`، \u2066${number}\u2069، `);
      expect(readFileSync(path.join(project.dir, 'dist/cap/lb.xml'), 'utf8')).toContain('<areaDesc>محافظة الجنوب، لبنان: 4 (لا تسافر)</areaDesc>');
      expect(read(4, 'instruction')).toContain(`بيروت (\u2066${number}\u2069) واتبع`);
      for (const n of [1, 2, 3]) {
        expect(read(n, 'contact')).toContain(`, ${number}, `);
        expect(read(n, 'instruction')).toContain(`(${number})`);
        expect(read(n, 'instruction') + read(n, 'contact')).not.toMatch(/[\u2066-\u2069]/);
      }
    } finally {
      project.cleanup();
    }
  });

  it('dates the alert from the data, with an offset, and identifies it by sender, code and version', () => {
    expect(xpath('cap/lb.xml', `string(${cap('alert', 'sent')})`)).toBe('2026-10-05T00:00:00-00:00');
    expect(xpath('cap/lb.xml', `string(${cap('alert', 'sender')})`)).toBe('travel.example.gov');
    expect(xpath('cap/lb.xml', `string(${cap('alert', 'identifier')})`)).toBe('travel.example.gov.advisory.LB.2026-10-05');
    const identifiers = capFiles().map((f) => xpath(f, `string(${cap('alert', 'identifier')})`));
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it('writes every dateTime in UTC as -00:00, never Z or +00:00, whatever offset the data is written with (CAP 1.2 §3.3.2)', () => {
    // Versions written east (+05:30, across midnight UTC) and west (-03:00) of UTC.
    const built = buildEdited('tt', (text) => {
      const timed = text
        .replace('updated: 2026-03-01', 'updated: 2026-03-02T05:00+05:30')
        .replace('  - date: 2026-03-01\n', '  - date: 2026-03-02T05:00+05:30\n')
        .replace('  - date: 2026-01-05\n', '  - date: 2026-02-10T22:45-03:00\n    summary: Tobago added.\n  - date: 2026-01-05\n');
      expect(timed.match(/T\d\d:\d\d[+-]/g)).toHaveLength(3);
      return timed;
    });
    try {
      expect(built.stderr).not.toMatch(/error/);
      expect(built.status).toBe(0);
      expect(['identifier', 'sent', 'references'].map(built.element)).toEqual([
        'travel.example.gov.advisory.TT.2026-03-01T23:30Z',
        '2026-03-01T23:30:00-00:00',
        [
          'travel.example.gov,travel.example.gov.advisory.TT.2026-01-05,2026-01-05T00:00:00-00:00',
          'travel.example.gov,travel.example.gov.advisory.TT.2026-02-11T01:45Z,2026-02-11T01:45:00-00:00',
        ].join(' '),
      ]);
      expect(validateAgainstSchema([built.file]).status).toBe(0);
    } finally {
      built.cleanup();
    }
  });

  it('is an Update referring to the earlier versions when the advisory has them, else an Alert', () => {
    expect(xpath('cap/lb.xml', `string(${cap('alert', 'msgType')})`)).toBe('Update');
    expect(xpath('cap/lb.xml', `string(${cap('alert', 'references')})`)).toBe(
      'travel.example.gov,travel.example.gov.advisory.LB.2025-03-10,2025-03-10T00:00:00-00:00',
    );
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'msgType')})`)).toBe('Alert');
    expect(xpath('cap/ml.xml', `count(${cap('alert', 'references')})`)).toBe('0');
  });

  it('is a new version when a translation was corrected after the advisory, and so is that language\'s feed entry', () => {
    const project = tempProject(PUBLISH_FIXTURE);
    try {
      const file = path.join(project.dir, 'advisories/ml.yaml');
      const text = readFileSync(file, 'utf8');
      const corrected = text.replace('translations:\n  fr:\n    updated: 2025-07-02', 'translations:\n  fr:\n    updated: 2025-07-20');
      expect(corrected).not.toBe(text);
      writeFileSync(file, corrected);
      expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
      const dist = path.join(project.dir, 'dist');
      const read = (file: string, expression: string) => spawnSync('xmllint', ['--xpath', expression, path.join(dist, file)], { encoding: 'utf8' }).stdout.trimEnd();
      expect(['identifier', 'sent', 'msgType', 'references'].map((name) => read('cap/ml.xml', `string(${cap('alert', name)})`))).toEqual([
        'travel.example.gov.advisory.ML.2025-07-20',
        '2025-07-20T00:00:00-00:00',
        'Update',
        'travel.example.gov,travel.example.gov.advisory.ML.2025-07-02,2025-07-02T00:00:00-00:00',
      ]);
      expect(spawnSync('xmllint', ['--noout', '--schema', SCHEMA, path.join(dist, 'cap/ml.xml')], { encoding: 'utf8' }).status).toBe(0);
      const entryUpdated = (feed: string) => read(feed, "string(//*[local-name()='entry'][*[local-name()='link' and contains(@href, '/ml.html')]]/*[local-name()='updated'])");
      expect([entryUpdated('feed.atom'), entryUpdated('fr/feed.atom')]).toEqual(['2025-07-02T00:00:00Z', '2025-07-20T00:00:00Z']);
    } finally {
      project.cleanup();
    }
  });

  it('still refers to the alert of a translation correction once the advisory has moved on without it', () => {
    // French corrected on 10 July (an alert of its own, ML.2025-07-10), then the advisory updated
    // on 1 August with the French not brought in line yet: the August alert supersedes July's.
    const built = buildEdited('ml', (text) => {
      const moved = text
        .replace('updated: 2025-07-02\nreview_by', 'updated: 2025-08-01\nreview_by')
        .replace('updates:\n  - date: 2025-07-02\n', 'updates:\n  - date: 2025-08-01\n    summary: Kayes advice reviewed.\n  - date: 2025-07-02\n')
        .replace('translations:\n  fr:\n    updated: 2025-07-02', 'translations:\n  fr:\n    updated: 2025-07-10')
        .replace('    updates:\n      - summary: Publié', '    updates:\n      - summary: Conseils sur Kayes revus.\n      - summary: Publié');
      expect(moved.match(/2025-08-01|2025-07-10|Conseils sur Kayes/g)).toHaveLength(4);
      return moved;
    });
    try {
      expect(built.stderr).toContain('translations.fr.updated (2025-07-10) is older than updated (2025-08-01)');
      expect(built.status).toBe(0);
      expect(['identifier', 'msgType', 'references'].map(built.element)).toEqual([
        'travel.example.gov.advisory.ML.2025-08-01',
        'Update',
        [
          'travel.example.gov,travel.example.gov.advisory.ML.2025-07-02,2025-07-02T00:00:00-00:00',
          'travel.example.gov,travel.example.gov.advisory.ML.2025-07-10,2025-07-10T00:00:00-00:00',
        ].join(' '),
      ]);
    } finally {
      built.cleanup();
    }
  });

  it('has one info block per configured language, in that language', () => {
    expect(xpath('cap/ml.xml', `count(${cap('alert', 'info')})`)).toBe('2');
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'info')}[1]${cap('language')})`)).toBe('en');
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'info')}[2]${cap('language')})`)).toBe('fr');
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'info')}[2]${cap('headline')})`)).toBe('Ne vous rendez pas au Mali');
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'info')}[2]${cap('web')})`)).toBe('https://travel.example.gov/advice/fr/ml.html');
    expect(xpath('cap/ml.xml', `string(${cap('alert', 'info')}[1]${cap('event')})`)).toBe('Do Not Travel');
  });

  it('leaves out the info block of a language the advisory is not translated into, rather than label primary text as it', () => {
    // JP, LB and TT have no French translation: an info block saying fr would carry English, read out to French listeners as French.
    for (const file of ['cap/jp.xml', 'cap/lb.xml', 'cap/tt.xml']) {
      expect([file, xpath(file, `count(${cap('alert', 'info')})`), xpath(file, `string(${cap('alert', 'info', 'language')})`)]).toEqual([file, '1', 'en']);
    }
  });

  it('leaves out a language whose translation lacks the guidance, and the warning says so', () => {
    const built = buildEdited('ml', (text) => text.replace(/\n {4}guidance:\n(?: {6}- .*\n)+/, '\n'));
    try {
      expect(built.status).toBe(0);
      expect(built.stderr).toContain(
        'advisories/ml.yaml:88:5  warning  translations.fr.guidance is missing: the fr bulletin falls back to en for guidance, and its CAP alert has no fr block; translate it',
      );
      const languages = spawnSync('xmllint', ['--xpath', `${cap('alert', 'info', 'language')}/text()`, built.file], { encoding: 'utf8' }).stdout;
      expect(languages).toBe('en\n');
    } finally {
      built.cleanup();
    }
  });

  it('maps level and risks to severity, urgency, certainty, category and responseType', () => {
    const info = `${cap('alert', 'info')}[1]`;
    const all = (file: string, name: string) => xpath(file, `${info}${cap(name)}/text()`).split('\n');
    expect([all('cap/ml.xml', 'severity'), all('cap/ml.xml', 'urgency'), all('cap/ml.xml', 'certainty'), all('cap/ml.xml', 'responseType')]).toEqual([
      ['Extreme'],
      ['Immediate'],
      ['Observed'],
      ['Avoid'],
    ]);
    expect(all('cap/ml.xml', 'category')).toEqual(['Security']);
    expect(all('cap/jp.xml', 'category')).toEqual(['Safety']);
    expect(all('cap/jp.xml', 'responseType')).toEqual(['None']);
    // TT is level 2 with a region at level 3 and one at level 1: the alert is as severe as its worst area.
    expect(all('cap/tt.xml', 'severity')).toEqual(['Severe']);
    expect(all('cap/tt.xml', 'responseType')).toEqual(['Assess', 'Monitor']);
    expect(all('cap/tt.xml', 'category')).toEqual(['Geo', 'Met', 'Security']);
  });

  it('makes the country an area with its ISO 3166-1 code and each region an area with its ISO 3166-2 code', () => {
    const areas = `${cap('alert', 'info')}[1]${cap('area')}`;
    expect(xpath('cap/lb.xml', `count(${areas})`)).toBe('4');
    expect(xpath('cap/lb.xml', `string(${areas}[1]${cap('geocode', 'valueName')})`)).toBe('ISO3166-1');
    expect(xpath('cap/lb.xml', `string(${areas}[1]${cap('geocode', 'value')})`)).toBe('LB');
    expect(xpath('cap/lb.xml', `string(${areas}[2]${cap('areaDesc')})`)).toBe('South Governorate, Lebanon: 4 (Do Not Travel)');
    expect(xpath('cap/lb.xml', `string(${areas}[2]${cap('geocode', 'valueName')})`)).toBe('ISO3166-2');
    expect(xpath('cap/lb.xml', `string(${areas}[2]${cap('geocode', 'value')})`)).toBe('LB-JA');
    // A region without a code is still an area, described but not geocoded.
    expect(xpath('cap/tt.xml', `string(${cap('alert', 'info')}[1]${cap('area')}[2]${cap('areaDesc')})`)).toBe('Laventille & Beetham, Trinidad & Tobago: 3 (Reconsider Travel)');
    expect(xpath('cap/tt.xml', `count(${cap('alert', 'info')}[1]${cap('area')}[2]${cap('geocode')})`)).toBe('0');
  });

  it('names regions, contacts, their hours and the issuer in each info block\'s language, where the translation does', () => {
    const project = tempProject(PUBLISH_FIXTURE);
    try {
      const file = path.join(project.dir, 'advisories/ml.yaml');
      const translated = readFileSync(file, 'utf8').replace(
        '    regions:\n      - note: Lieu',
        '    contacts:\n      - name: Ambassade de l\'Inde, Bamako\n        hours: 24 h sur 24 pour les urgences\n      - name: Salle de veille du MEA, New Delhi\n    regions:\n      - name: Région de Kayes\n        note: Lieu',
      );
      expect(translated).toContain('Région de Kayes');
      writeFileSync(file, translated);
      const config = path.join(project.dir, 'advisory.config.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}translations:\n  fr:\n    issuer: Ministère des Affaires extérieures\n`);
      expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
      const read = (expression: string) => spawnSync('xmllint', ['--xpath', expression, path.join(project.dir, 'dist/cap/ml.xml')], { encoding: 'utf8' }).stdout.replace(/\n$/, '');
      const info = (n: number, name: string) => read(`string(${cap('alert', 'info')}[${n}]${cap(name)})`);
      const region = (n: number) => read(`string(${cap('alert', 'info')}[${n}]${cap('area')}[2]${cap('areaDesc')})`);
      expect([info(1, 'senderName'), info(1, 'contact'), region(1)]).toEqual([
        'Ministry of External Affairs & Consular <Services>',
        'Embassy of India, Bamako, +223 00 00 00 00, consular.bamako@example.org, https://example.org/travel/contacts/bamako, 1 Example Street, Bamako, Mali, 24 hours a day for emergencies; MEA Control Room, New Delhi, +91 00 0000 0000, controlroom@example.org, https://example.org/travel/contacts/mea-control-room, 24 hours a day',
        'Kayes Region, Mali: 4 (Do Not Travel)',
      ]);
      expect([info(2, 'senderName'), info(2, 'contact'), region(2)]).toEqual([
        'Ministère des Affaires extérieures',
        "Ambassade de l'Inde, Bamako, +223 00 00 00 00, consular.bamako@example.org, https://example.org/travel/contacts/bamako, 1 Example Street, Bamako, Mali, 24 h sur 24 pour les urgences\u202f; Salle de veille du MEA, New Delhi, +91 00 0000 0000, controlroom@example.org, https://example.org/travel/contacts/mea-control-room, 24 hours a day",
        'Région de Kayes, Mali\u00a0: 4 (Ne voyagez pas)',
      ]);
    } finally {
      project.cleanup();
    }
  });

  it('carries untrusted text as text', () => {
    const info = `${cap('alert', 'info')}[1]`;
    expect(xpath('cap/tt.xml', `string(${info}${cap('headline')})`)).toBe('Caution in "Trinidad & Tobago" <today>');
    expect(xpath('cap/tt.xml', `string(${info}${cap('senderName')})`)).toBe('Ministry of External Affairs & Consular <Services>');
    expect(xpath('cap/tt.xml', `count(//*[local-name()='script'])`)).toBe('0');
  });
});

describe('the CAP mapping', () => {
  const advisory = (level: 1 | 2 | 3 | 4, regions: Array<1 | 2 | 3 | 4> = []) => ({ level, regions: regions.map((l, i) => ({ name: `r${i}`, level: l })) }) as unknown as Advisory;

  it('grows in severity with the level', () => {
    expect([1, 2, 3, 4].map((l) => CAP_BY_LEVEL[l as 1].severity)).toEqual(['Minor', 'Moderate', 'Severe', 'Extreme']);
  });
  it('lists one response per level among the areas, worst first, leaving out None beside a real response', () => {
    expect(capResponses(advisory(1))).toEqual(['None']);
    expect(capResponses(advisory(3, [4, 1]))).toEqual(['Avoid', 'Assess']);
  });
  it('falls back to Safety for an advisory that names no risk, and lists categories once, in a fixed order', () => {
    expect(capCategories([])).toEqual(['Safety']);
    expect(capCategories(['other', 'kidnapping', 'health', 'terrorism'])).toEqual(['Security', 'Health', 'Other']);
  });
});
