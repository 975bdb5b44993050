/**
 * Translated regions and contacts that name their original (`for:`), through
 * the real binary: a reorder of the primary list keeps every translation with
 * its own item in every output, and an anchor that pairs nothing is an error.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

/** The sample project with only the given advisories, removed when the test ends. */
function sample(...files: string[]): string {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  for (const file of files) cpSync(path.join(ROOT, 'advisories', file), path.join(dir, 'advisories', file));
  cpSync(path.join(ROOT, 'advisory.config.yaml'), path.join(dir, 'advisory.config.yaml'));
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const at = path.join(dir, 'advisories', file);
  const text = readFileSync(at, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(at, changed);
}

/** The English contacts of the Mali sample in the other order: the control room first, as an officer puts the one for emergencies first. */
const controlRoomFirst = (text: string) => text.replace(/^contacts:\n( {2}- name: Embassy[\s\S]*?)( {2}- name: MEA[\s\S]*?)^body: \|/m, 'contacts:\n$2$1body: |');

/** The French contacts of the Mali sample without their anchors: paired by position, as before anchors. */
const unanchored = (text: string) => text.replace(/ {6}- for: .*\n {8}name: /g, '      - name: ');

const read = (dir: string, file: string) => readFileSync(path.join(dir, 'dist', file), 'utf8');

/** What `advisory validate` says of the sample advisory `file` once changed. */
function validateChanged(file: string, change: (text: string) => string) {
  const dir = sample(file);
  edit(dir, file, change);
  return runCli(['validate'], { cwd: dir });
}

/** What `advisory validate` prints when it refuses the project with these errors. */
const refused = (...errors: string[]) => ({
  status: 1,
  stdout: '',
  stderr: [...errors, `${errors.length} error${errors.length === 1 ? '' : 's'}`, 'Fix the problems above, then run `advisory validate` again.', ''].join('\n'),
});

/** The part of a page from `start` to the first `end` after it: one contact's entry. */
function entry(page: string, start: string, end: string): string {
  const from = page.indexOf(start);
  expect(from, `${start} is on the page`).toBeGreaterThanOrEqual(0);
  return page.slice(from, page.indexOf(end, from));
}

const BAMAKO = '+223 00 00 00 00';
const DELHI = '+91 00 0000 0000';
/** HTML keeps a number's groups together with no-break spaces. */
const unbroken = (phone: string) => phone.replaceAll(' ', '\u00a0');
/** The French hours, as the sample writes them: with a no-break space in "24 h". */
const ALL_DAY = '24\u00a0h sur 24';

describe('translated contacts that name their original', () => {
  it('stay with their own contact in every output when the primary list is reordered', () => {
    const dir = sample('ml.yaml');
    edit(dir, 'ml.yaml', controlRoomFirst);
    const result = runCli(['build', '--out', 'dist'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);

    // The new order, in English and in French.
    const txt = read(dir, 'fr/ml.txt');
    expect(txt.indexOf('Salle de veille du MEA, New Delhi\n')).toBeLessThan(txt.indexOf("Ambassade de l'Inde, Bamako\n"));
    expect(read(dir, 'ml.txt').indexOf('MEA Control Room, New Delhi\n')).toBeLessThan(read(dir, 'ml.txt').indexOf('Embassy of India, Bamako\n'));

    // Each French name beside its own number and hours.
    const delhiTxt = entry(txt, 'Salle de veille du MEA, New Delhi\n', '\n\n');
    expect(delhiTxt).toContain(`Téléphone\u00a0: ${DELHI}\n`);
    expect(delhiTxt.endsWith(`Horaires\u00a0: ${ALL_DAY}`)).toBe(true);
    const bamakoTxt = entry(txt, "Ambassade de l'Inde, Bamako\n", '\n\n');
    expect(bamakoTxt).toContain(`Téléphone\u00a0: ${BAMAKO}\n`);
    expect(bamakoTxt).toContain(`Horaires\u00a0: ${ALL_DAY} pour les urgences`);

    const html = read(dir, 'fr/ml.html');
    const delhiHtml = entry(html, '<strong>Salle de veille du MEA, New Delhi</strong>', '</li>');
    expect(delhiHtml).toContain(`<a href="tel:+910000000000" dir="ltr">${unbroken(DELHI)}</a>`);
    expect(delhiHtml).toContain(`<dt>Horaires</dt><dd>${ALL_DAY}</dd>`);
    const bamakoHtml = entry(html, '<strong>Ambassade de l&#x27;Inde, Bamako</strong>', '</li>');
    expect(bamakoHtml).toContain(`<a href="tel:+22300000000" dir="ltr">${unbroken(BAMAKO)}</a>`);
    expect(bamakoHtml).toContain(`<dt>Horaires</dt><dd>${ALL_DAY} pour les urgences</dd>`);

    const md = read(dir, 'fr/ml.md');
    expect(entry(md, '### Salle de veille du MEA, New Delhi\n', '\n###')).toContain(`- Téléphone\u00a0: [${DELHI}](tel:+910000000000)\n`);
    expect(entry(md, "### Ambassade de l'Inde, Bamako\n", '\n##')).toContain(`- Téléphone\u00a0: [${BAMAKO}](tel:+22300000000)\n`);

    // The alert's French block, and open data, whose consumers pair by position.
    const cap = read(dir, 'cap/ml.xml');
    expect(cap).toContain(`<contact>Ambassade de l&#39;Inde, Bamako, ${BAMAKO}, `);
    expect(cap).toContain(`; Salle de veille du MEA, New Delhi, ${DELHI}, `);
    const [record] = (JSON.parse(read(dir, 'advisories.json')) as { advisories: Array<{ contacts: Array<{ name: string }>; translations: { fr: { contacts: Array<{ for: string; name: string }> } } }> }).advisories;
    expect(record!.contacts.map((c) => c.name)).toEqual(['MEA Control Room, New Delhi', 'Embassy of India, Bamako']);
    expect(record!.translations.fr.contacts).toEqual([
      { for: 'MEA Control Room, New Delhi', name: 'Salle de veille du MEA, New Delhi', hours: ALL_DAY },
      { for: 'Embassy of India, Bamako', name: "Ambassade de l'Inde, Bamako", hours: `${ALL_DAY} pour les urgences` },
    ]);
  });

  it('without for:, still pair by position, as they always have (the reorder is left for `advisory diff` to flag)', () => {
    const dir = sample('ml.yaml');
    edit(dir, 'ml.yaml', (text) => controlRoomFirst(unanchored(text)));
    expect(runCli(['build', '--out', 'dist'], { cwd: dir }).status).toBe(0);
    const txt = read(dir, 'fr/ml.txt');
    expect(entry(txt, "Ambassade de l'Inde, Bamako\n", '\n\n')).toContain(`Téléphone\u00a0: ${DELHI}\n`);
    expect(entry(read(dir, 'fr/ml.html'), '<strong>Ambassade de l&#x27;Inde, Bamako</strong>', '</li>')).toContain(`>${unbroken(DELHI)}</a>`);
  });

  it('render the sample the same with or without for: when the order is the same', () => {
    const anchored = sample('ml.yaml');
    const plain = sample('ml.yaml');
    edit(plain, 'ml.yaml', unanchored);
    for (const dir of [anchored, plain]) expect(runCli(['build', '--out', 'dist'], { cwd: dir }).status).toBe(0);
    for (const file of ['fr/ml.txt', 'fr/ml.html', 'fr/ml.md', 'cap/ml.xml']) expect(read(anchored, file), file).toBe(read(plain, file));
  });
});

describe('translated contacts with a field the original lacks', () => {
  it('give that language\'s readers the address and hours in every format, as the alert and open data do', () => {
    const dir = sample('ml.yaml');
    edit(dir, 'ml.yaml', (text) =>
      text
        .replace('    hours: 24 hours a day\nbody: |', 'body: |')
        .replace('        hours: 24\u00a0h sur 24\n    body: |', '        hours: 24\u00a0h sur 24\n        address: Parliament Street, New Delhi\n    body: |'),
    );
    const result = runCli(['build', '--out', 'dist'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);

    expect(entry(read(dir, 'ml.txt'), 'MEA Control Room, New Delhi\n', '\n\n')).not.toContain('Hours');
    const txt = entry(read(dir, 'fr/ml.txt'), 'Salle de veille du MEA, New Delhi\n', '\n\n');
    expect(txt).toContain('Adresse\u00a0: Parliament Street, New Delhi\n');
    expect(txt.endsWith(`Horaires\u00a0: ${ALL_DAY}`)).toBe(true);
    const html = entry(read(dir, 'fr/ml.html'), '<strong>Salle de veille du MEA, New Delhi</strong>', '</li>');
    expect(html).toContain('Parliament Street, New Delhi</');
    expect(html).toContain(`<dt>Horaires</dt><dd>${ALL_DAY}</dd>`);
    const md = entry(read(dir, 'fr/ml.md'), '### Salle de veille du MEA, New Delhi\n', '\n##');
    expect(md).toContain('Parliament Street, New Delhi');
    expect(md).toContain(`Horaires\u00a0: ${ALL_DAY}`);
    expect(read(dir, 'cap/ml.xml')).toContain(`Salle de veille du MEA, New Delhi, ${DELHI}, controlroom@example.org, https://example.org/travel/contacts/mea-control-room, Parliament Street, New Delhi, ${ALL_DAY}</contact>`);
  });
});

describe('translated regions that name their original', () => {
  it('stay with their own region, note and code when the primary list is reordered', () => {
    const dir = sample('lb.yaml');
    edit(dir, 'lb.yaml', (text) =>
      text
        // Nabatieh first in English; the French names their regions.
        .replace(/^regions:\n( {2}- name: South Governorate\n[\s\S]*?)( {2}- name: Nabatieh Governorate\n[\s\S]*?)( {2}- name: )/m, 'regions:\n$2$1$3')
        .replace('      - name: Gouvernorat du Sud\n', '      - for: South Governorate\n        name: Gouvernorat du Sud\n')
        .replace('      - name: Gouvernorat de Nabatieh\n', '      - for: Nabatieh Governorate\n        name: Gouvernorat de Nabatieh\n')
        .replace('      - name: Gouvernorat de Baalbek-Hermel\n', '      - for: Baalbek-Hermel Governorate\n        name: Gouvernorat de Baalbek-Hermel\n'),
    );
    const result = runCli(['build', '--out', 'dist'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    const html = read(dir, 'fr/lb.html');
    expect(html.indexOf('Gouvernorat de Nabatieh')).toBeLessThan(html.indexOf('Gouvernorat du Sud'));
    expect(entry(html, 'Gouvernorat du Sud', '</li>')).toContain('près de la frontière avec Israël');
    expect(entry(html, 'Gouvernorat de Nabatieh', '</li>')).toContain('munitions non explosées');
    const cap = read(dir, 'cap/lb.xml');
    expect(entry(cap, '<areaDesc>Gouvernorat du Sud', '</area>')).toContain('<value>LB-JA</value>');
    expect(entry(cap, '<areaDesc>Gouvernorat de Nabatieh', '</area>')).toContain('<value>LB-NA</value>');
  });

  it('refuse an anchor that names no region, listing the names it could be', () => {
    const REGIONS = '"South Governorate", "Nabatieh Governorate", "Baalbek-Hermel Governorate"';
    const unanchored = (i: number, line: number) =>
      `advisories/lb.yaml:${line}:9  error  translations.fr.regions[${i}] has no for:, though other items of this list have one: once one item names the region it translates, every item must, or a reordered regions list would pair this one with the wrong region; add for: with the name of the region it translates (one of: ${REGIONS})`;
    expect(validateChanged('lb.yaml', (text) => text.replace('      - name: Gouvernorat du Sud\n', '      - for: Southern Governorate\n        name: Gouvernorat du Sud\n'))).toEqual(
      refused(
        `advisories/lb.yaml:102:14  error  translations.fr.regions[0].for names no region: found "Southern Governorate", expected the name of one of regions: ${REGIONS}; did you mean "South Governorate"? If that region was renamed or removed, check that this translation still matches it, then write its name in for:`,
        unanchored(1, 105),
        unanchored(2, 107),
      ),
    );
  });
});

describe('validate: anchored items that lack a field', () => {
  it('names the field where it is to be written, in the translated item that names the original', () => {
    // The control room, first in English now, has no hours; the embassy, second, has, and its French item, first in the file, not.
    const change = (text: string) =>
      controlRoomFirst(text)
        .replace('    hours: 24 hours a day\n', '')
        .replace(/( {8}name: Ambassade de l'Inde, Bamako\n) {8}hours: .*\n/, '$1');
    expect(validateChanged('ml.yaml', change)).toEqual({
      status: 0,
      stdout: '',
      stderr: [
        'advisories/ml.yaml:99:9  warning  translations.fr.contacts[0].hours is missing: the fr bulletin falls back to en for contacts[0].hours; translate it',
        '1 warning',
        '✓ 1 advisory valid (1 warning)',
        '',
      ].join('\n'),
    });
  });
});

describe('validate: an anchored item pasted twice', () => {
  it('names the originals the two items translate', () => {
    // The French list, in the other order from the English one, has the embassy's name twice.
    const french = "    contacts:\n      - for: MEA Control Room, New Delhi\n        name: Ambassade de l'Inde\n      - for: Embassy of India, Bamako\n        name: Ambassade de l'Inde\n    body: |\n      ## Sécurité";
    const result = validateChanged('ml.yaml', (text) => text.replace(/ {4}contacts: [\s\S]*? {4}body: \|\n {6}## Sécurité/, french));
    expect(result.stderr.split('\n').filter((line) => line.includes('repeats'))).toEqual([
      'advisories/ml.yaml:102:9  warning  translations.fr.contacts[1] repeats translations.fr.contacts[0] word for word, though contacts[0] and contacts[1] differ: an item was probably pasted twice and another lost; translate contacts[0] there',
    ]);
  });
});

describe('validate: anchors that pair nothing', () => {
  const noContact = (at: string, i: number, found: string, names: string, near = '.', lang = 'fr') =>
    `advisories/ml.yaml:${at}  error  translations.${lang}.contacts[${i}].for names no contact: found "${found}", expected the name of one of contacts: ${names}${near} If that contact was renamed or removed, check that this translation still matches it, then write its name in for:`;
  /** The sample's Hindi and Arabic contacts name their originals too: at these lines, item by item. */
  const FURTHER = [
    { lang: 'hi', lines: ['171:14', '174:14'] },
    { lang: 'ar', lines: ['236:14', '239:14'] },
  ];

  it('refuses a translation whose contact was renamed in English, with a did-you-mean', () => {
    expect(validateChanged('ml.yaml', (text) => text.replace('  - name: Embassy of India, Bamako\n', '  - name: Embassy of India in Bamako\n'))).toEqual(
      refused(
        ...[{ lang: 'fr', lines: ['100:14'] }, ...FURTHER].map(({ lang, lines }) =>
          noContact(lines[0]!, 0, 'Embassy of India, Bamako', '"Embassy of India in Bamako", "MEA Control Room, New Delhi"', '; did you mean "Embassy of India in Bamako"?', lang),
        ),
      ),
    );
  });

  it('lists the names without a guess when none is near, and says so in JSON with its rule', () => {
    const change = (text: string) => text.replace('      - for: MEA Control Room, New Delhi\n', '      - for: Consulate, Timbuktu\n');
    expect(validateChanged('ml.yaml', change)).toEqual(refused(noContact('103:14', 1, 'Consulate, Timbuktu', '"Embassy of India, Bamako", "MEA Control Room, New Delhi"')));
    const dir = sample('ml.yaml');
    edit(dir, 'ml.yaml', change);
    const json = JSON.parse(runCli(['validate', '--json'], { cwd: dir }).stdout) as { diagnostics: Array<{ rule: string; field: string; line: number }> };
    expect(json.diagnostics.map((d) => [d.rule, d.field, d.line])).toEqual([['translation-anchor', 'translations.fr.contacts[1].for', 103]]);
  });

  it('refuses two translations of one contact, naming the contact left without one', () => {
    expect(validateChanged('ml.yaml', (text) => text.replace('      - for: MEA Control Room, New Delhi\n', '      - for: Embassy of India, Bamako\n'))).toEqual(
      refused(
        'advisories/ml.yaml:103:14  error  translations.fr.contacts[1].for "Embassy of India, Bamako" names the same contact as translations.fr.contacts[0].for: two translations of one contact, and "MEA Control Room, New Delhi" would have none; correct the for: of one of them',
      ),
    );
  });

  it('pairs a name typed in another Unicode form (a combining accent), which looks the same and could not be fixed from a message', () => {
    const result = validateChanged('ml.yaml', (text) =>
      text.replace('  - name: Embassy of India, Bamako\n', '  - name: Embassy of India, Bamak\u00f4\n').replaceAll('- for: Embassy of India, Bamako\n', '- for: Embassy of India, Bamako\u0302\n'),
    );
    expect(result.stderr).not.toContain('names no contact');
    expect(result.status).toBe(0);
  });

  it('counts anchored items without asking for the same order', () => {
    const third = '      - for: MEA Control Room, New Delhi\n        name: Salle de veille\n';
    expect(validateChanged('ml.yaml', (text) => text.replace('    body: |\n      ## Sécurité', `${third}    body: |\n      ## Sécurité`))).toEqual(
      refused(
        'advisories/ml.yaml:100:7  error  translations.fr.contacts has 3 items but contacts has 2; translate every item, each with for: naming its original',
        'advisories/ml.yaml:106:14  error  translations.fr.contacts[2].for "MEA Control Room, New Delhi" names the same contact as translations.fr.contacts[1].for: two translations of one contact; correct the for: of one of them',
      ),
    );
  });

  it('refuses an item without for: among items with it', () => {
    expect(validateChanged('ml.yaml', (text) => text.replace('      - for: MEA Control Room, New Delhi\n        name: ', '      - name: '))).toEqual(
      refused(
        'advisories/ml.yaml:103:9  error  translations.fr.contacts[1] has no for:, though other items of this list have one: once one item names the contact it translates, every item must, or a reordered contacts list would pair this one with the wrong contact; add for: with the name of the contact it translates (one of: "MEA Control Room, New Delhi")',
      ),
    );
  });

  it('refuses an anchor to a name two contacts share', () => {
    expect(validateChanged('ml.yaml', (text) => text.replace('  - name: MEA Control Room, New Delhi\n', '  - name: Embassy of India, Bamako\n'))).toEqual(
      refused(
        ...[{ lang: 'fr', lines: ['100:14', '103:14'] }, ...FURTHER].flatMap(({ lang, lines }) => [
          `advisories/ml.yaml:${lines[0]}  error  translations.${lang}.contacts[0].for "Embassy of India, Bamako" names contacts[0] and contacts[1], which have the same name, so it cannot tell which one this translates; give those contacts different names, or remove for: from every item of this list to pair them by position`,
          noContact(lines[1]!, 1, 'MEA Control Room, New Delhi', '"Embassy of India, Bamako"', '.', lang),
        ]),
      ),
    );
  });
});

describe('advisory schema', () => {
  it('describes for: on translated regions and contacts, and on nothing else', () => {
    const dir = sample('ml.yaml');
    const result = runCli(['schema'], { cwd: dir });
    expect(result.status).toBe(0);
    type Items = { items: { properties: Record<string, { description: string }> } };
    const translation = (JSON.parse(result.stdout) as { properties: { translations: { additionalProperties: { properties: Record<string, Items> } } } }).properties.translations.additionalProperties.properties;
    expect(Object.keys(translation.contacts!.items.properties)).toEqual(['for', 'name', 'address', 'hours']);
    expect(Object.keys(translation.regions!.items.properties)).toEqual(['for', 'name', 'note']);
    expect(Object.keys(translation.updates!.items.properties)).toEqual(['summary']);
    expect(translation.contacts!.items.properties.for!.description).toBe(
      'The name of the contact this item translates, as written in its name in the primary language; pairs the two wherever that contact is in the list',
    );
  });
});
