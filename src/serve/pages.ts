/**
 * The preview server's own pages: the problems that stop a build (shown in
 * place of every page, so an officer never reads a stale bulletin as if it
 * were current) and "not found". Everything printed is escaped: the messages
 * quote what the advisory file holds.
 */
import { escapeHtml } from '../render/markdown-html.js';

export interface Problem {
  /** `file:line:col`, or a file, or empty when the problem has no place. */
  where: string;
  message: string;
}

const STYLE = `:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; }
h1 { font-size: 1.4rem; color: #a4161a; }
@media (prefers-color-scheme: dark) { h1 { color: #ff8a80; } }
ol { padding-inline-start: 1.25rem; }
li { margin: 0 0 0.75rem; }
code { font: 0.95rem/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function problemsPage(problems: readonly Problem[]): string {
  const items = problems
    .map((p) => `<li>${p.where ? `<code class="where">${escapeHtml(p.where)}</code>: ` : ''}<span class="message">${escapeHtml(p.message)}</span></li>`)
    .join('\n');
  const n = problems.length;
  return page(
    'Build failed | advisory preview',
    `<h1>The advisories cannot be published as they are</h1>
<p>Fix ${n === 1 ? 'this problem' : `these ${n} problems`} and save: this page reloads by itself.</p>
<ol class="problems">
${items}
</ol>`,
  );
}

export function notFoundPage(requested: string, files: readonly string[]): string {
  const links = files
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `<li><a href="/${escapeHtml(f)}">${escapeHtml(f)}</a></li>`)
    .join('\n');
  return page('Not found | advisory preview', `<h1>Nothing is published at ${escapeHtml(requested)}</h1>\n<p>These pages are:</p>\n<ul>\n${links}\n</ul>`);
}
