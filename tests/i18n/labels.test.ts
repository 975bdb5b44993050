import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOptionalLabel, layCatalogue, parseLabels } from '../../src/render/labels.js';
import { projectForTest } from '../helpers/projects.js';
import { FIXTURES, ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURE = path.join(FIXTURES, 'i18n-labels');
const catalogue = (lang: string) => {
  const file = path.join(ROOT, 'templates/labels', `${lang}.yaml`);
  return parseLabels(file, readFileSync(file)).labels;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the shipped label catalogues', () => {
  const en = catalogue('en');

  it.each(['fr', 'hi', 'ar'])('%s has every label of en.yaml, with the same placeholders, and nothing else', (lang) => {
    const labels = catalogue(lang);
    const required = (keys: Iterable<string>) => [...keys].filter((key) => !isOptionalLabel(key)).sort();
    expect(required(labels.keys())).toEqual(required(en.keys()));
    // Optional lists (title_phrases, not_level_phrases) are each language's own, of any length.
    for (const [key, text] of [...en].filter(([key]) => !isOptionalLabel(key))) {
      expect({ key, placeholders: placeholders(labels.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
      // A label left in English would pass the key check; the words differ, except names shared across languages.
      if (!['email', 'web'].includes(key)) expect({ key, text: labels.get(key) }).not.toEqual({ key, text });
    }
  });
});

describe('label catalogues in a build', () => {
  it('a ministry overrides single labels; the rest come from the built-in catalogue', () => {
    const dir = projectForTest(FIXTURE);
    const result = runCli(['build', '--templates', 'ministry-templates'], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stdout: '' });
    const fr = readFileSync(path.join(dir, 'dist/fr/pe.html'), 'utf8');
    expect(fr).toContain('<h2>Consignes à suivre</h2>');
    expect(fr).toContain('<strong>Niveau 1 sur 4\u00a0: Précautions habituelles</strong>');
    expect(fr).toContain('<h2>Résumé</h2>');
    expect(fr).toContain('<p>Publié par Ministère des Affaires extérieures</p>');
    const en = readFileSync(path.join(dir, 'dist/pe.html'), 'utf8');
    expect(en).toContain('<h2>What to do</h2>');
    expect(en).toContain('<p>Published by Ministry of External Affairs</p>');
  });

  it("a ministry's list replaces the built-in list whole, not item by item", () => {
    const dir = projectForTest(FIXTURE);
    const pe = path.join(dir, 'advisories/pe.yaml');
    writeFileSync(pe, readFileSync(pe, 'utf8').replace('summary: Peru is generally safe.', 'summary: Peru is generally safe. Do not travel at night in the mountains.'));
    // "do not travel at night" is a built-in phrase that names no level: with the built-in list, nothing to warn about.
    expect(runCli(['validate'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
    // The ministry's own, shorter list leaves it out, so the words "do not travel" name level 4 again.
    writeFileSync(path.join(dir, 'ministry-templates/labels/en.yaml'), 'not_level_phrases:\n  - do not travel alone\n');
    expect(runCli(['validate', '--templates', 'ministry-templates'], { cwd: dir })).toEqual({
      status: 0,
      stdout: '',
      stderr: [
        'advisories/pe.yaml:6:10  warning  summary "Peru is generally safe. Do not travel at night in the mou..." names level 4 (Do Not Travel), but level is 1 (Exercise Normal Precautions); write the summary for the new level, or check the level',
        '1 warning',
        '✓ 1 advisory valid (1 warning)',
        '',
      ].join('\n'),
    });
  });

  it("replaces one level's title phrases whole, keeping the other levels' and the level names it does not give", () => {
    const builtIn = new Map([
      ['scale.us.1', 'Normal'],
      ['scale.us.2', 'Caution'],
      ['title_phrases.us.3.1', 'reconsider'],
      ['title_phrases.us.4.1', 'do not go'],
      ['title_phrases.us.4.2', 'stay away'],
    ]);
    const ministry = parseLabels('labels/en.yaml', new TextEncoder().encode('scale:\n  us: [Usual]\ntitle_phrases:\n  us:\n    4: [keep out]\n'));
    expect([...layCatalogue(builtIn, ministry)]).toEqual([
      ['scale.us.1', 'Usual'],
      ['scale.us.2', 'Caution'],
      ['title_phrases.us.3.1', 'reconsider'],
      ['title_phrases.us.4.1', 'keep out'],
    ]);
  });

  it('a catalogue missing a label stops the build with exit 2, naming the label and the language, and writes nothing', () => {
    const dir = projectForTest(FIXTURE);
    // Swahili: a full copy of the English catalogue without one label.
    mkdirSync(path.join(dir, 'sw-templates/labels'), { recursive: true });
    const en = readFileSync(path.join(ROOT, 'templates/labels/en.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'sw-templates/labels/sw.yaml'), en.replace(/^what_to_do: .*\n/m, ''));
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, sw]\nformats: [html]\n');
    const result = runCli(['build', '--templates', 'sw-templates'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n').slice(-2)).toEqual(['error: label catalogue "sw" is missing the label what_to_do', '']);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('validate refuses what build would: an incomplete or broken catalogue, a templates folder that is missing or a file', () => {
    const dir = projectForTest(FIXTURE);
    mkdirSync(path.join(dir, 'sw-templates/labels'), { recursive: true });
    const en = readFileSync(path.join(ROOT, 'templates/labels/en.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'sw-templates/labels/sw.yaml'), en.replace(/^what_to_do: .*\n/m, ''));
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, sw]\nformats: [html]\ntemplates: sw-templates\n');
    const both = (expected: { status: number; stderr: string }) => {
      for (const command of ['validate', 'build']) expect(runCli([command], { cwd: dir })).toEqual({ stdout: '', ...expected });
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    };
    both({ status: 2, stderr: 'error: label catalogue "sw" is missing the label what_to_do\n' });

    writeFileSync(path.join(dir, 'sw-templates/labels/sw.yaml'), 'what_to_do: [\n');
    both({ status: 2, stderr: expect.stringContaining('sw-templates/labels/sw.yaml:2:1  error  YAML syntax error') as unknown as string });

    for (const [templates, why] of [['nowhere', 'there is no such folder'], ['advisories/pe.yaml', 'it is a file, not a folder']]) {
      writeFileSync(path.join(dir, 'advisory.config.yaml'), `languages: [en]\ntemplates: ${templates}\n`);
      both({
        status: 2,
        stderr: `advisory.config.yaml:2:12  error  templates must be a folder (relative to advisory.config.yaml), found "${templates}": ${why}\n1 error\nerror: invalid config advisory.config.yaml\n`,
      });
    }
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en]\n');
    for (const command of ['validate', 'build']) {
      expect(runCli([command, '--templates', 'advisories/pe.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'error: templates folder advisories/pe.yaml is a file, not a folder\n' });
    }
  });

  it('a language without any catalogue is a config error for validate as for build (exit 2, with its position), found in --templates too', () => {
    const dir = projectForTest(FIXTURE);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, sw]\nformats: [html]\n');
    const refusal = {
      status: 2,
      stdout: '',
      stderr: [
        'advisory.config.yaml:1:17  error  no label catalogue for language "sw" (there are catalogues for ar, en, fr, hi): add labels/sw.yaml to a templates folder (the `templates` setting, or --templates), copied from the built-in templates/labels/en.yaml and translated',
        '1 error',
        'error: invalid config advisory.config.yaml',
        '',
      ].join('\n'),
    };
    expect(runCli(['build'], { cwd: dir })).toEqual(refusal);
    expect(runCli(['validate'], { cwd: dir })).toEqual(refusal);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    mkdirSync(path.join(dir, 'sw-templates/labels'), { recursive: true });
    writeFileSync(path.join(dir, 'sw-templates/labels/sw.yaml'), readFileSync(path.join(ROOT, 'templates/labels/en.yaml')));
    expect(runCli(['validate', '--templates', 'sw-templates'], { cwd: dir }).status).toBe(0);
    expect(runCli(['build', '--templates', 'sw-templates'], { cwd: dir }).status).toBe(0);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, sw]\nformats: [html]\ntemplates: sw-templates\n');
    expect(runCli(['validate'], { cwd: dir }).status).toBe(0);
  });

  it('an issuer translated for a language that is not configured is a config error (exit 2)', () => {
    const dir = projectForTest(FIXTURE);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, fr]\ntranslations:\n  de:\n    issuer: Außenministerium\n');
    const result = runCli(['build'], { cwd: dir });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        'advisory.config.yaml:4:5  error  translations.de: de is not one of the further languages (fr); add it to languages or fix the code',
        '1 error',
        'error: invalid config advisory.config.yaml',
        '',
      ].join('\n'),
    });
  });
});
