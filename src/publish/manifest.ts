/**
 * dist/manifest.json: every file with its size and SHA-256, and what each
 * advisory said. It is how the tool recognises a folder as its own output.
 */
import { createHash } from 'node:crypto';
import type { AdvisoryDigest, RegionLevel } from '../advisory/types.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_GENERATOR = 'advisory';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  generator: typeof MANIFEST_GENERATOR;
  version: string;
  files: ManifestEntry[];
  /** Each advisory's version and the levels it publishes: what the next build compares with (republished-level). */
  advisories: Array<{ code: string; level: number; updated: string; regions: RegionLevel[] }>;
}

export function manifestEntry(path: string, content: string | Uint8Array): ManifestEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function buildManifest(version: string, files: readonly ManifestEntry[], advisories: readonly AdvisoryDigest[]): Manifest {
  return {
    generator: MANIFEST_GENERATOR,
    version,
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    advisories: [...advisories]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((a) => ({ code: a.code, level: a.level, updated: a.updated, regions: a.regions })),
  };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest in `text` when it is one of ours (our generator, a list of files with paths), else null. */
export function parseOwnManifest(text: string): Manifest | null {
  try {
    const parsed = JSON.parse(text) as Partial<Manifest> | null;
    const ours = parsed?.generator === MANIFEST_GENERATOR && Array.isArray(parsed.files) && parsed.files.every((f) => typeof f?.path === 'string');
    return ours ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}
