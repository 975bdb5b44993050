/**
 * Builds the project's sample advisories (or a fixture) with the real binary
 * into a temporary folder, for the tests that check the published pages.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, type YAMLMap } from 'yaml';
import { ROOT, runCli, tempProject } from './run-cli.js';

export interface BuiltSite {
  /** The project folder (advisories, config) the build ran in. */
  dir: string;
  /** Its output folder. */
  out: string;
  cleanup: () => void;
}

/** Copies the sample (advisories/ and advisory.config.yaml), then lets `prepare` change it, then builds. */
export function buildProject(args: readonly string[] = [], prepare?: (dir: string) => void): BuiltSite {
  const { dir, cleanup } = tempProject();
  cpSync(path.join(ROOT, 'advisories'), path.join(dir, 'advisories'), { recursive: true });
  cpSync(path.join(ROOT, 'advisory.config.yaml'), path.join(dir, 'advisory.config.yaml'));
  prepare?.(dir);
  const result = runCli(['build', '--out', 'dist', ...args], { cwd: dir });
  if (result.status !== 0) {
    cleanup();
    throw new Error(`advisory build failed (${result.status}):\n${result.stderr}`);
  }
  return { dir, out: path.join(dir, 'dist'), cleanup };
}

/** Every file of an output folder with this extension, relative to it, sorted. */
export function outputFiles(out: string, ext: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(`.${ext}`))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

export function readOutput(out: string, file: string): string {
  return readFileSync(path.join(out, file), 'utf8');
}

/**
 * A `buildProject` step that publishes in more languages. Each further
 * language gets a label catalogue copied from English unless the built-in
 * templates already have one: these tests need the pages (language links,
 * `lang`), not the translated words.
 */
export function inLanguages(languages: readonly string[]): (dir: string) => void {
  return (dir) => {
    const labels = path.join(dir, 'templates/labels');
    mkdirSync(labels, { recursive: true });
    for (const lang of languages.slice(1)) {
      if (!existsSync(path.join(ROOT, `templates/labels/${lang}.yaml`))) copyFileSync(path.join(ROOT, 'templates/labels/en.yaml'), path.join(labels, `${lang}.yaml`));
    }
    const config = parseDocument(readFileSync(path.join(dir, 'advisory.config.yaml'), 'utf8'));
    config.set('languages', [...languages]);
    config.set('templates', 'templates');
    // The issuer's translations may name only configured languages.
    const translated = config.get('translations') as YAMLMap<string> | undefined;
    for (const pair of [...(translated?.items ?? [])]) if (!languages.includes(String(pair.key))) translated!.delete(pair.key);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), config.toString());
  };
}
