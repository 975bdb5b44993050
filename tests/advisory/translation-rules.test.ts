import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { untranslatedFields } from '../../src/advisory/translation-rules.js';
import type { Advisory } from '../../src/advisory/types.js';
import { htmlProblems } from '../helpers/page-checks.js';
import { projectForTest } from '../helpers/projects.js';
import { FIXTURES, runCli } from '../helpers/run-cli.js';
import { check, replaceLine, VALID } from './validate-helpers.js';

const FIXTURE = path.join(FIXTURES, 'i18n-fallback');

const WARNINGS = [
  'advisories/ke.yaml:28:1  {s}  no hi translation: the hi bulletin falls back to en for summary, guidance, regions, contacts, body, updates and shows the default title "<level name>: <country>" instead of title; its CAP alert has no hi block; add translations.hi (or remove hi from languages in the config)',
  'advisories/ke.yaml:30:5  {s}  translations.fr.body is missing: the fr bulletin falls back to en for body; translate it',
  'advisories/ke.yaml:30:14  {s}  translations.fr.updated (2026-01-10) is older than updated (2026-03-02): the fr text may be out of date; bring it in line with the advisory, then set translations.fr.updated to 2026-03-02 or later',
  'advisories/ke.yaml:37:9  {s}  translations.fr.regions[0].note is missing: the fr bulletin falls back to en for regions[0].note; translate it',
  'advisories/pe.yaml:17:5  {s}  translations.hi has no updated date, so it may be out of date: the advisory was updated 2026-02-01; once the hi text matches it, add updated: 2026-02-01',
];
const report = (severity: string) => WARNINGS.map((w) => w.replace('{s}', severity)).join('\n');

describe('validate: translations that fall back or are out of date', () => {
  it('warns naming the file, position, language and field, and exits 0', () => {
    const result = runCli(['validate'], { cwd: FIXTURE });
    expect(result).toEqual({ status: 0, stdout: '', stderr: `${report('warning')}\n5 warnings\n✓ 2 advisories valid (5 warnings)\n` });
  });

  it('--strict makes both kinds errors and exits 1', () => {
    const result = runCli(['validate', '--strict'], { cwd: FIXTURE });
    expect(result).toEqual({ status: 1, stdout: '', stderr: `${report('error')}\n5 errors\nFix the problems above, then run \`advisory validate\` again.\n` });
  });

  it('reports stable rule ids and field paths in JSON', () => {
    const result = runCli(['validate', '--json'], { cwd: FIXTURE });
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<{ field: string; rule: string }> };
    expect(diagnostics.map((d) => [d.rule, d.field])).toEqual([
      ['translation-missing', 'translations.hi'],
      ['translation-missing', 'translations.fr.body'],
      ['translation-stale', 'translations.fr.updated'],
      ['translation-missing', 'translations.fr.regions[0].note'],
      ['translation-stale', 'translations.hi.updated'],
    ]);
  });

  it('points at the start of the file when there is no translations key', () => {
    const dir = projectForTest(FIXTURE);
    const file = path.join(dir, 'advisories/pe.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('translations:')));
    const result = runCli(['validate', 'advisories/pe.yaml'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      [
        'advisories/pe.yaml:2:1  warning  no fr translation: the fr bulletin falls back to en for summary, guidance; its CAP alert has no fr block; add translations.fr (or remove fr from languages in the config)',
        'advisories/pe.yaml:2:1  warning  no hi translation: the hi bulletin falls back to en for summary, guidance; its CAP alert has no hi block; add translations.hi (or remove hi from languages in the config)',
        '2 warnings',
        '✓ 1 advisory valid (2 warnings)',
        '',
      ].join('\n'),
    );
  });
});

describe('validate: translated contacts', () => {
  it('must match the contacts item for item (exit 1)', () => {
    const dir = projectForTest(FIXTURE);
    const file = path.join(dir, 'advisories/pe.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - Suivez les conseils locaux.\n', '      - Suivez les conseils locaux.\n    contacts:\n      - name: Ambassade de l\'Inde, Lima\n'));
    const result = runCli(['validate', 'advisories/pe.yaml'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'advisories/pe.yaml:17:7  error  translations.fr.contacts has 1 item but contacts has 0; translate every item, in the same order',
    );
  });
});

describe('build: a missing field falls back to the primary language', () => {
  it('renders the translated fields and the primary text where the translation has none', () => {
    const dir = projectForTest(FIXTURE);
    const result = runCli(['build'], { cwd: dir });
    expect(result.status).toBe(0);
    const fr = readFileSync(path.join(dir, 'dist/fr/ke.html'), 'utf8');
    expect(fr).toContain('<p class="summary">La criminalité est fréquente à Nairobi.</p>');
    expect(fr).toContain('<strong>Comté de Mandera</strong>');
    // No French note or body: the English ones, not nothing, marked as English for screen readers.
    expect(fr).toContain('. <span lang="en" dir="ltr">Risk of terrorism near the border.</span></li>');
    expect(fr).toContain('<div lang="en" dir="ltr"><h3>Crime</h3>\n<p>Street crime is common in Nairobi and Mombasa.</p>\n</div>');
    const hi = readFileSync(path.join(dir, 'dist/hi/ke.txt'), 'utf8');
    // No Hindi translation at all: every text field in English, the fixed words in Hindi.
    expect(hi).toContain('सारांश\n-----\n\nCrime is common in Nairobi.\n');
    expect(hi).toContain('- Stay alert in crowded places.\n');
    // Nor a title: the default one, in Hindi, rather than the English title.
    expect(hi.split('\n')[0]).toBe('अधिक सावधानी बरतें: केन्या');
  });

  it('marks every fallback in an HTML page with the language it is in, and nothing else', async () => {
    const dir = projectForTest(FIXTURE);
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    const marked = (file: string) =>
      [...readFileSync(path.join(dir, 'dist', file), 'utf8').matchAll(/<(span|div) lang="([^"]+)" dir="([^"]+)">((?:<h3>)?[^<]*)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}: ${m[4]}`);
    expect(marked('fr/ke.html')).toEqual(['span en ltr: Risk of terrorism near the border.', 'div en ltr: <h3>Crime']);
    expect(marked('hi/ke.html')).toEqual([
      'span en ltr: Crime is common in Nairobi.',
      'span en ltr: Added advice on crime.',
      'span en ltr: Stay alert in crowded places.',
      'span en ltr: Avoid walking alone at night.',
      'span en ltr: Mandera County',
      'span en ltr: Risk of terrorism near the border.',
      'span en ltr: High Commission of India, Nairobi',
      'div en ltr: <h3>Crime',
      'span en ltr: Added advice on crime.',
      'span en ltr: Issued at Level 2.',
    ]);
    expect(marked('hi/index.html')).toEqual(['span en ltr: Crime is common in Nairobi.']);
    expect(marked('ke.html')).toEqual([]);
    for (const file of ['fr/ke.html', 'hi/ke.html', 'hi/index.html']) {
      expect(await htmlProblems(readFileSync(path.join(dir, 'dist', file), 'utf8'), file)).toEqual([]);
    }
  });
});

describe('untranslatedFields', () => {
  const advisory: Advisory = {
    country: 'Kenya',
    code: 'KE',
    level: 2,
    issued: '2026-01-10',
    updated: '2026-01-10',
    risks: [],
    summary: 'S',
    guidance: ['G'],
    regions: [
      { name: 'A', level: 3, note: 'N' },
      { name: 'B', level: 4 },
    ],
    contacts: [{ name: 'Embassy', address: '1 Street', hours: '24 hours' }],
    updates: [{ date: '2026-01-10', summary: 'U' }],
    translations: {},
  };

  it('names a whole missing list once, and only fields the primary text has', () => {
    expect(untranslatedFields(advisory, {})).toEqual(['summary', 'guidance', 'regions', 'contacts', 'updates']);
  });

  it('names single items, and never asks for an address', () => {
    expect(
      untranslatedFields(advisory, {
        summary: 'S',
        guidance: ['G'],
        regions: [{ name: 'A' }, {}],
        contacts: [{ name: 'Ambassade' }],
        updates: [{}],
      }),
    ).toEqual(['regions[0].note', 'regions[1].name', 'contacts[0].hours', 'updates[0].summary']);
  });

  it('asks for a title and body only when the primary text has them', () => {
    expect(untranslatedFields({ ...advisory, title: 'T', body: 'B', regions: [], contacts: [], updates: [] }, { summary: 'S', guidance: ['G'] })).toEqual(['title', 'body']);
  });
});

describe('items written twice', () => {
  const repeated = 'repeats guidance[0] word for word; remove the repeat, or write the item that was meant';

  it('warns about a guidance item, a contact or an update that repeats an earlier one, as a reader sees it', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n  - "stay in  contact with the embassy. "'))).toEqual([
      `advisories/ml.yaml:11:5  warning  guidance[1] ${repeated}`,
    ]);
    const contact = '  - name: Embassy of India, Bamako\n    phone: "+223 20 00 00 00"\n';
    expect(check(replaceLine(contact, contact + contact))).toEqual([
      'advisories/ml.yaml:18:5  warning  contacts[1] repeats contacts[0] word for word; remove the repeat, or write the item that was meant',
    ]);
    // One office with two numbers, and one update text on two dates, are not repeats.
    expect(check(replaceLine(contact, contact + contact.replace('+223 20 00 00 00', '+223 20 00 00 01')))).toEqual([]);
    expect(check(replaceLine('summary: Issued.', 'summary: Raised.'))).toEqual([]);
  });

  it('warns about a translated item pasted over the next one, unless the original items read the same too', () => {
    const translated = (guidance: string, contacts = '') =>
      check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n  - Avoid the border.', `${VALID}${contacts}translations:\n  fr:\n    updated: 2025-07-02\n    guidance:\n${guidance}`), {
        languages: ['en', 'fr'],
      }).filter((line) => !line.includes('is missing'));
    expect(translated("      - Restez en contact avec l'ambassade.\n      - Restez en contact avec l'ambassade.\n")).toEqual([
      "advisories/ml.yaml:29:9  warning  translations.fr.guidance[1] repeats translations.fr.guidance[0] word for word, though guidance[1] and guidance[0] differ: an item was probably pasted twice and another lost; translate guidance[1] there",
    ]);
    expect(translated("      - Restez en contact avec l'ambassade.\n      - Évitez la frontière.\n")).toEqual([]);
  });

  it('compares the translated fields of regions, contacts and updates', () => {
    const translation = [
      'translations:',
      '  fr:',
      '    updated: 2025-07-02',
      '    regions: [{ name: Région de Kayes }, { name: Région de Kayes }]',
      "    contacts: [{ name: Ambassade de l'Inde }, { name: Ambassade de l'Inde }]",
      '    updates: [{ summary: Relevé. }, { summary: Relevé. }]',
      '',
    ].join('\n');
    const kita = replaceLine('contacts:', '  - name: Kita Region\n    level: 3\ncontacts:');
    // One embassy with two numbers: its two translated names may read the same, and do.
    const twoNumbers = replaceLine('updates:', '  - name: Embassy of India, Bamako\n    phone: "+223 20 00 00 01"\nupdates:', kita);
    expect(check(`${twoNumbers}${translation}`, { languages: ['en', 'fr'] }).filter((line) => !line.includes('is missing'))).toEqual([
      'advisories/ml.yaml:30:50  warning  translations.fr.regions[1].name repeats translations.fr.regions[0].name word for word, though regions[1] and regions[0] differ: an item was probably pasted twice and another lost; translate regions[1].name there',
      'advisories/ml.yaml:32:48  warning  translations.fr.updates[1].summary repeats translations.fr.updates[0].summary word for word, though updates[1] and updates[0] differ: an item was probably pasted twice and another lost; translate updates[1].summary there',
    ]);
  });
});

describe('translations pasted from the primary language', () => {
  const withTranslation = (fr: string, languages = ['en', 'fr']) =>
    check(replaceLine('summary: Be careful.', 'summary: Avoid all travel to the north.', `${VALID}translations:\n  ${languages[1]}:\n    updated: 2025-07-02\n${fr}`), { languages }).filter((line) => !line.includes('is missing'));

  it('warns about a summary or guidance item of four words or more identical to the original', () => {
    expect(withTranslation("    summary: Avoid all travel to the north.\n    guidance: ['stay in contact with  the embassy.']\n")).toEqual([
      'advisories/ml.yaml:26:14  warning  translations.fr.summary is the same as summary, not translated: the fr bulletin would show en text as fr; translate it',
      'advisories/ml.yaml:27:16  warning  translations.fr.guidance[0] is the same as guidance[0], not translated: the fr bulletin would show en text as fr; translate it',
    ]);
  });

  it('accepts short texts that read the same in both languages, and two forms of one language', () => {
    expect(withTranslation('    summary: Évitez le nord.\n    guidance: [Stay in contact.]\n'.replace('Stay in contact.', 'WhatsApp +223 20'))).toEqual([]);
    expect(withTranslation('    summary: Avoid all travel to the north.\n', ['en', 'en-GB'])).toEqual([]);
  });
});

describe('translation keys that miss a published language', () => {
  it('points at the language key, not at the translation\'s first field', () => {
    const dir = projectForTest(FIXTURE);
    const file = path.join(dir, 'advisories/pe.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  fr:\n', '  fr-FR:\n').replace('  hi:\n', '  en:\n'));
    expect(runCli(['validate', 'advisories/pe.yaml'], { cwd: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'advisories/pe.yaml:10:1  warning  no fr translation: the fr bulletin falls back to en for summary, guidance; its CAP alert has no fr block; add translations.fr (or remove fr from languages in the config)',
        'advisories/pe.yaml:10:1  warning  no hi translation: the hi bulletin falls back to en for summary, guidance; its CAP alert has no hi block; add translations.hi (or remove hi from languages in the config)',
        'advisories/pe.yaml:11:3  warning  translations.fr-FR is not published: fr-FR is not in the configured languages (en, fr, hi); did you mean "fr"?',
        'advisories/pe.yaml:16:3  error  translations.en translates into the primary language en; write the primary text in the main fields',
        '1 error, 3 warnings',
        'Fix the problems above, then run `advisory validate` again.',
        '',
      ].join('\n'),
    });
  });


  const keyed = (key: string) => check(`${VALID}translations:\n  ${key}:\n    summary: Soyez prudent.\n`, { languages: ['en', 'fr'] }).filter((line) => !line.includes('no fr translation'));

  it('says which language was meant', () => {
    expect(keyed('fr-FR')).toEqual([
      'advisories/ml.yaml:24:3  warning  translations.fr-FR is not published: fr-FR is not in the configured languages (en, fr); did you mean "fr"?',
    ]);
    expect(keyed('fr_FR')).toEqual(['advisories/ml.yaml:24:3  error  translations keys must be a language code such as fr or hi, found "fr_FR"; did you mean "fr"?']);
    expect(keyed('FR')).toEqual(['advisories/ml.yaml:24:3  error  translations keys must be a language code such as fr or hi, found "FR"; did you mean "fr"?']);
    expect(keyed('de')).toEqual(['advisories/ml.yaml:24:3  warning  translations.de is not published: de is not in the configured languages (en, fr)']);
  });
});
