/**
 * Preloaded into every benchmarked process (NODE_OPTIONS=--import=<this file>)
 * so that each one, the baseline `node -e 0` included, pays the same preload
 * and reports what it used.
 *
 * On exit, writes to the file named by BENCH_USAGE_FILE, as one line of JSON,
 * process.resourceUsage()'s peak RSS (KiB) and user and system CPU time (µs):
 * all process-wide, so worker threads and V8's own threads count too. CPU time
 * says what wall time cannot on a 2-core machine: whether a second thread
 * did work the first would otherwise have done, or only added work.
 * The variable is removed at once, so child processes and workers, which
 * inherit the preload, never overwrite the figures of the process the runner started.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
delete process.env.BENCH_USAGE_FILE;

if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, `${JSON.stringify({ maxRSS, userCPUTime, systemCPUTime })}\n`);
  });
}
