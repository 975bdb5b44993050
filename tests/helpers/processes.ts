/** Process ids for tests of what builds leave behind them. */
import { spawnSync } from 'node:child_process';

/** The id of a process that has ended: what a killed build's leftovers and lock are named with. */
export function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}
