/**
 * A translation corrected after the original: its readers have a newer version than the
 * original's, and every output in that language says so alike (bulletins, index, feeds),
 * while the original's language keeps its own date. Through the real build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PUBLISH_FIXTURE } from '../helpers/published.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

let project: { dir: string; cleanup: () => void };
const read = (file: string) => readFileSync(path.join(project.dir, 'dist', file), 'utf8');

beforeAll(() => {
  project = tempProject(PUBLISH_FIXTURE);
  const file = path.join(project.dir, 'advisories/ml.yaml');
  const text = readFileSync(file, 'utf8');
  const corrected = text.replace('  fr:\n    updated: 2025-07-02\n', '  fr:\n    updated: 2025-07-10\n');
  expect(corrected).not.toBe(text);
  writeFileSync(file, corrected);
  const result = runCli(['build'], { cwd: project.dir });
  expect(result.status, result.stderr).toBe(0);
});
afterAll(() => project.cleanup());

it('dates the bulletins and the index of the corrected language by the correction, as its feed does', () => {
  const corrected = '<time datetime="2025-07-10">10 juillet 2025</time>';
  expect(read('fr/ml.html')).toContain(`<li>Mis à jour le\u00a0: ${corrected}</li>`);
  expect(read('fr/ml.txt')).toContain('Mis à jour le\u00a0: 10 juillet 2025\n');
  expect(read('fr/ml.md')).toContain('Mis à jour le\u00a0: 10 juillet 2025 ·');
  expect(read('fr/index.html')).toContain(`<td class="updated" data-label="Mis à jour\u00a0: ">${corrected}</td>`);
  expect(read('fr/feed.json')).toContain('"date_modified": "2025-07-10T00:00:00Z"');
  // The original's readers have the original's version.
  expect(read('ml.html')).toContain('<li>Updated: <time datetime="2025-07-02">July 2, 2025</time></li>');
  expect(read('ml.txt')).toContain('Updated: July 2, 2025\n');
});
