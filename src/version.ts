/** The tool's version, read from package.json so there is one place to change it. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version: string;
  dependencies?: Record<string, string>;
}

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

export const VERSION: string = PACKAGE.version;

let identity: string | undefined;

/**
 * What the build cache keys the tool itself by: its version, a hash of its
 * compiled code, and the versions of the libraries it runs. The version alone
 * is not enough: a checkout of the repository (`npm install && npm start`)
 * changes its code between pulls while package.json keeps 0.1.0, and a cache
 * keyed by the version would go on publishing bulletins rendered, and skipping
 * checks made, by the code before the pull. Hashing about 1 MB of code takes
 * a few milliseconds, once per thread, and only where the cache is used.
 */
export function toolIdentity(): string {
  if (identity === undefined) {
    const hash = createHash('sha256').update(`${VERSION}\0`);
    const code = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(code, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .sort();
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(code, file)));
    for (const name of Object.keys(PACKAGE.dependencies ?? {}).sort()) hash.update(`\0${name}@${installedVersion(name)}`);
    identity = hash.digest('hex');
  }
  return identity;
}

/** The version of a library as installed where this tool resolves it from; "?" when it cannot be told. */
function installedVersion(name: string): string {
  try {
    let folder = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      const manifest = path.join(folder, 'package.json');
      if (existsSync(manifest)) {
        const found = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
        if (found.name === name) return found.version;
      }
      const parent = path.dirname(folder);
      if (parent === folder) return '?';
      folder = parent;
    }
  } catch {
    return '?';
  }
}
