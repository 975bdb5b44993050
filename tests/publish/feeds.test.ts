/** Atom and JSON feeds, per language, as the real build writes them. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublishFixture, PUBLISH_FIXTURE, type Published } from '../helpers/published.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

let site: Published;
beforeAll(() => {
  site = buildPublishFixture();
  expect(site.result.status).toBe(0);
});
afterAll(() => site.cleanup());

/** Evaluates an XPath 1.0 expression with xmllint; Atom elements are matched by local name. */
function xpath(file: string, expression: string): string {
  const run = spawnSync('xmllint', ['--xpath', expression, path.join(site.dist, file)], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.replace(/\n$/, '');
}
const atom = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

// The fixture: LB updated 2026-10-05, JP 2026-04-01, TT 2026-03-01, ML 2025-07-02.
const NEWEST_FIRST = ['lb', 'jp', 'tt', 'ml'];

describe.each([
  { lang: 'en', prefix: '' },
  { lang: 'fr', prefix: 'fr/' },
])('Atom feed $prefix feed.atom', ({ lang, prefix }) => {
  const file = `${prefix}feed.atom`;

  it('is well-formed XML', () => {
    const run = spawnSync('xmllint', ['--noout', path.join(site.dist, file)], { encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });

  it('has the feed elements RFC 4287 requires, with links from site_url and the date of the newest update', () => {
    const feed = `/${atom('feed')}`;
    expect(xpath(file, `string(${feed}/@xml:lang)`)).toBe(lang);
    expect(xpath(file, `string(${feed}/${atom('id')})`)).toBe(`https://travel.example.gov/advice/${prefix}feed.atom`);
    expect(xpath(file, `string(${feed}/${atom('title')})`)).toBe(lang === 'en' ? 'Travel advisories' : 'Conseils aux voyageurs');
    expect(xpath(file, `string(${feed}/${atom('updated')})`)).toBe('2026-10-05T00:00:00Z');
    expect(xpath(file, `string(${feed}/${atom('author')}/${atom('name')})`)).toBe('Ministry of External Affairs & Consular <Services>');
    expect(xpath(file, `string(${feed}/${atom('link')}[@rel='self']/@href)`)).toBe(`https://travel.example.gov/advice/${prefix}feed.atom`);
    expect(xpath(file, `string(${feed}/${atom('link')}[@rel='alternate']/@href)`)).toBe(`https://travel.example.gov/advice/${prefix}index.html`);
  });

  it('has one entry per advisory, newest update first, each with id, title, updated, link and summary', () => {
    const entry = `/${atom('feed')}/${atom('entry')}`;
    expect(xpath(file, `count(${entry})`)).toBe('4');
    for (const child of ['id', 'title', 'updated', 'summary']) expect(xpath(file, `count(${entry}[count(${atom(child)}) != 1])`)).toBe('0');
    const links = NEWEST_FIRST.map((_, i) => xpath(file, `string(${entry}[${i + 1}]/${atom('link')}[@rel='alternate']/@href)`));
    expect(links).toEqual(NEWEST_FIRST.map((code) => `https://travel.example.gov/advice/${prefix}${code}.html`));
    expect(xpath(file, `string(${entry}[1]/${atom('updated')})`)).toBe('2026-10-05T00:00:00Z');
    expect(xpath(file, `string(${entry}[1]/${atom('id')})`)).toBe(`tag:travel.example.gov,2025-03-10:/advice/lb/${lang}`);
  });

  it("carries the latest update's summary as text, escaped", () => {
    const tt = `/${atom('feed')}/${atom('entry')}[3]`;
    expect(xpath(file, `string(${tt}/${atom('summary')})`)).toBe('Added advice on the <hurricane> season & "Carnival".');
    expect(xpath(file, `string(${tt}/${atom('summary')}/@type)`)).toBe('text');
  });

  it('marks a summary in the primary language, where the advisory has no translation, as that language', () => {
    // TT has no French translation, ML has one: only TT's summary in the French feed is English.
    const summaryLang = (entry: number) => xpath(file, `string(/${atom('feed')}/${atom('entry')}[${entry}]/${atom('summary')}/@xml:lang)`);
    expect([summaryLang(3), summaryLang(4)]).toEqual([lang === 'en' ? '' : 'en', '']);
  });
});

describe.each([
  { lang: 'en', prefix: '' },
  { lang: 'fr', prefix: 'fr/' },
])('JSON Feed $prefix feed.json', ({ lang, prefix }) => {
  interface Item {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html: string;
    date_published: string;
    date_modified: string;
    tags: string[];
  }
  const read = () => JSON.parse(site.read(`${prefix}feed.json`)) as { version: string; title: string; home_page_url: string; feed_url: string; language: string; authors: unknown[]; items: Item[] };

  it('is a JSON Feed 1.1 with links from site_url', () => {
    const feed = read();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: `https://travel.example.gov/advice/${prefix}index.html`,
      feed_url: `https://travel.example.gov/advice/${prefix}feed.json`,
      language: lang,
      authors: [{ name: 'Ministry of External Affairs & Consular <Services>', url: 'https://travel.example.gov/advice/' }],
    });
  });

  it('has one item per advisory, newest update first, with the same ids as the Atom feed', () => {
    const items = read().items;
    expect(items.map((i) => i.url)).toEqual(NEWEST_FIRST.map((code) => `https://travel.example.gov/advice/${prefix}${code}.html`));
    const atomIds = NEWEST_FIRST.map((_, i) => xpath(`${prefix}feed.atom`, `string(/${atom('feed')}/${atom('entry')}[${i + 1}]/${atom('id')})`));
    expect(items.map((i) => i.id)).toEqual(atomIds);
    for (const item of items) {
      expect(item.date_modified).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(item.content_html.length).toBeGreaterThan(0);
    }
  });

  it("carries the latest update's summary, as text and as safe HTML", () => {
    const tt = read().items[2]!;
    expect(tt).toMatchObject({
      summary: 'Added advice on the <hurricane> season & "Carnival".',
      date_published: '2026-01-05T00:00:00Z',
      date_modified: '2026-03-01T00:00:00Z',
    });
    // TT has no French translation: in the French feed its English summary says it is English (an item's language would cover its French title too).
    const html = 'Added advice on the &lt;hurricane&gt; season &amp; &quot;Carnival&quot;.';
    expect(tt.content_html).toBe(lang === 'en' ? html : `<span lang="en" dir="ltr">${html}</span>`);
    expect(tt.tags).toEqual([lang === 'en' ? 'Level 2 of 4: Exercise Increased Caution' : "Niveau 2 sur 4\u00a0: Faites preuve d'une prudence accrue"]);
  });
});

it("uses the advisory's summary for an advisory without updates", () => {
  const jp = (JSON.parse(site.read('feed.json')) as { items: Array<{ summary: string }> }).items[1]!;
  expect(jp.summary).toMatch(/^Japan is generally safe, but it is exposed to earthquakes/);
});

it('uses the translated latest update in a further language', () => {
  const ml = (JSON.parse(site.read('fr/feed.json')) as { items: Array<{ summary: string; title: string }> }).items[3]!;
  expect(ml.title).toBe('Ne vous rendez pas au Mali');
  expect(ml.summary).toMatch(/^Publié au niveau 4/);
});

describe('the HTML index of each language', () => {
  it.each(['', 'fr/'])('%sindex.html announces its own feeds, so a feed reader finds them from the page', (prefix) => {
    const html = readFileSync(path.join(site.dist, `${prefix}index.html`), 'utf8');
    const alternates = [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((m) => ({ type: m[1], href: m[2] }));
    expect(alternates).toEqual([
      { type: 'application/atom+xml', href: 'feed.atom' },
      { type: 'application/feed+json', href: 'feed.json' },
    ]);
    for (const { href } of alternates) expect(existsSync(path.join(site.dist, prefix, href!))).toBe(true);
  });
});

it("names the issuer as the config translates it, in each language's feed", () => {
  const project = tempProject(PUBLISH_FIXTURE);
  try {
    const config = path.join(project.dir, 'advisory.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}translations:\n  fr:\n    issuer: Ministère des Affaires extérieures\n`);
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    const dist = path.join(project.dir, 'dist');
    const author = (file: string) => spawnSync('xmllint', ['--xpath', `string(/${atom('feed')}/${atom('author')}/${atom('name')})`, path.join(dist, file)], { encoding: 'utf8' }).stdout.trimEnd();
    expect([author('feed.atom'), author('fr/feed.atom')]).toEqual(['Ministry of External Affairs & Consular <Services>', 'Ministère des Affaires extérieures']);
    expect((JSON.parse(readFileSync(path.join(dist, 'fr/feed.json'), 'utf8')) as { authors: Array<{ name: string }> }).authors[0]!.name).toBe('Ministère des Affaires extérieures');
  } finally {
    project.cleanup();
  }
});

it('names entries by an address under site_url when its host is an IPv6 address, which a tag: URI cannot carry', () => {
  const project = tempProject(PUBLISH_FIXTURE);
  try {
    const config = path.join(project.dir, 'advisory.config.yaml');
    const text = readFileSync(config, 'utf8');
    writeFileSync(config, text.replace('site_url: https://travel.example.gov/advice/', 'site_url: http://[::1]:8080/advice/'));
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    const dist = path.join(project.dir, 'dist');
    const firstId = (file: string) => spawnSync('xmllint', ['--xpath', `string(/${atom('feed')}/${atom('entry')}[1]/${atom('id')})`, path.join(dist, file)], { encoding: 'utf8' }).stdout.trimEnd();
    expect([firstId('feed.atom'), firstId('fr/feed.atom')]).toEqual(['http://[::1]:8080/advice/lb/en', 'http://[::1]:8080/advice/lb/fr']);
    expect((JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8')) as { items: Array<{ id: string }> }).items[0]!.id).toBe('http://[::1]:8080/advice/lb/en');
  } finally {
    project.cleanup();
  }
});
