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
        regions: {
          added: [{ name: 'Nabatieh Governorate', code: 'LB-NA', level: 4 }],
          removed: [{ name: 'Beirut southern suburbs', level: 3 }],
          relevelled: [{ name: 'South Governorate', code: 'LB-JA', from: 4, to: 3 }],
        },
        guidance: { added: ['Do not travel to Lebanon.'], removed: ['Reconsider your need to travel.'] },
        risks: { added: ['kidnapping'], removed: [] },
        contacts: { added: ['MEA Control Room'], removed: [], changed: [{ name: 'Embassy of India, Beirut', fields: ['phone', 'emergency'] }] },
        updates: [{ date: '2026-10-05', summary: 'Raised to **Level 4**.' }],
        reworded: [],
      },
    ]);
  });

  it('matches advisories by code and regions by code, so renaming a file or a region is not a change', () => {
    const renamed = { ...base, regions: [{ name: 'South', code: 'LB-JA', level: 4 as const }, base.regions[1]!] };
    expect(diffAdvisories([base], [renamed])).toEqual([]);
  });

  it('notes reworded text that changes nothing else', () => {
    expect(diffAdvisories([base], [{ ...base, summary: 'The situation is dangerous.', title: 'Beware' }])[0]!.reworded).toEqual(['title', 'summary']);
  });
});

describe('changesMarkdown', () => {
  const report = (changes: ChangeReport['changes'], invalid: ChangeReport['invalid'] = { before: [], after: [] }): ChangeReport => ({ since: 'main', changes, invalid });

  it('says so when nothing changed', () => {
    expect(changesMarkdown(report([]), levelName)).toBe('## Travel advisory changes since `main`\n\nNo changes to the meaning of any advisory.\n');
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
    expect(changesMarkdown(report(changes, { before: [], after: ['advisories/x.yaml'] }), levelName)).toBe(
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
        '- Region removed: Beirut southern suburbs (was at level 3 (Reconsider Travel))',
        '- Guidance added: \\# not a heading',
        '- New update, 2026-10-05: Lowered. - not a list',
        '',
        '> **Not compared**, because this file has errors in the working tree: `advisories/x.yaml`. Run `advisory validate` to see them.',
        '',
      ].join('\n'),
    );
  });

  it('gives JSON with level names', () => {
    const json = JSON.parse(changesJson(report(diffAdvisories([base], [{ ...base, level: 4 }])), levelName)) as { changes: Array<{ level: unknown }> };
    expect(json.changes[0]!.level).toEqual({ from: { level: 3, name: 'Reconsider Travel' }, to: { level: 4, name: 'Do Not Travel' } });
  });
});
