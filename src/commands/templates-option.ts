import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Io } from '../report/logger.js';

/** Template folders to lay over the defaults: the config's, then --templates (which wins). */
export function templateDirs(io: Io, config: Config, flag: string | undefined): string[] {
  const dirs: string[] = [];
  if (config.templates) dirs.push(config.templates);
  if (flag) dirs.push(path.resolve(io.cwd, flag));
  return dirs;
}
