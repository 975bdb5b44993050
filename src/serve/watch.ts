/**
 * Watching a project for `advisory serve` and `advisory build --watch`: the
 * advisory folders and files, the template folders and the config file. An
 * editor's save is often several events (write, rename, chmod), so changes are
 * gathered for a short while and then rebuilt once; a change that arrives
 * during a rebuild starts one more rebuild after it, never two at once.
 */
import { watch, type FSWatcher } from 'node:fs';
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

/**
 * Calls `onChange` with the absolute path of each relevant change. A file is
 * watched through its folder, because editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself.
 * A target that does not exist (yet) is skipped: there is nothing to watch.
 */
export function watchTargets(onChange: (changed: string) => void): Watcher {
  const active = new Map<string, FSWatcher>();
  let closed = false;
  const keyOf = (t: WatchTarget) => `${t.kind}:${t.path}`;
  const open = (target: WatchTarget): FSWatcher | null => {
    const folder = target.kind === 'folder' ? target.path : path.dirname(target.path);
    const name = target.kind === 'file' ? path.basename(target.path) : null;
    try {
      const watcher = watch(folder, { recursive: target.kind === 'folder', persistent: true }, (_event, filename) => {
        const relative = filename === null ? '' : String(filename);
        if (name !== null ? relative === name : RELEVANT.test(relative)) onChange(path.join(folder, relative));
      });
      // A watched folder that is deleted ends its watcher; there is nothing left to report.
      watcher.on('error', () => watcher.close());
      return watcher;
    } catch {
      return null;
    }
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
