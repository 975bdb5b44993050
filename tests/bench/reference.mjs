/**
 * The reference the build is measured against (issue 7): the straightforward
 * single-format loop over a project. Read each advisory, parse it with `yaml`,
 * render its Markdown with `marked`, fill one Handlebars template compiled
 * once, and write one HTML file per advisory and language. Sequential, no
 * workers, no validation, no caching: the floor any real tool starts from.
 *
 *   node tests/bench/reference.mjs <out-dir> [project-dir]   (project default: .)
 *
 * Layout as the tool's: <out>/<code>.html for the first language,
 * <out>/<lang>/<code>.html for the others.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { marked } from 'marked';
import { parse } from 'yaml';

const TEMPLATE = `<!doctype html>
<html lang="{{lang}}" dir="{{dir}}">
<head><meta charset="utf-8"><title>{{title}}</title></head>
<body>
<main>
<h1>{{title}}</h1>
<p class="level level-{{level}}">Level {{level}} of 4</p>
<p>Issued {{issued}}, updated {{updated}}</p>
<section><h2>Summary</h2>{{{summary}}}</section>
<section><h2>What to do</h2><ul>{{#each guidance}}<li>{{{this}}}</li>{{/each}}</ul></section>
{{#if regions.length}}<section><h2>Regions</h2><ul>{{#each regions}}<li>{{name}} ({{code}}): level {{level}}. {{{note}}}</li>{{/each}}</ul></section>{{/if}}
{{#if contacts.length}}<section><h2>Who to call</h2>{{#each contacts}}<h3>{{name}}</h3><ul>{{#if phone}}<li>Phone {{phone}}</li>{{/if}}{{#if email}}<li>Email {{email}}</li>{{/if}}{{#if url}}<li><a href="{{url}}">{{url}}</a></li>{{/if}}{{#if address}}<li>{{address}}</li>{{/if}}{{#if hours}}<li>{{hours}}</li>{{/if}}</ul>{{/each}}</section>{{/if}}
{{#if body}}<section><h2>Full advice</h2>{{{body}}}</section>{{/if}}
{{#if updates.length}}<section><h2>Latest updates</h2><ul>{{#each updates}}<li>{{date}}: {{{summary}}}</li>{{/each}}</ul></section>{{/if}}
</main>
</body>
</html>
`;

const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** The advisory's text in `lang`: each translated field where there is one, the primary text otherwise. */
function inLanguage(a, lang, primary) {
  const t = (lang === primary ? undefined : a.translations?.[lang]) ?? {};
  const item = (list, i) => list?.[i] ?? {};
  return {
    lang,
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
    title: t.title ?? a.title ?? a.country,
    level: a.level,
    issued: a.issued,
    updated: a.updated,
    summary: marked.parse(t.summary ?? a.summary),
    guidance: (t.guidance ?? a.guidance).map((g) => marked.parseInline(g)),
    regions: (a.regions ?? []).map((r, i) => ({ ...r, name: item(t.regions, i).name ?? r.name, note: marked.parseInline(item(t.regions, i).note ?? r.note ?? '') })),
    contacts: (a.contacts ?? []).map((c, i) => ({ ...c, ...item(t.contacts, i) })),
    body: a.body === undefined ? '' : marked.parse(t.body ?? a.body),
    updates: (a.updates ?? []).map((u, i) => ({ date: u.date, summary: marked.parseInline(item(t.updates, i).summary ?? u.summary) })),
  };
}

/** Renders every advisory of `projectDir` in every configured language into `outDir`; returns the number of files written. */
export function renderReference(projectDir, outDir) {
  const config = parse(readFileSync(path.join(projectDir, 'advisory.config.yaml'), 'utf8'));
  const languages = config.languages ?? ['en'];
  const [primary] = languages;
  const render = Handlebars.compile(TEMPLATE);
  for (const lang of languages) mkdirSync(lang === primary ? outDir : path.join(outDir, lang), { recursive: true });

  const dir = path.join(projectDir, 'advisories');
  let written = 0;
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const advisory = parse(readFileSync(path.join(dir, file), 'utf8'));
    const name = `${advisory.code.toLowerCase()}.html`;
    for (const lang of languages) {
      const html = render(inLanguage(advisory, lang, primary));
      writeFileSync(lang === primary ? path.join(outDir, name) : path.join(outDir, lang, name), html);
      written++;
    }
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, project = '.'] = process.argv.slice(2);
  if (!out || out.startsWith('-')) {
    console.error('usage: node tests/bench/reference.mjs <out-dir> [project-dir]');
    process.exitCode = 2;
  } else {
    const written = renderReference(path.resolve(project), path.resolve(out));
    console.error(`Wrote ${written} bulletins to ${out}`);
  }
}
