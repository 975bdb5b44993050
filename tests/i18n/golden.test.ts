/**
 * The sample project, built in every language, compared byte for byte with
 * golden files: the Mali advisory in English, French and Hindi and the
 * Lebanon advisory in Arabic. UPDATE_GOLDEN=1 rewrites the golden files
 * (review the diff before committing them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { ROOT, runCli, type CliResult } from '../helpers/run-cli.js';

const GOLDEN = path.join(ROOT, 'tests/golden/i18n');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CASES = [
  { lang: 'en', code: 'ml' },
  { lang: 'fr', code: 'ml' },
  { lang: 'hi', code: 'ml' },
  { lang: 'ar', code: 'lb' },
] as const;
const FORMATS = ['md', 'html', 'txt'] as const;
const LANGUAGES = ['en', 'fr', 'hi', 'ar'];
/** Where a bulletin is written: the primary language at the top, the others in a folder each. */
const outPath = (lang: string, code: string, ext: string) => (lang === 'en' ? `${code}.${ext}` : `${lang}/${code}.${ext}`);

let project: { dir: string; cleanup: () => void };
let build: CliResult;

beforeAll(() => {
  project = sampleProject();
  // An unusual time zone and locale must not change a byte.
  build = runCli(['build'], { cwd: project.dir, env: { TZ: 'Pacific/Kiritimati', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8' } });
});
afterAll(() => project.cleanup());

const built = (file: string) => readFileSync(path.join(project.dir, 'dist', file), 'utf8');

describe('the sample project in four languages', () => {
  it('builds with no warning at all: every sample is complete in every language', () => {
    expect(build).toEqual({
      status: 0,
      stdout: '',
      stderr: 'Built 60 bulletins for 5 advisories in <time> s -> dist/\n',
    });
  });

  for (const { lang, code } of CASES) {
    for (const ext of FORMATS) {
      it(`${lang}/${code}.${ext} matches its golden file byte for byte`, () => {
        const golden = path.join(GOLDEN, lang, `${code}.${ext}`);
        const actual = built(outPath(lang, code, ext));
        if (UPDATE) {
          mkdirSync(path.dirname(golden), { recursive: true });
          writeFileSync(golden, actual);
        }
        expect(existsSync(golden), `${golden} is missing; run UPDATE_GOLDEN=1 npm test`).toBe(true);
        expect(actual).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }

  it('gives each HTML page its language and direction', () => {
    for (const lang of LANGUAGES) {
      const html = built(outPath(lang, 'lb', 'html'));
      expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
    }
  });

  it('links every language version of a bulletin to the others, and each link resolves to a built file', () => {
    for (const lang of LANGUAGES) {
      const from = outPath(lang, 'ml', 'html');
      const html = built(from);
      const links = [...html.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+">/g)].map((m) => ({ href: m[1]!, lang: m[2]! }));
      expect(links.map((l) => l.lang)).toEqual(LANGUAGES.filter((l) => l !== lang));
      for (const link of links) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), link.href));
        expect(target).toBe(outPath(link.lang, 'ml', 'html'));
        expect(existsSync(path.join(project.dir, 'dist', target))).toBe(true);
      }
      expect(html).toContain(`<li><span aria-current="page">`);
    }
    // Markdown carries the same links.
    expect(built('hi/ml.md')).toContain('[English](../ml.md) · [français](../fr/ml.md) · हिन्दी · [العربية](../ar/ml.md)');
  });

  it('writes an index per language, in that language', () => {
    expect(built('index.html')).toContain('<h1>Travel advisories</h1>');
    expect(built('fr/index.html')).toContain('<h1>Conseils aux voyageurs</h1>');
    expect(built('hi/index.txt').split('\n')[0]).toBe('यात्रा परामर्श');
    expect(built('ar/index.md').split('\n')[0]).toBe('# إرشادات السفر');
  });
});
