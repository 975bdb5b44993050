/** The change computation behind `advisory diff`, and its Markdown and JSON reports. Pure. */
import { describe, expect, it } from 'vitest';
import { diffAdvisories } from '../../src/advisory/diff.js';
import type { Advisory, Level } from '../../src/advisory/types.js';
import { changesJson, changesMarkdown, type ChangeReport } from '../../src/report/change-summary.js';

const base: Advisory = {
  country: 'Lebanon',
  code: 'LB',
  level: 3,
  issued: '2025-03-10',
  updated: '2025-03-10',
  risks: ['terrorism'],
  summary: 'The security situation is volatile.',
  guidance: ['Reconsider your need to travel.', 'Avoid demonstrations.'],
  regions: [
    { name: 'South Governorate', code: 'LB-JA', level: 4 },
    { name: 'Beirut southern suburbs', level: 3 },
  ],
  contacts: [{ name: 'Embassy of India, Beirut', phone: '+961 0 000 000' }],
  updates: [{ date: '2025-03-10', summary: 'Issued at Level 3.' }],
  translations: {},
};
const jp: Advisory = { ...base, country: 'Japan', code: 'JP', level: 1, regions: [], contacts: [], risks: [] };
const NAMES = ['Exercise Normal Precautions', 'Exercise Increased Caution', 'Reconsider Travel', 'Do Not Travel'];
const levelName = (l: Level) => NAMES[l - 1]!;
/** When the report is made: the advice for a version left unchanged names this moment. */
const NOW = new Date('2026-11-28T15:04:59Z');

describe('diffAdvisories', () => {
  it('finds nothing when only the layout of the text changed', () => {
    expect(diffAdvisories([base], [{ ...base, summary: 'The security   situation\nis volatile.' }])).toEqual([]);
  });

  it('reports added and removed advisories with their levels', () => {
    expect(diffAdvisories([base], [jp]).map((c) => [c.code, c.status, c.level])).toEqual([
      ['JP', 'added', { to: 1 }],
      ['LB', 'removed', { from: 3 }],
    ]);
  });

  it('reports a level change, regions added, removed and re-levelled, guidance, risks, contacts and new updates', () => {
    const after: Advisory = {
      ...base,
      level: 4,
      updated: '2026-10-05',
      risks: ['terrorism', 'kidnapping'],
      guidance: ['Do not travel to Lebanon.', 'Avoid demonstrations.'],
      regions: [
        { name: 'South Governorate', code: 'LB-JA', level: 3 },
        { name: 'Nabatieh Governorate', code: 'LB-NA', level: 4 },
      ],
      contacts: [{ name: 'Embassy of India, Beirut', phone: '+961 1 111 111', emergency: true }, { name: 'MEA Control Room' }],
      updates: [{ date: '2026-10-05', summary: 'Raised to **Level 4**.' }, ...base.updates],
    };
    expect(diffAdvisories([base], [after])).toEqual([
      {
        code: 'LB',
        country: 'Lebanon',
        status: 'changed',
        level: { from: 3, to: 4 },
        fields: [{ field: 'updated', from: '2025-03-10', to: '2026-10-05' }],
        regions: {
          added: [{ name: 'Nabatieh Governorate', code: 'LB-NA', level: 4 }],
          removed: [{ name: 'Beirut southern suburbs', level: 3 }],
          relevelled: [{ name: 'South Governorate', code: 'LB-JA', from: 4, to: 3 }],
          renamed: [],
          notes: [],
          reordered: [],
        },
        guidance: { added: ['Do not travel to Lebanon.'], removed: ['Reconsider your need to travel.'], reordered: [] },
        risks: { added: ['kidnapping'], removed: [] },
        contacts: { added: ['MEA Control Room'], removed: [], changed: [{ name: 'Embassy of India, Beirut', fields: ['emergency', 'phone'], addresses: [{ field: 'phone', from: '+961 0 000 000', to: '+961 1 111 111' }] }], reordered: [] },
        updates: { added: [{ date: '2026-10-05', summary: 'Raised to **Level 4**.' }], removed: [] },
        reworded: [],
        translations: { added: [], removed: [], changed: [], notUpdated: [] },
        other: [],
        levelChangedSince: null,
        updatedAtRevision: null,
      },
    ]);
  });

  it('matches regions by code, so a renamed region or a new note is a change to it, not one removed and one added', () => {
    const after: Advisory = { ...base, regions: [{ name: 'South', code: 'LB-JA', level: 4, note: 'Calm now.' }, base.regions[1]!] };
    expect(diffAdvisories([base], [after])[0]!.regions).toEqual({
      added: [],
      removed: [],
      relevelled: [],
      renamed: [{ code: 'LB-JA', from: 'South Governorate', to: 'South' }],
      notes: [{ name: 'South', code: 'LB-JA', to: 'Calm now.' }],
      reordered: [],
    });
  });

  it('notes reworded text, and the old and new values of the name, title and dates', () => {
    const after: Advisory = { ...base, country: 'Liban', summary: 'The situation is dangerous.', title: 'Beware', review_by: '2026-01-01' };
    const change = diffAdvisories([base], [after])[0]!;
    expect(change.reworded).toEqual(['summary']);
    expect(change.fields).toEqual([
      { field: 'country', from: 'Lebanon', to: 'Liban' },
      { field: 'title', to: 'Beware' },
      { field: 'review_by', to: '2026-01-01' },
    ]);
  });

  it('counts repeated guidance and notes a new order, giving it in full', () => {
    const after: Advisory = { ...base, guidance: ['Avoid demonstrations.', 'Reconsider your need to travel.', 'Avoid demonstrations.'] };
    expect(diffAdvisories([base], [after])[0]!.guidance).toEqual({ added: ['Avoid demonstrations.'], removed: [], reordered: after.guidance });
  });

  it('notes regions and contacts in a new order, but not risks, whose order means nothing', () => {
    const after: Advisory = { ...base, regions: [...base.regions].reverse(), contacts: [{ name: 'MEA' }, ...base.contacts], risks: ['kidnapping', 'terrorism'] };
    const change = diffAdvisories([{ ...base, contacts: [...base.contacts, { name: 'MEA' }], risks: ['terrorism', 'kidnapping'] }], [after])[0]!;
    expect([change.regions.reordered, change.contacts.reordered, change.risks]).toEqual([
      [{ name: 'Beirut southern suburbs' }, { name: 'South Governorate', code: 'LB-JA' }],
      ['MEA', 'Embassy of India, Beirut'],
      { added: [], removed: [] },
    ]);
  });

  it('reports an update entry deleted, and an edited one as the old removed and the new added', () => {
    const before: Advisory = { ...base, updates: [{ date: '2025-04-01', summary: 'Level 3.' }, ...base.updates] };
    const after: Advisory = { ...base, updates: [{ date: '2025-04-01', summary: 'Level 2.' }] };
    expect(diffAdvisories([before], [after])[0]!.updates).toEqual({ added: [{ date: '2025-04-01', summary: 'Level 2.' }], removed: before.updates });
  });

  it('compares translations field by field, whatever the order of their keys, and names the language and fields', () => {
    const fr = { updated: '2025-03-10', title: 'Attention', summary: 'Situation  instable.' };
    const before: Advisory = { ...base, translations: { fr, hi: { title: 'x' } } };
    expect(diffAdvisories([before], [{ ...before, translations: { fr: { summary: 'Situation instable.', title: 'Attention', updated: '2025-03-10' }, hi: { title: 'x' } } }])).toEqual([]);
    const after: Advisory = { ...before, translations: { fr: { ...fr, title: 'Danger', guidance: ['Partez.'] }, ar: { title: 'y' } } };
    expect(diffAdvisories([before], [after])[0]!.translations).toEqual({ added: ['ar'], removed: ['hi'], changed: [{ lang: 'fr', fields: ['guidance', 'title'] }], notUpdated: [] });
  });

  it('names the translated fields whose original changed while the translation kept its text, as translated items go by position', () => {
    const translated = { ...base, contacts: [{ name: 'Embassy' }, { name: 'Control room' }], translations: { fr: { summary: 'Prudence.', contacts: [{ name: 'Ambassade' }, { name: 'Salle de crise' }] }, hi: { title: 'x' } } };
    const swapped = { ...translated, summary: 'Take care.', contacts: [{ name: 'Control room' }, { name: 'Embassy' }] };
    // hi translates neither field; fr's summary and contacts stayed as they were.
    expect(diffAdvisories([translated], [swapped])[0]!.translations.notUpdated).toEqual([{ lang: 'fr', fields: ['contacts', 'summary'] }]);
    const followed = { ...swapped, translations: { ...swapped.translations, fr: { summary: 'Attention.', contacts: [{ name: 'Salle de crise' }, { name: 'Ambassade' }] } } };
    expect(diffAdvisories([translated], [followed])[0]!.translations.notUpdated).toEqual([]);
    // A phone number is not translated: changing one asks nothing of the translations.
    const phoned = { ...translated, contacts: [{ name: 'Embassy', phone: '+223 1' }, { name: 'Control room' }] };
    expect(diffAdvisories([translated], [phoned])[0]!.translations.notUpdated).toEqual([]);
  });

  it('gives the updated date still given when a level changed and it did not, and none when it moved on', () => {
    expect(diffAdvisories([base], [{ ...base, level: 4 }])[0]!).toMatchObject({ levelChangedSince: base.updated, updatedAtRevision: base.updated });
    // Moved back, as when a time of day is deleted: older than the version published.
    expect(diffAdvisories([{ ...base, updated: '2025-03-10T14:30Z' }], [{ ...base, level: 4 }])[0]!).toMatchObject({ levelChangedSince: '2025-03-10', updatedAtRevision: '2025-03-10T14:30Z' });
    expect(diffAdvisories([base], [{ ...base, regions: base.regions.map((r) => ({ ...r, level: 1 as const })) }])[0]!.levelChangedSince).toBe(base.updated);
    expect(diffAdvisories([base], [{ ...base, level: 4, updated: '2026-12-01' }])[0]!.levelChangedSince).toBeNull();
    expect(diffAdvisories([base], [{ ...base, summary: 'Reworded.' }])[0]!.levelChangedSince).toBeNull();
  });

  it("counts a region added or removed as a level change when it moves the alert's highest level (its CAP severity)", () => {
    // Base: Lebanon at 3, South Governorate at 4, the southern suburbs at 3.
    const withoutSouth = { ...base, regions: base.regions.filter((r) => r.level !== 4) };
    expect(diffAdvisories([base], [withoutSouth])[0]!.levelChangedSince).toBe(base.updated);
    expect(diffAdvisories([withoutSouth], [base])[0]!.levelChangedSince).toBe(base.updated);
    const anotherAtFour = { ...base, regions: [...base.regions, { name: 'Hermel', level: 4 as const }] };
    expect(diffAdvisories([base], [anotherAtFour])[0]!.levelChangedSince).toBeNull();
  });

  it('reports a field it has no words for as changed, rather than nothing', () => {
    const after = { ...base, future: 'a new field' } as Advisory;
    expect(diffAdvisories([base], [after])[0]!.other).toEqual(['future']);
  });

  it('reports a field it has no words for inside a region, a contact or an update, even beside a change it has words for', () => {
    // As a field added to the format later would be: nothing below knows it by name.
    const before = { ...base, updates: [{ date: '2025-03-10', summary: 'Issued at Level 3.', url: 'https://example.org/a' }] } as Advisory;
    const after = {
      ...before,
      regions: [{ ...base.regions[0]!, level: 3 }, { ...base.regions[1]!, population: 1000 }],
      contacts: [{ ...base.contacts[0]!, fax: '+961 2 222 222' }],
      updates: [{ ...before.updates[0]!, url: 'https://example.org/b' }],
    } as Advisory;
    const change = diffAdvisories([before], [after])[0]!;
    expect([change.regions.relevelled, change.contacts.changed, change.other]).toEqual([
      [{ name: 'South Governorate', code: 'LB-JA', from: 4, to: 3 }],
      [{ name: 'Embassy of India, Beirut', fields: ['fax'], addresses: [] }],
      ['regions[1].population', 'updates[0].url'],
    ]);
  });

  it('reports a list whose only change is its order, when it has no words for that order, but not risks, nor spacing', () => {
    const updates = [
      { date: '2025-03-10', summary: 'Raised to Level 3.' },
      { date: '2025-03-10', summary: 'Issued at Level 2.' },
    ];
    const before: Advisory = { ...base, updates, contacts: [{ name: 'Embassy', address: '1 Rue  de\nla Paix' }] };
    const same: Advisory = { ...before, risks: [...before.risks].reverse(), contacts: [{ name: 'Embassy', address: '1 Rue de la Paix' }] };
    expect(diffAdvisories([before], [same])).toEqual([]);
    expect(diffAdvisories([before], [{ ...before, updates: [...updates].reverse() }])[0]!.other).toEqual(['updates']);
  });
});

describe('changesMarkdown', () => {
  const report = (changes: ChangeReport['changes'], invalid: ChangeReport['invalid'] = { before: [], after: [] }): ChangeReport => ({ since: 'main', changes, invalid, unmatched: { before: [], after: [] } });

  it('says so when nothing changed', () => {
    expect(changesMarkdown(report([]), levelName, NOW)).toBe('## Travel advisory changes since `main`\n\nNo changes to the meaning of any advisory.\n');
  });

  it('prints each change as a list item, with level names', () => {
    const after: Advisory = {
      ...base,
      country: 'Lebanon *[beta]*',
      level: 2,
      guidance: [...base.guidance, '# not a heading'],
      regions: [base.regions[0]!],
      updates: [{ date: '2026-10-05', summary: 'Lowered.\n\n- not a list' }, ...base.updates],
    };
    const changes = diffAdvisories([base], [after, jp]);
    expect(changesMarkdown(report(changes, { before: [], after: ['advisories/x.yaml'] }), levelName, NOW)).toBe(
      [
        '## Travel advisory changes since `main`',
        '',
        '2 advisories: 1 changed, 1 added.',
        '',
        '### Japan (JP)',
        '',
        '- **New advisory** at level 1 (Exercise Normal Precautions)',
        '',
        '### Lebanon \\*\\[beta\\]\\* (LB)',
        '',
        '- **Level lowered** from level 3 (Reconsider Travel) to level 2 (Exercise Increased Caution)',
        '- Country name changed from “Lebanon” to “Lebanon \\*\\[beta\\]\\*”',
        '- Region removed: Beirut southern suburbs (was at level 3 (Reconsider Travel))',
        "- **updated is still 2025-03-10:** this version would go out with the same CAP identifier and sent time as the one at `main`, and feeds would date it as that one, so alerting networks and feed readers, which pass over a message they already have, would keep showing the old level; set updated to the time of this change, `updated: 2026-11-28T15:04Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date",
        '- Guidance added: \\# not a heading',
        '- New update, 2026-10-05: Lowered. - not a list',
        '',
        '> **Not compared**, because this file has errors in the working tree: `advisories/x.yaml`. Run `advisory validate` to see them.',
        '',
      ].join('\n'),
    );
  });

  it('advises a version newer than the one left unchanged, even when the clock is behind it', () => {
    const warning = (updated: string, now: Date) =>
      changesMarkdown(report(diffAdvisories([{ ...base, updated }], [{ ...base, updated, level: 4 }])), levelName, now)
        .split('\n')
        .find((line) => line.startsWith('- **updated is still'))!
        .replace(/^.*would keep showing the old level; /, '');
    expect(warning('2026-11-28', NOW)).toBe('add the time of this change, `updated: 2026-11-28T15:04Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date');
    expect(warning('2026-11-28T15:30Z', NOW)).toBe('set updated to the time of this change, `updated: 2026-11-28T15:31Z`, so that this version gets an alert of its own, and add an entry to updates with that date');
    // A date written east of UTC can be tomorrow in UTC: its midnight is still ahead of the clock.
    expect(warning('2026-11-29', NOW)).toBe('add the time of this change, `updated: 2026-11-29T00:01Z`, so that this version gets an alert of its own, and add an entry to updates with that date');
  });

  it('takes updated written anew as the same moment (a date being its midnight UTC) as unchanged, and a time later that day as a new version', () => {
    const relevelled = (from: string, to: string) => diffAdvisories([{ ...base, updated: from }], [{ ...base, updated: to, level: 4 }])[0]!.levelChangedSince;
    expect(relevelled('2026-11-28T14:30+03:00', '2026-11-28T11:30Z')).toBe('2026-11-28T11:30Z');
    // Feed readers would see the same date: the same version to them.
    expect(relevelled('2026-11-28', '2026-11-28T00:00Z')).toBe('2026-11-28T00:00Z');
    expect(relevelled('2026-11-28', '2026-11-28T11:30Z')).toBeNull();
  });

  it('prints the other changes of meaning, with old and new values', () => {
    const before: Advisory = { ...base, contacts: [...base.contacts, { name: 'MEA' }], translations: { fr: { title: 'Attention' } } };
    const after = {
      ...before,
      country: 'Liban',
      updated: '2025-04-01',
      guidance: [...base.guidance].reverse(),
      regions: [base.regions[1]!, { ...base.regions[0]!, name: 'South', note: 'Calm *now*.' }],
      contacts: [...before.contacts].reverse(),
      updates: [],
      body: 'New.',
      translations: { fr: { title: 'Danger' } },
      future: 1,
    } as Advisory;
    expect(changesMarkdown(report(diffAdvisories([before], [after])), levelName, NOW)).toBe(
      [
        '## Travel advisory changes since `main`',
        '',
        '1 advisory: 1 changed.',
        '',
        '### Liban (LB)',
        '',
        '- Country name changed from “Lebanon” to “Liban”',
        '- Update date changed from “2025-03-10” to “2025-04-01”',
        '- Region renamed: South Governorate (LB-JA) to “South”',
        '- Region note changed: South (LB-JA), from none to “Calm *now*.”',
        '- Regions reordered, now: Beirut southern suburbs; South (LB-JA)',
        '- Guidance reordered, now:',
        '  1. Avoid demonstrations.',
        '  2. Reconsider your need to travel.',
        '- Contacts reordered, now: MEA; Embassy of India, Beirut',
        '- Update removed, 2025-03-10: Issued at Level 3.',
        '- Reworded: body',
        '- Translation changed: fr (title)',
        '- Also changed: future',
        '',
      ].join('\n'),
    );
  });

  it('keeps @mentions and #references from pinging people or linking issues, and leaves addresses, links and code alone', () => {
    const after: Advisory = {
      ...base,
      country: 'Lebanon @everyone',
      guidance: [...base.guidance, 'Ask @octocat or @org/team (see #12); write to desk@example.org; `@x #1`; [#3](https://example.org/@y#4)'],
    };
    expect(changesMarkdown(report(diffAdvisories([base], [after])), levelName, NOW)).toBe(
      [
        '## Travel advisory changes since `main`',
        '',
        '1 advisory: 1 changed.',
        '',
        '### Lebanon @<!-- -->everyone (LB)',
        '',
        '- Country name changed from “Lebanon” to “Lebanon @<!-- -->everyone”',
        '- Guidance added: Ask @<!-- -->octocat or @<!-- -->org/team (see #<!-- -->12); write to <desk@example.org>; `@x #1`; [#<!-- -->3](https://example.org/@y#4)',
        '',
      ].join('\n'),
    );
  });

  it('says what was compared when files were left out', () => {
    expect(changesMarkdown(report([], { before: ['advisories/x.yaml'], after: [] }), levelName, NOW)).toBe(
      '## Travel advisory changes since `main`\n\nNo changes to the meaning of the advisories compared; the files below were not compared.\n\n> **Not compared**, because this file has errors at `main`: `advisories/x.yaml`. Run `advisory validate` to see them.\n',
    );
  });

  it('gives JSON with level names', () => {
    const json = JSON.parse(changesJson(report(diffAdvisories([base], [{ ...base, level: 4 }])), levelName)) as { changes: Array<{ level: unknown }> };
    expect(json.changes[0]!.level).toEqual({ from: { level: 3, name: 'Reconsider Travel' }, to: { level: 4, name: 'Do Not Travel' } });
  });
});
