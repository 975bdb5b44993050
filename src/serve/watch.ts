/**
 * Watching a project for `advisory serve` and `advisory build --watch`: the
 * advisory folders and files, the template folders and the config file. An
 * editor's save is often several events (write, rename, chmod), so changes are
 * gathered for a short while and then rebuilt once; a change that arrives
 * during a rebuild starts one more rebuild after it, never two at once.
 */
import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Long enough to gather one save's events, short enough to feel immediate. */
export const DEBOUNCE_MS = 80;

/** Files whose change can change the output: advisories, config and label catalogues, templates. */
const RELEVANT = /\.(ya?ml|hbs)$/i;

export interface WatchTarget {
  /** Absolute path of a folder (watched with everything under it) or of one file. */
  path: string;
  kind: 'folder' | 'file';
}

export interface Watcher {
  /** Watch these targets instead of the current ones (the config may have named another templates folder). Ignored once closed. */
  update(targets: readonly WatchTarget[]): void;
  close(): void;
}

interface Closable {
  close(): void;
}

/** One folder's entries, non-recursively; calls `seen` with each entry's name (null when the platform gives none). */
function watchFolder(folder: string, seen: (name: string | null) => void, onEnd: () => void): FSWatcher | null {
  try {
    const watcher = watch(folder, { persistent: true }, (_event, filename) => seen(filename === null ? null : String(filename)));
    // A watched folder that is deleted ends its watcher.
    watcher.on('error', () => {
      watcher.close();
      onEnd();
    });
    return watcher;
  } catch {
    return null;
  }
}

function isFolder(file: string): boolean {
  try {
    return lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `root` and every folder under it, each watched on its own. Node's recursive
 * watch on Linux loses a file for good once an editor, `sed -i` or `git
 * checkout` replaces it by renaming a new file over it (seen on Node 20 and 24):
 * later saves of that file went unseen, and the preview kept an old level as if
 * it were current. A folder's own watch reports every entry by name, replaced
 * or not. Folders made or moved in are watched as they appear.
 */
function watchTree(root: string, onChange: (changed: string) => void): Closable {
  const folders = new Map<string, FSWatcher>();
  const drop = (folder: string) => {
    for (const [watched, watcher] of folders) {
      if (watched === folder || watched.startsWith(`${folder}${path.sep}`)) {
        watcher.close();
        folders.delete(watched);
      }
    }
  };
  const add = (folder: string) => {
    if (folders.has(folder)) return;
    const watcher = watchFolder(folder, (name) => seen(folder, name), () => drop(folder));
    if (!watcher) return;
    folders.set(folder, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // Gone already: its parent's watch reports that.
    }
    for (const entry of entries) if (entry.isDirectory()) add(path.join(folder, entry.name));
  };
  const seen = (folder: string, name: string | null) => {
    if (name === null) return onChange(folder);
    const changed = path.join(folder, name);
    if (folders.has(changed) || isFolder(changed)) {
      // A folder made, moved in, moved out or deleted: watch what is there now.
      drop(changed);
      if (isFolder(changed)) add(changed);
      return onChange(changed);
    }
    if (RELEVANT.test(name)) onChange(changed);
  };
  add(root);
  return { close: () => drop(root) };
}

/**
 * Calls `onChange` with the absolute path of each relevant change. A file is
 * watched through its folder, because editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself. A
 * folder is watched through its parent too, so that one moved away and back,
 * or made after the start, is watched again.
 */
export function watchTargets(onChange: (changed: string) => void): Watcher {
  const active = new Map<string, Closable>();
  let closed = false;
  const keyOf = (t: WatchTarget) => `${t.kind}:${t.path}`;
  const open = (target: WatchTarget): Closable | null => {
    const parent = path.dirname(target.path);
    const name = path.basename(target.path);
    if (target.kind === 'file') return watchFolder(parent, (entry) => entry === name && onChange(target.path), () => {});
    let tree = watchTree(target.path, onChange);
    const above = watchFolder(
      parent,
      (entry) => {
        if (entry !== name) return;
        tree.close();
        tree = watchTree(target.path, onChange);
        onChange(target.path);
      },
      () => {},
    );
    // Neither the folder nor its parent can be watched (not made yet): the next update tries again.
    if (!above && !isFolder(target.path)) return null;
    return { close: () => (tree.close(), above?.close()) };
  };
  return {
    update(targets) {
      if (closed) return;
      const wanted = new Map(targets.map((t) => [keyOf(t), t]));
      for (const [key, watcher] of active) {
        if (!wanted.has(key)) {
          watcher.close();
          active.delete(key);
        }
      }
      for (const [key, target] of wanted) {
        if (active.has(key)) continue;
        const watcher = open(target);
        if (watcher) active.set(key, watcher);
      }
    },
    close() {
      closed = true;
      for (const watcher of active.values()) watcher.close();
      active.clear();
    },
  };
}

export interface Rebuilder {
  /** Something changed: rebuild soon. */
  trigger(): void;
  /** Stop scheduling and wait for a rebuild that is running to finish. */
  close(): Promise<void>;
}

/**
 * Runs `rebuild` once per burst of triggers, `delay` ms after the last, one at a time.
 * `rebuild` reports its own problems and must not reject.
 */
export function debouncedRebuilder(rebuild: () => Promise<void>, delay = DEBOUNCE_MS): Rebuilder {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const start = () => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = null;
      if (again && !closed) {
        again = false;
        start();
      }
    });
  };
  return {
    trigger() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(start, delay);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
