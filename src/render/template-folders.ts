/**
 * Where templates and label catalogues are, without loading the template
 * engine: `validate` checks that every configured language has a catalogue,
 * as `build` needs, and stays light.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A label catalogue's path in a templates folder, capturing its language tag. */
export const LABELS_FILE = /^labels\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.ya?ml$/;

/** Languages with a label catalogue among the built-in templates or in `dirs` (a folder that does not exist has none). */
export function catalogueLanguages(dirs: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const dir of [DEFAULT_TEMPLATES_DIR, ...dirs]) {
    let names: string[];
    try {
      names = readdirSync(path.join(dir, 'labels'));
    } catch {
      continue;
    }
    for (const name of names) {
      const lang = LABELS_FILE.exec(`labels/${name}`)?.[1];
      if (lang) found.add(lang);
    }
  }
  return found;
}
