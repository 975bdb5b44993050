/**
 * Text as officers paste it from web pages, through the real binary: character
 * references (`&eacute;`, `&nbsp;`, `&#169;`) show the same character in the
 * plain-text bulletin, the HTML one, the CAP alert and the feeds; hard line
 * breaks in the body (an address) stay line breaks in plain text too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

const ADVISORY = `country: Trinidad and Tobago
code: TT
level: 2
issued: 2026-01-05
updated: 2026-03-01
summary: Crime is high in Port of Spain &mdash; caf&eacute;s &amp; bars included. &lt;script&gt; stays text; &copy; &#169; &#xA9;
guidance:
  - "Keep valuables out of sight&nbsp;: \\"&laquo;&nbsp;gr&egrave;ves&nbsp;&raquo;\\" &amp;copy; &copy"
  - |-
    Call the embassy\\
    at any hour.
risks: [crime]
body: |
  Embassy of France\\
  1 Rue de l&apos;&Eacute;glise  
  Port of Spain\\
  \\--- not a rule\\
  +1 868 000 0000

  - Phone:\\
    +1 868 000 0001
`;

const SCHEMA = path.join(ROOT, 'tests/schemas/cap12.xsd');
let project: ReturnType<typeof tempProject>;
const dist = (file: string) => path.join(project.dir, 'dist', file);
const read = (file: string) => readFileSync(dist(file), 'utf8');

/** The lines of a plain-text bulletin from the line `from` up to (not including) the line that starts with `to`. */
function section(text: string, from: string, to: string): string {
  return text.slice(text.indexOf(`\n${from}\n`) + 1, text.indexOf(`\n${to}`)).trimEnd();
}

function capText(element: string): string {
  const run = spawnSync('xmllint', ['--xpath', `string(//*[local-name()='${element}'])`, dist('cap/tt.xml')], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.replace(/\n$/, '');
}

beforeAll(() => {
  project = tempProject();
  mkdirSync(path.join(project.dir, 'advisories'));
  writeFileSync(path.join(project.dir, 'advisories/tt.yaml'), ADVISORY);
  const result = runCli(['build'], { cwd: project.dir });
  expect(result.stderr).toBe('Built 3 bulletins for 1 advisory in <time> s -> dist/\n');
  expect(result.status).toBe(0);
});
afterAll(() => project.cleanup());

const SUMMARY = 'Crime is high in Port of Spain — cafés & bars included. <script> stays text; © © ©';
const GUIDANCE = 'Keep valuables out of sight\u00a0: "«\u00a0grèves\u00a0»" &copy; &copy';

describe('character references', () => {
  it('show their character in the plain-text bulletin; a reference spelled with &amp; and one without its ; stay text', () => {
    const text = read('tt.txt');
    expect(section(text, 'Summary', 'What to do')).toBe(['Summary', '-------', '', 'Crime is high in Port of Spain — cafés & bars included. <script> stays', 'text; © © ©'].join('\n'));
    expect(section(text, 'What to do', 'Full advice')).toBe(['What to do', '----------', '', `- ${GUIDANCE}`, '- Call the embassy at any hour.'].join('\n'));
  });

  it('show the same characters in the CAP alert, escaped again for XML, which stays valid against the CAP 1.2 schema', () => {
    expect(capText('description')).toBe(SUMMARY);
    expect(capText('instruction')).toBe(`- ${GUIDANCE}\n- Call the embassy at any hour.`);
    expect(read('cap/tt.xml')).toContain('<description>Crime is high in Port of Spain — cafés &amp; bars included. &lt;script&gt; stays text; © © ©</description>');
    const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, dist('cap/tt.xml')], { encoding: 'utf8' });
    expect(run.stderr).toBe(`${dist('cap/tt.xml')} validates\n`);
    expect(run.status).toBe(0);
  });

  it('show the same characters in the HTML bulletin and index, where the escaped tag stays text', () => {
    const html = read('tt.html');
    expect(html).toContain('<p class="summary">Crime is high in Port of Spain — cafés &amp; bars included. &lt;script&gt; stays text; © © ©</p>');
    expect(html).toContain('<li>Keep valuables out of sight\u00a0: &quot;«\u00a0grèves\u00a0»&quot; &amp;copy; &amp;copy</li>');
    expect(html).not.toContain('<script>');
    expect(read('index.html')).toContain('Crime is high in Port of Spain — cafés &amp; bars included.');
  });

  it('show the same characters in the feeds', () => {
    expect(read('feed.atom')).toContain('<summary type="text">Crime is high in Port of Spain — cafés &amp; bars included. &lt;script&gt; stays text; © © ©</summary>');
    const item = JSON.parse(read('feed.json')).items[0];
    expect(item.summary).toBe(SUMMARY);
    expect(item.content_html).toBe('Crime is high in Port of Spain — cafés &amp; bars included. &lt;script&gt; stays text; © © ©');
  });

  it('stay as written in the Markdown bulletin and in open data, which are Markdown that a viewer reads the same way', () => {
    expect(read('tt.md')).toContain('Crime is high in Port of Spain &mdash; caf&eacute;s &amp; bars included. &lt;script&gt; stays text; &copy; &#169; &#xA9;');
    expect(JSON.parse(read('advisories.json')).advisories[0].summary).toBe(
      'Crime is high in Port of Spain &mdash; caf&eacute;s &amp; bars included. &lt;script&gt; stays text; &copy; &#169; &#xA9;',
    );
  });
});

describe('hard line breaks in the body', () => {
  it('start a new line in the plain-text bulletin, at the indentation of the paragraph or list item', () => {
    expect(section(read('tt.txt'), 'Full advice', 'Published by')).toBe(
      ['Full advice', '-----------', '', 'Embassy of France', "1 Rue de l'Église", 'Port of Spain --- not a rule', '+1 868 000 0000', '', '- Phone:', '  +1 868 000 0001'].join('\n'),
    );
  });

  it('are <br> in the HTML bulletin and a backslash break in the Markdown one', () => {
    const html = read('tt.html');
    expect(html).toContain("<p>Embassy of France<br>1 Rue de l&#39;Église<br>Port of Spain<br>--- not a rule<br>+1 868 000 0000</p>\n<ul>\n<li>Phone:<br>+1 868 000 0001</li>\n</ul>");
    expect(read('tt.md')).toContain('Embassy of France\\\n1 Rue de l&apos;&Eacute;glise\\\nPort of Spain\\\n\\--- not a rule\\\n+1 868 000 0000\n\n- Phone:\\\n  +1 868 000 0001');
  });

  it('are a space in a one-paragraph field, so in the alert too, as in every other format', () => {
    expect(read('tt.html')).toContain('<li>Call the embassy at any hour.</li>');
    expect(read('tt.md')).toContain('- Call the embassy at any hour.');
    expect(capText('instruction').endsWith('\n- Call the embassy at any hour.')).toBe(true);
  });
});
