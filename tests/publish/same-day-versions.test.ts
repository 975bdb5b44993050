/**
 * An advisory changed twice in one day (raised in the morning, raised again in the afternoon):
 * with the time of the second change in `updated`, each version gets an alert and a feed date of
 * its own, and bulletins say when, as the real build writes them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_FIXTURE } from '../helpers/published.js';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

const SCHEMA = path.join(ROOT, 'tests/schemas/cap12.xsd');
const cap = (...names: string[]) => names.map((n) => `/*[local-name()='${n}' and namespace-uri()='urn:oasis:names:tc:emergency:cap:1.2']`).join('');
const atom = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

let project: { dir: string; cleanup: () => void };
const dist = (file: string) => path.join(project.dir, 'dist', file);
const read = (file: string) => readFileSync(dist(file), 'utf8');
const xpath = (file: string, expression: string) => {
  const run = spawnSync('xmllint', ['--xpath', expression, dist(file)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.replace(/\n$/, '');
};
const alert = () => Object.fromEntries(['identifier', 'sender', 'sent', 'msgType', 'references'].map((name) => [name, xpath('cap/lb.xml', `string(${cap('alert', name)})`)]));
const edit = (change: (text: string) => string) => {
  const file = path.join(project.dir, 'advisories/lb.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
};
const build = () => {
  const result = runCli(['build'], { cwd: project.dir });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.status).toBe(0);
};

let morning: Record<string, string>;
beforeAll(() => {
  project = tempProject(PUBLISH_FIXTURE);
  // The morning's version: dated by its day, as every advisory was before times were allowed.
  edit((t) =>
    t.replace('updated: 2026-10-05', 'updated: 2026-11-28').replace('updates:\n', 'updates:\n  - date: 2026-11-28\n    summary: Beirut southern suburbs added at Level 4.\n'),
  );
  build();
  morning = alert();
  // The afternoon's: raised to Level 4 the same day, with the time of the change (15:30 in Beirut).
  edit((t) =>
    t
      .replace('level: 3\n', 'level: 4\n')
      .replace('updated: 2026-11-28', 'updated: 2026-11-28T14:30+03:00')
      .replace('updates:\n', 'updates:\n  - date: 2026-11-28T14:30+03:00\n    summary: Raised to Level 4 (Do Not Travel).\n'),
  );
  build();
});
afterAll(() => project.cleanup());

describe('a second version on one day, with its time', () => {
  it('gets a CAP alert of its own: identifier and sent from the time in UTC, referring to the morning alert', () => {
    expect(morning).toMatchObject({ identifier: 'travel.example.gov.advisory.LB.2026-11-28', sent: '2026-11-28T00:00:00-00:00' });
    const afternoon = alert();
    expect(afternoon).toEqual({
      identifier: 'travel.example.gov.advisory.LB.2026-11-28T11:30Z',
      sender: 'travel.example.gov',
      sent: '2026-11-28T11:30:00-00:00',
      msgType: 'Update',
      references: [
        'travel.example.gov,travel.example.gov.advisory.LB.2025-03-10,2025-03-10T00:00:00-00:00',
        'travel.example.gov,travel.example.gov.advisory.LB.2026-10-05,2026-10-05T00:00:00-00:00',
        `${morning.sender},${morning.identifier},${morning.sent}`,
      ].join(' '),
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, dist('cap/lb.xml')], { encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: `${dist('cap/lb.xml')} validates\n` });
  });

  it('dates its feed entries, in every language, by the time in UTC, and puts it first', () => {
    for (const prefix of ['', 'fr/']) {
      const feed = `/${atom('feed')}`;
      expect(xpath(`${prefix}feed.atom`, `string(${feed}/${atom('updated')})`)).toBe('2026-11-28T11:30:00Z');
      expect(xpath(`${prefix}feed.atom`, `string(${feed}/${atom('entry')}[1]/${atom('updated')})`)).toBe('2026-11-28T11:30:00Z');
      expect(xpath(`${prefix}feed.atom`, `string(${feed}/${atom('entry')}[1]/${atom('link')}/@href)`)).toBe(`https://travel.example.gov/advice/${prefix}lb.html`);
      const json = JSON.parse(read(`${prefix}feed.json`)) as { items: Array<{ url: string; date_modified: string }> };
      expect(json.items[0]).toMatchObject({ url: `https://travel.example.gov/advice/${prefix}lb.html`, date_modified: '2026-11-28T11:30:00Z' });
    }
  });

  it('keeps the time as written in open data', () => {
    const lb = (JSON.parse(read('advisories.json')) as { advisories: Array<{ code: string; updated: string; updates: Array<{ date: string }> }> }).advisories.find((a) => a.code === 'LB')!;
    expect([lb.updated, ...lb.updates.slice(0, 2).map((u) => u.date)]).toEqual(['2026-11-28T14:30+03:00', '2026-11-28T14:30+03:00', '2026-11-28']);
  });

  it('shows the time in UTC in every bulletin format and language, and the day alone for a date', () => {
    const time = (text: string) => `<time datetime="2026-11-28T11:30Z">${text}</time>`;
    expect(read('lb.html')).toContain(`<li>Updated: ${time('November 28, 2026 at 11:30 UTC')}</li>`);
    expect(read('lb.html')).toContain(`(${time('November 28, 2026 at 11:30 UTC')}):</strong> Raised to Level 4 (Do Not Travel).`);
    expect(read('lb.html')).toContain('<time datetime="2026-11-28">November 28, 2026</time>');
    expect(read('lb.txt')).toContain('\nUpdated: November 28, 2026 at 11:30 UTC\n');
    expect(read('lb.md')).toContain('Updated: November 28, 2026 at 11:30 UTC · Issued: March 10, 2025');
    expect(read('fr/lb.html')).toContain(time('28 novembre 2026 à 11:30 UTC'));
    expect(read('fr/lb.txt')).toContain('28 novembre 2026 à 11:30 UTC');
    expect(read('index.html')).toContain(time('November 28, 2026 at 11:30 UTC'));
  });
});

describe('writing the time of a version', () => {
  it('is refused without its offset from UTC, naming file, line, column and field, and nothing is built', () => {
    const other = tempProject(PUBLISH_FIXTURE);
    try {
      const file = path.join(other.dir, 'advisories/lb.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('updated: 2026-10-05', 'updated: 2026-11-28T14:30'));
      const message =
        'advisories/lb.yaml:6:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2026-11-28T14:30": the time has no offset from UTC, so it would be a different moment in each time zone; add Z if the time is UTC (2026-11-28T14:30Z), or the offset of the time zone it is in, such as 2026-11-28T14:30+03:00';
      const validate = runCli(['validate', 'advisories/lb.yaml'], { cwd: other.dir });
      expect(validate).toMatchObject({ status: 1, stdout: '' });
      expect(validate.stderr.split('\n')).toContain(message);
      const json = JSON.parse(runCli(['validate', '--json', 'advisories/lb.yaml'], { cwd: other.dir }).stdout) as { diagnostics: Array<{ severity: string; line: number; col: number; field: string; rule: string }> };
      expect(json.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([{ line: 6, col: 10, field: 'updated', rule: 'type' }]);
      expect(runCli(['build'], { cwd: other.dir }).status).toBe(1);
    } finally {
      other.cleanup();
    }
  });

  it('is described in the JSON Schema for editors: a date, or a date and time with an offset', () => {
    const schema = JSON.parse(runCli(['schema'], { cwd: ROOT }).stdout) as { properties: Record<string, { pattern: string; format?: string; items?: { properties: { date: { pattern: string } } } }> };
    const versions = [schema.properties.updated!, schema.properties.updates!.items!.properties.date];
    for (const spec of versions) {
      const pattern = new RegExp(spec.pattern, 'u');
      expect(['2026-12-03', '2026-12-03T14:30Z', '2026-12-03T14:30:15+03:00', '2026-12-03T14:30-05:00'].filter((v) => !pattern.test(v))).toEqual([]);
      expect(['2026-12-03T14:30', '2026-12-03 14:30Z', '2026-12-03T14Z'].filter((v) => pattern.test(v))).toEqual([]);
    }
    // JSON Schema's `date` format would call a time wrong, and `date-time` a date alone.
    expect(schema.properties.updated).not.toHaveProperty('format');
    expect(schema.properties.issued).toMatchObject({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });
});
