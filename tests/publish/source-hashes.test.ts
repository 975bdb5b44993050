/**
 * SourceHashes: a source's SHA-256 remembered by its identity on disk, so a
 * rebuild need not read it. Never trusted for a file written since: on the
 * real file system, whose change times no test can set.
 */
import { lstatSync, mkdtempSync, rmSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rememberable, SourceHashes } from '../../src/publish/source-hashes.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'advisory-hashes-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Long enough for any file system's time stamps to move on (ext4 uses the kernel's tick, a few milliseconds). */
function letTimePass(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}

describe('rememberable', () => {
  it('takes a file changed before the stamp, never one changed at or after it, nor a folder', () => {
    const file = path.join(root, 'ml.yaml');
    writeFileSync(file, 'country: Mali\n');
    const stat = lstatSync(file, { bigint: true });
    expect(rememberable(stat, stat.ctimeNs + 1n)).toBe(true);
    expect(rememberable(stat, stat.ctimeNs)).toBe(false);
    expect(rememberable(stat, stat.ctimeNs - 1n)).toBe(false);
    const folder = lstatSync(root, { bigint: true });
    expect(rememberable(folder, folder.ctimeNs + 1n)).toBe(false);
  });
});

describe('SourceHashes', () => {
  const source = () => path.join(root, 'ml.yaml');
  const write = (text: string) => {
    writeFileSync(source(), text);
    return lstatSync(source(), { bigint: true });
  };
  /** A build that read the file as `stat` shows it, after time has moved on, and remembered its hash. */
  const rememberedBuild = (stat: BigIntStats) => {
    letTimePass();
    const hashes = SourceHashes.open(root);
    hashes.remember(source(), stat, 'sha-of-level-4');
    hashes.save();
  };

  it('knows a file read before its stamp, in the next build, while the file is unchanged', () => {
    const stat = write('level: 4\n');
    rememberedBuild(stat);
    const next = SourceHashes.open(root);
    expect(next.hashOf(source())).toBe('sha-of-level-4');
    expect(next.hashOf(path.join(root, 'other.yaml'))).toBeUndefined();
  });

  it('does not know a file rewritten with the same size and modification time', () => {
    // Time stamps as a checkout or a copy preserving times would leave them.
    const then = new Date('2026-11-01T08:00:00Z');
    write('level: 4\n');
    utimesSync(source(), then, then);
    const stat = lstatSync(source(), { bigint: true });
    rememberedBuild(stat);
    expect(SourceHashes.open(root).hashOf(source())).toBe('sha-of-level-4');
    letTimePass();
    // Same length, same modification time: only the change time tells.
    write('level: 3\n');
    utimesSync(source(), then, then);
    expect(lstatSync(source(), { bigint: true }).mtimeNs).toBe(stat.mtimeNs);
    expect(lstatSync(source(), { bigint: true }).size).toBe(stat.size);
    expect(SourceHashes.open(root).hashOf(source())).toBeUndefined();
  });

  it('does not remember a file changed after the stamp was written: it is read again next time', () => {
    const hashes = SourceHashes.open(root);
    const stat = write('level: 4\n');
    hashes.remember(source(), stat, 'sha-of-level-4');
    hashes.save();
    expect(SourceHashes.open(root).hashOf(source())).toBeUndefined();
  });

  it('keeps only what a build used, so removed files drop out', () => {
    const stat = write('level: 4\n');
    rememberedBuild(stat);
    SourceHashes.open(root).save();
    expect(SourceHashes.open(root).hashOf(source())).toBeUndefined();
  });

  it('starts afresh from a damaged record', () => {
    writeFileSync(path.join(root, 'sources.json'), '{"not json');
    write('level: 4\n');
    expect(SourceHashes.open(root).hashOf(source())).toBeUndefined();
    writeFileSync(path.join(root, 'sources.json'), JSON.stringify({ [source()]: 'not a record' }));
    expect(SourceHashes.open(root).hashOf(source())).toBeUndefined();
  });
});
