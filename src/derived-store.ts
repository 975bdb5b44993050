/**
 * Text derived from sources and kept between builds, named by a hash of what
 * it was derived from, which a rebuild would otherwise derive again with
 * code not yet optimised by V8: compiled templates (0.13 s of a 1.4 s
 * rebuild), parsed label catalogues (0.06 s), measured text widths (0.04 s).
 * Only a build's main thread keeps them; they are part of the build cache.
 *
 * A later build runs what it reads from here as code, so a file is trusted
 * only while it is the very file this tool wrote: its inode, size and change
 * time (nanoseconds) are recorded in the store's index when it is written. A
 * change time is set by the system whenever a file is written or restored,
 * and no tool can set it back, so a store restored from elsewhere (a CI
 * cache, a copy, an archive) or a file changed in place is not trusted, and
 * the text is derived again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INDEX = 'index.json';

interface Written {
  ino: string;
  size: string;
  ctimeNs: string;
}

function identity(file: string): Written | undefined {
  try {
    const info = lstatSync(file, { bigint: true });
    return info.isFile() ? { ino: String(info.ino), size: String(info.size), ctimeNs: String(info.ctimeNs) } : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: Written | undefined, b: Written | undefined) => a !== undefined && b !== undefined && a.ino === b.ino && a.size === b.size && a.ctimeNs === b.ctimeNs;

/** Replaced, never written through: a reader never sees half a file. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** The key of text derived from `parts` (what it depends on) and, when given, the source's bytes. */
export function derivedKey(parts: readonly unknown[], bytes?: Uint8Array): string {
  const hash = createHash('sha256').update(JSON.stringify(parts));
  if (bytes) hash.update(bytes);
  return hash.digest('hex');
}

export class DerivedStore {
  private readonly index: Record<string, Written>;
  /** The keys asked for or stored by this build: what the sources are now. */
  private readonly current = new Set<string>();
  private readonly storers: Array<() => void> = [];

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    let index: Record<string, Written> = {};
    try {
      index = JSON.parse(readFileSync(path.join(folder, INDEX), 'utf8')) as Record<string, Written>;
    } catch {
      // No index yet, or an unreadable one: nothing is trusted.
    }
    this.index = index;
  }

  /** The text stored under `key`, when it is the file this tool wrote; undefined otherwise. */
  get(key: string): string | undefined {
    this.current.add(key);
    const file = this.file(key);
    const recorded = Object.hasOwn(this.index, key) ? this.index[key] : undefined;
    // Checked again after reading: a file replaced meanwhile has another inode or change time.
    const text = same(recorded, identity(file)) ? readFileSync(file, 'utf8') : undefined;
    if (text !== undefined && same(recorded, identity(file))) return text;
    // Forgotten, so that `save` removes the file unless this build stores the text again.
    delete this.index[key];
    return undefined;
  }

  /** `get`, parsed as JSON; undefined also when the text no longer parses (damaged on disk), so that it is derived again. */
  getJson<T>(key: string): T | undefined {
    const text = this.get(key);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  }

  put(key: string, text: string): void {
    const file = this.file(key);
    writeWhole(file, text);
    this.current.add(key);
    const written = identity(file);
    if (written) this.index[key] = written;
  }

  /** `store` runs when the build ends, before the store is saved: for text learned during the build. */
  beforeSave(store: () => void): void {
    this.storers.push(store);
  }

  /**
   * Records what was written, keeping only what this build asked for or
   * stored: text derived from sources since changed is removed.
   */
  save(): void {
    for (const store of this.storers) store();
    const keep: Record<string, Written> = {};
    for (const key of [...this.current].sort()) if (Object.hasOwn(this.index, key)) keep[key] = this.index[key]!;
    writeWhole(path.join(this.folder, INDEX), JSON.stringify(keep));
    for (const name of readdirSync(this.folder)) if (name !== INDEX && !Object.hasOwn(keep, name)) rmSync(path.join(this.folder, name), { force: true });
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`internal: derived-store key ${JSON.stringify(key)} is not a SHA-256`);
    return path.join(this.folder, key);
  }
}
