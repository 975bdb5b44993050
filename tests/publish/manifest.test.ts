/** dist/manifest.json and dist/advisories.json, as the real build writes them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublishFixture, listFiles, type Published } from '../helpers/published.js';

let site: Published;
beforeAll(() => {
  site = buildPublishFixture();
  expect(site.result.status).toBe(0);
});
afterAll(() => site.cleanup());

describe('manifest.json', () => {
  interface Manifest {
    generator: string;
    version: string;
    files: Array<{ path: string; size: number; sha256: string }>;
    advisories: Array<{ code: string; level: number; updated: string }>;
  }
  const manifest = () => JSON.parse(site.read('manifest.json')) as Manifest;

  it('lists every other file of the output, with its size and SHA-256', () => {
    const { files } = manifest();
    expect(files.map((f) => f.path)).toEqual(listFiles(site.dist).filter((f) => f !== 'manifest.json'));
    for (const entry of files) {
      const bytes = readFileSync(path.join(site.dist, entry.path));
      expect(entry).toEqual({ path: entry.path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  });

  it("names the tool and records each advisory's code, level and updated date", () => {
    expect(manifest()).toMatchObject({
      generator: 'advisory',
      version: '0.1.0',
      advisories: [
        { code: 'JP', level: 1, updated: '2026-04-01' },
        { code: 'LB', level: 3, updated: '2026-10-05' },
        { code: 'ML', level: 4, updated: '2025-07-02' },
        { code: 'TT', level: 2, updated: '2026-03-01' },
      ],
    });
  });
});

describe('advisories.json', () => {
  interface OpenData {
    issuer: string;
    languages: string[];
    scale: string;
    levels: Array<{ level: number; name: Record<string, string>; color: string }>;
    advisories: Array<Record<string, unknown> & { code: string; regions: Array<Record<string, unknown>> }>;
  }
  const data = () => JSON.parse(site.read('advisories.json')) as OpenData;

  it('describes the scale with every level named in every language', () => {
    const { levels, scale, languages } = data();
    expect({ scale, languages }).toEqual({ scale: 'us', languages: ['en', 'fr'] });
    expect(levels[3]).toEqual({ level: 4, name: { en: 'Do Not Travel', fr: 'Ne voyagez pas' }, color: '#a4161a' });
  });

  it('has every advisory in code order, with its level name, the text as written and the address of each bulletin', () => {
    const { advisories } = data();
    expect(advisories.map((a) => a.code)).toEqual(['JP', 'LB', 'ML', 'TT']);
    const tt = advisories[3]!;
    expect(tt).toMatchObject({
      country: 'Trinidad & Tobago',
      level: 2,
      level_name: { en: 'Exercise Increased Caution', fr: "Faites preuve d'une prudence accrue" },
      title: 'Caution in "Trinidad & Tobago" <today>',
      issued: '2026-01-05',
      updated: '2026-03-01',
      risks: ['crime', 'natural-disaster'],
      guidance: ['Avoid isolated beaches after dark & keep valuables out of sight.'],
      urls: {
        en: { md: 'https://travel.example.gov/advice/tt.md', html: 'https://travel.example.gov/advice/tt.html', txt: 'https://travel.example.gov/advice/tt.txt' },
        fr: { md: 'https://travel.example.gov/advice/fr/tt.md', html: 'https://travel.example.gov/advice/fr/tt.html', txt: 'https://travel.example.gov/advice/fr/tt.txt' },
      },
    });
    expect(tt.regions[1]).toEqual({ name: 'Tobago', code: 'TT-TOB', level: 1, level_name: { en: 'Exercise Normal Precautions', fr: 'Faites preuve de prudence normale' } });
    expect(tt.summary).toContain('<script>alert(1)</script>');
  });
});
