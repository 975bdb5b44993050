/**
 * Tabs, through the real binary: every format publishes them the same way
 * (README "Tabs"). In a code block, spaces to the next multiple of 8 columns
 * of the code's line (a wide character counting two), so its columns line up
 * in every viewer; anywhere else (running text, a code span, a name, an
 * address), one space. A code block in `body` may start with a tab after the
 * YAML indentation: YAML reads it as text, and so does the tool.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/run-cli.js';

const ADVISORY = `country: Trinidad and Tobago
code: TT
level: 2
issued: 2026-01-05
updated: 2026-03-01
summary: "Crime is high\\tin \`Port\\tof Spain\`."
guidance:
  - "Keep valuables\\tout of sight."
risks: [crime]
regions:
  - name: "North\\tCoast"
    level: 3
    note: "Avoid\\tthe beaches."
contacts:
  - name: "Embassy\\tof France"
    phone: "+1 868 000 0000"
    address: "1 Rue X,\\tPort of Spain"
    hours: "9:00\\t17:00"
body: |
  Bus times:

  \tRoute\tFirst\tLast
  \t12\t05:00\t23:00

  \`\`\`
  日本\tx
  ab\tc
  \`\`\`
`;

let project: ReturnType<typeof tempProject>;
const read = (file: string) => readFileSync(path.join(project.dir, 'dist', file), 'utf8');

beforeAll(() => {
  project = tempProject();
  mkdirSync(path.join(project.dir, 'advisories'));
  writeFileSync(path.join(project.dir, 'advisories/tt.yaml'), ADVISORY);
});
afterAll(() => project.cleanup());

describe('tabs', () => {
  it('validate accepts a code block whose lines start with a tab after the YAML indentation, without a warning', () => {
    expect(runCli(['validate', '--today', '2026-03-02'], { cwd: project.dir })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('build publishes no tab in any file, and the same text in every format', () => {
    const build = runCli(['build', '--today', '2026-03-02'], { cwd: project.dir });
    expect(build.stderr).toBe('Built 3 bulletins for 1 advisory in <time> s -> dist/\n');
    expect(build.status).toBe(0);

    const files = readdirSync(path.join(project.dir, 'dist'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const withTabs = files.map((e) => path.relative(path.join(project.dir, 'dist'), path.join(e.parentPath, e.name))).filter((f) => read(f).includes('\t'));
    expect(withTabs).toEqual([]);

    // A code block's columns: "Route" and "12" up to column 8, "日本" (4 columns wide) too.
    const table = ['Route   First   Last', '12      05:00   23:00'];
    const wide = ['日本    x', 'ab      c'];
    expect(read('tt.md')).toContain(['```text', ...table, '```', '', '```text', ...wide, '```'].join('\n'));
    expect(read('tt.txt')).toContain([...table, '', ...wide].map((l) => (l ? `    ${l}` : '')).join('\n'));
    expect(read('tt.html')).toContain(`<pre><code>${table.join('\n')}\n</code></pre>\n<pre><code>${wide.join('\n')}\n</code></pre>`);

    // Elsewhere, a space: in running text, a code span, and every one-line field.
    for (const line of ['Crime is high in `Port of Spain`.', '- Keep valuables out of sight.', '- **North Coast**: Level 3 of 4: Reconsider Travel. Avoid the beaches.', '### Embassy of France', '- Address: 1 Rue X, Port of Spain', '- Hours: 9:00 17:00']) {
      expect(read('tt.md')).toContain(`\n${line}\n`);
    }
    for (const line of ['Crime is high in Port of Spain.', '- Keep valuables out of sight.', 'Embassy of France', '  Address: 1 Rue X, Port of Spain', '  Hours: 9:00 17:00']) {
      expect(read('tt.txt')).toContain(`\n${line}\n`);
    }
    for (const html of ['Crime is high in <code>Port of Spain</code>.', '<strong>North Coast</strong>', 'Avoid the beaches.', '<strong>Embassy of France</strong>', '<bdi>1 Rue X, Port of Spain</bdi>', '<dd>9:00 17:00</dd>']) {
      expect(read('tt.html')).toContain(html);
    }
    const cap = read('cap/tt.xml');
    expect(cap).toContain('<description>Crime is high in Port of Spain.</description>');
    expect(cap).toContain('<contact>Embassy of France, +1 868 000 0000, 1 Rue X, Port of Spain, 9:00 17:00</contact>');
    expect(cap).toContain('<area><areaDesc>North Coast, Trinidad and Tobago: 3 (Reconsider Travel)</areaDesc></area>');
    expect(JSON.parse(read('feed.json')).items[0].content_html).toBe('Crime is high in <code>Port of Spain</code>.');

    // Open data: one-line fields as published; Markdown fields as written, for a reader's own renderer.
    const data = JSON.parse(read('advisories.json')).advisories[0];
    expect(data.contacts[0]).toEqual({ name: 'Embassy of France', phone: '+1 868 000 0000', address: '1 Rue X, Port of Spain', hours: '9:00 17:00' });
    expect(data.regions[0].name).toBe('North Coast');
    expect(data.summary).toBe('Crime is high\tin `Port\tof Spain`.');
    expect(data.body).toContain('\tRoute\tFirst\tLast\n');
  });
});
