/** removeTree: how a retired output folder or a thrown-away staging folder is removed. On the real file system. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTree } from '../../src/publish/remove-tree.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'advisory-remove-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('removeTree', () => {
  it('removes a folder with files and folders in it, at any depth', () => {
    const dir = path.join(root, 'dist');
    mkdirSync(path.join(dir, 'fr', 'alerts', 'deep'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), 'a');
    writeFileSync(path.join(dir, 'fr', 'ml.html'), 'b');
    writeFileSync(path.join(dir, 'fr', 'alerts', 'deep', 'ml.xml'), 'c');
    mkdirSync(path.join(dir, 'empty'));
    removeTree(dir);
    expect(readdirSync(root)).toEqual([]);
  });

  it('removes a symbolic link without following it: what it points to stays', () => {
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'kept');
    const dir = path.join(root, 'dist');
    mkdirSync(dir);
    symlinkSync(outside, path.join(dir, 'link-to-folder'));
    symlinkSync(path.join(outside, 'keep.txt'), path.join(dir, 'link-to-file'));
    removeTree(dir);
    expect(existsSync(dir)).toBe(false);
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('does nothing when the folder is not there', () => {
    removeTree(path.join(root, 'missing'));
    expect(readdirSync(root)).toEqual([]);
  });
});
