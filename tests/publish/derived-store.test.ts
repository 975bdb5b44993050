/**
 * DerivedStore: text kept between builds (compiled templates, run as code), trusted
 * only while it is the very file the tool wrote. On the real file system, whose
 * change times no test can set.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DerivedStore } from '../../src/derived-store.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'advisory-derived-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** Long enough for any file system's time stamps to move on (ext4 uses the kernel's tick, a few milliseconds). */
function letTimePass(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}

/** What a first build leaves: A and B stored, and recorded. */
function firstBuild(folder = path.join(root, 'store')): string {
  const store = new DerivedStore(folder);
  store.put(A, 'compiled A');
  store.put(B, 'compiled B');
  store.save();
  return folder;
}

describe('DerivedStore', () => {
  it('gives a later build the text an earlier one stored', () => {
    const folder = firstBuild();
    const later = new DerivedStore(folder);
    expect(later.get(A)).toBe('compiled A');
    expect(later.get(B)).toBe('compiled B');
    expect(later.get('c'.repeat(64))).toBeUndefined();
  });

  it('does not trust a file changed after it was written, even to the same length', () => {
    const folder = firstBuild();
    letTimePass();
    writeFileSync(path.join(folder, A), 'tampered!!');
    expect(new DerivedStore(folder).get(A)).toBeUndefined();
    const later = new DerivedStore(folder);
    expect(later.get(B)).toBe('compiled B');
    // Asked for and not trusted: removed when the build ends, unless it stores the text again.
    expect(later.get(A)).toBeUndefined();
    later.save();
    expect(readdirSync(folder).sort()).toEqual([B, 'index.json']);
  });

  it('does not trust a store copied or restored from elsewhere, time stamps and index included', () => {
    const folder = firstBuild();
    letTimePass();
    const copy = path.join(root, 'restored');
    cpSync(folder, copy, { recursive: true, preserveTimestamps: true });
    expect(readFileSync(path.join(copy, A), 'utf8')).toBe('compiled A');
    const restored = new DerivedStore(copy);
    expect(restored.get(A)).toBeUndefined();
    expect(restored.get(B)).toBeUndefined();
  });

  it('trusts nothing when its index is missing or unreadable', () => {
    const folder = firstBuild();
    writeFileSync(path.join(folder, 'index.json'), '{not json');
    expect(new DerivedStore(folder).get(A)).toBeUndefined();
    rmSync(path.join(folder, 'index.json'));
    expect(new DerivedStore(folder).get(A)).toBeUndefined();
  });

  it('keeps only what the last build asked for or stored', () => {
    const folder = firstBuild();
    const later = new DerivedStore(folder);
    expect(later.get(A)).toBe('compiled A');
    later.save();
    expect(readdirSync(folder).sort()).toEqual([A, 'index.json']);
    expect(new DerivedStore(folder).get(A)).toBe('compiled A');
  });

  it('refuses a key that is not a SHA-256, so no key can name a file outside its folder', () => {
    const store = new DerivedStore(path.join(root, 'store'));
    expect(() => store.put('../escape', 'x')).toThrow('internal: derived-store key "../escape" is not a SHA-256');
    expect(readdirSync(root)).toEqual(['store']);
  });
});
