/**
 * Preloaded into every benchmarked process (NODE_OPTIONS=--import=<this file>)
 * so that each one, the baseline `node -e 0` included, pays the same preload
 * and reports its own peak memory.
 *
 * On exit, writes process.resourceUsage().maxRSS (KiB; process-wide, so worker
 * threads count too) to the file named by BENCH_RSS_FILE. The variable is
 * removed at once, so child processes and workers, which inherit the
 * preload, never overwrite the figure of the process the runner started.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
delete process.env.BENCH_RSS_FILE;

if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
