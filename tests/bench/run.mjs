/**
 * The benchmark runner (issue 7): generates projects, runs every scenario as
 * a whole process several times, and reports the median wall time and the
 * peak RSS as Markdown, on stdout and in tests/bench/results/<name>.md.
 * `node tests/bench/run.mjs --help` lists the options.
 *
 * Whole processes, because start-up, module loading and exit are part of what
 * an officer or a CI job waits for. Every process, the `node -e 0` baseline
 * included, runs with the same preload (report-rss.mjs) and the same
 * SOURCE_DATE_EPOCH, so the comparisons are like for like.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COUNTRY_CODES, LANGUAGES, REPO, SOURCE_DATE_EPOCH, generateProject, isGenerated, languagesFor, writeAdvisory } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(REPO, 'bin', 'advisory.js');
const REFERENCE = path.join(HERE, 'reference.mjs');
/** A file URL rather than a path: NODE_OPTIONS splits on spaces, and a URL has none. */
const PRELOAD = pathToFileURL(path.join(HERE, 'report-usage.mjs')).href;
const RESULTS = path.join(HERE, 'results');
/** The advisory the rebuild scenario changes. */
const REBUILD_CODE = 'ML';

const HELP = `Usage: node tests/bench/run.mjs [options]

Generates benchmark projects (249 advisories, one per ISO 3166-1 code, in L
languages), times whole processes and reports median wall time, median CPU
time (user + system, every thread) and peak RSS.

Options:
  --sizes L,L,...  language counts to benchmark (1..${LANGUAGES.length}; default 1,16)
  --runs N         runs per scenario; the median is reported (default 5)
  --quick          2 runs, all scenarios for the smallest size only, plus one
                   build of the largest (an explicit --runs still wins)
  --work DIR       where projects and outputs go; kept, and projects already
                   generated there for the same L are reused (default: a new
                   temporary folder, removed at the end)
  --name NAME      report file: tests/bench/results/NAME.md (default latest)
  -h, --help       show this help

Scenarios (each process with SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH}):
  node -e 0, advisory --version, advisory --help;
  per size: build (cold: output folder and .advisory-cache moved aside first,
  deleted when the benchmark ends),
  the reference renderer (reference.mjs), advisory validate;
  largest size: rebuild after changing one advisory (warm output and cache).
Runs go in rounds, every scenario once per round, so that a drift in the
machine's speed touches every scenario alike.

Compile the tool first: npx tsc -p .`;

/* ------------------------------------------------------------------ options */

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1,16' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      work: { type: 'string' },
      name: { type: 'string', default: 'latest' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const sizes = [...new Set(values.sizes.split(',').map(Number))].sort((a, b) => a - b);
  sizes.forEach((L) => languagesFor(L)); // throws for a size the generator cannot make
  const runs = values.runs === undefined ? (values.quick ? 2 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number from 1, found ${values.runs}`);
  if (!/^[\w.-]+$/.test(values.name)) throw new Error(`--name must be a plain file name, found ${values.name}`);
  return { ...values, sizes, runs };
}

/* ------------------------------------------------------------------ measuring one process */

/**
 * Runs `node <args>` in `cwd` and resolves with its wall time (s, spawn to
 * exit), its CPU time (s, user + system) and peak RSS (KiB), both from the
 * preload, and its stderr. A failure, or missing figures, rejects with the
 * stderr: a benchmark of a broken build means nothing.
 */
function measure(args, cwd, usageFile) {
  rmSync(usageFile, { force: true });
  const env = { ...process.env, SOURCE_DATE_EPOCH, NO_COLOR: '1', NODE_OPTIONS: `--import=${PRELOAD}`, BENCH_USAGE_FILE: usageFile };
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let ended;
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('exit', () => {
      ended = process.hrtime.bigint();
    });
    child.on('close', (code, signal) => {
      const text = Buffer.concat(stderr).toString('utf8');
      const command = `node ${args.join(' ')} (in ${cwd})`;
      if (code !== 0) return reject(new Error(`${command} failed with ${signal ?? `exit code ${code}`}:\n${text}`));
      if (!existsSync(usageFile)) return reject(new Error(`${command} did not report its RSS and CPU time: was the preload ${PRELOAD} loaded?\n${text}`));
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      resolve({ seconds: Number(ended - started) / 1e9, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssKiB: usage.maxRSS, stderr: text });
    });
  });
}

/**
 * Times one run of a scenario into `into` (its times and peak RSS so far).
 * `before(run)` prepares the run untimed (cold or warm state); `after(run)`
 * undoes it, even when the run fails; `check()` confirms what the run wrote.
 */
async function runOnce(scenario, run, runs, into, usageFile) {
  await scenario.before?.(run);
  try {
    const result = await measure(scenario.args, scenario.cwd, usageFile);
    scenario.check?.();
    into.seconds.push(result.seconds);
    into.cpuSeconds.push(result.cpuSeconds);
    into.peakKiB = Math.max(into.peakKiB, result.rssKiB);
    process.stderr.write(`  ${scenario.label}: run ${run + 1}/${runs} ${result.seconds.toFixed(3)} s (CPU ${result.cpuSeconds.toFixed(3)} s), ${(result.rssKiB / 1024).toFixed(1)} MB\n`);
  } finally {
    await scenario.after?.(run);
  }
}

/**
 * Runs the plan in rounds, each scenario once per round, rather than all runs
 * of one scenario and then the next: on a shared machine whose speed drifts
 * by tens of per cent over minutes, a target's two sides (node -e 0 and
 * --help, the reference and the build) then meet the same drift, and their
 * ratio means more than either figure.
 */
async function runRounds(steps, usageFile) {
  const results = steps.map(({ scenario }) => ({ ...scenario, seconds: [], cpuSeconds: [], peakKiB: 0 }));
  const rounds = Math.max(...steps.map((step) => step.runs));
  for (let run = 0; run < rounds; run++) {
    for (const [i, { scenario, runs }] of steps.entries()) if (run < runs) await runOnce(scenario, run, runs, results[i], usageFile);
  }
  return results;
}

/* ------------------------------------------------------------------ projects and scenarios */

function prepareProject(work, L) {
  const dir = path.join(work, `L${L}`);
  if (isGenerated(dir, L)) {
    process.stderr.write(`Reusing the L=${L} project in ${dir}\n`);
  } else {
    process.stderr.write(`Generating the L=${L} project in ${dir} ... `);
    const started = process.hrtime.bigint();
    generateProject(dir, { languages: L });
    process.stderr.write(`${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s\n`);
  }
  return { dir, L, languages: languagesFor(L), bulletins: COUNTRY_CODES.length * L, out: path.join(work, 'out', `L${L}`) };
}

/** Both the build and the reference write <code>.html per advisory, and <lang>/<code>.html for further languages. */
function checkBulletins(out, project) {
  const [primary, ...others] = project.languages;
  for (const lang of [primary, ...others]) {
    const dir = lang === primary ? out : path.join(out, lang);
    const html = readdirSync(dir).filter((f) => /^[a-z]{2}\.html$/.test(f)).length;
    if (html !== COUNTRY_CODES.length) throw new Error(`${dir} holds ${html} bulletin pages, expected ${COUNTRY_CODES.length}`);
  }
}

/** Where cold runs' previous output and cache go until the benchmark ends: see setAside. */
const setAsideFolder = (work) => path.join(work, '.set-aside');
let setAsideCount = 0;

/**
 * A cold run starts with no output folder and no cache. They are moved aside
 * here (a rename) and deleted when the benchmark ends, not deleted before the
 * run: on ext4 without a journal (the disk of the machine in the README), a
 * file made within a minute or so of many deletions near it skips the freed
 * inodes one by one, and deleting the previous run's 36,000 files just before
 * a cold build measured the file system instead of the build. Making an 8 KB
 * file took 20 µs in a quiet folder and 85 to 230 µs after such deletions;
 * cold 3984-bulletin builds took 9.75 to 10.4 s after a rename, 10.0 to 11.0 s
 * (1.5 s more system time) after a delete, alternating.
 */
function setAside(project, ...dirs) {
  const aside = setAsideFolder(path.dirname(project.dir));
  mkdirSync(aside, { recursive: true });
  for (const dir of dirs) if (existsSync(dir)) renameSync(dir, path.join(aside, String(++setAsideCount)));
}

/** The cold full build: no output folder, no cache. */
function buildScenario(project) {
  const out = path.join(project.out, 'build');
  return {
    id: `build@${project.L}`,
    label: `build (L=${project.L})`,
    bulletins: project.bulletins,
    args: [BIN, 'build', '--out', out],
    cwd: project.dir,
    before: () => setAside(project, out, path.join(project.dir, '.advisory-cache')),
    check: () => checkBulletins(out, project),
  };
}

function referenceScenario(project) {
  const out = path.join(project.out, 'reference');
  return {
    id: `reference@${project.L}`,
    label: `reference, html only (L=${project.L})`,
    bulletins: project.bulletins,
    args: [REFERENCE, out],
    cwd: project.dir,
    before: () => setAside(project, out),
    check: () => checkBulletins(out, project),
  };
}

/** --max-warnings 0: a generated project that stopped validating cleanly fails the benchmark instead of skewing it. */
function validateScenario(project) {
  return { id: `validate@${project.L}`, label: `validate (L=${project.L})`, bulletins: project.bulletins, args: [BIN, 'validate', '--max-warnings', '0'], cwd: project.dir };
}

/**
 * The edit-and-rebuild loop: before each timed build, an untimed full build
 * (warm output folder and cache), then one guidance item of one advisory
 * gains a sentence, different on each run so it is a real change. The
 * advisory is rewritten as generated afterwards.
 */
function rebuildScenario(project, usageFile) {
  const build = buildScenario(project);
  const restore = () => writeAdvisory(project.dir, REBUILD_CODE, project.languages);
  return {
    ...build,
    id: `rebuild@${project.L}`,
    label: `rebuild after changing one advisory (L=${project.L})`,
    before: async (run) => {
      restore();
      await measure(build.args, build.cwd, usageFile);
      writeAdvisory(project.dir, REBUILD_CODE, project.languages, { amend: `Check the latest advice again before travelling (revision ${run + 1}).` });
    },
    after: restore,
  };
}

const baseline = (id, label, args) => ({ id, label, args, cwd: REPO });

/** What to run, and how often: everything for every size, or the --quick subset. */
function plan(projects, { runs, quick }, usageFile) {
  const smallest = projects[0];
  const largest = projects[projects.length - 1];
  const full = quick ? [smallest] : projects;
  const steps = [
    baseline('node', 'node -e 0', ['-e', '0']),
    baseline('version', 'advisory --version', [BIN, '--version']),
    baseline('help', 'advisory --help', [BIN, '--help']),
  ].map((scenario) => ({ scenario, runs }));
  for (const project of full) {
    for (const scenario of [buildScenario(project), referenceScenario(project), validateScenario(project)]) steps.push({ scenario, runs });
  }
  if (quick && largest !== smallest) steps.push({ scenario: buildScenario(largest), runs: 1 });
  if (!quick) steps.push({ scenario: rebuildScenario(largest, usageFile), runs });
  return steps;
}

/* ------------------------------------------------------------------ report */

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const secs = (s) => (s < 1 ? s.toFixed(3) : s.toFixed(2));
const megabytes = (kib) => (kib / 1024).toFixed(1);

function commit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Files the probe below makes; about what a 249-bulletin build makes (bulletins and their cached copies). */
const PROBE_FILES = 2000;

/**
 * Microseconds to make one 8 KB file in `folder`, from PROBE_FILES of them in
 * 16 subfolders (as the build cache keeps its blobs). A build makes thousands
 * of files, and on one virtual disk this took 20 µs in some folders and 150
 * to 185 µs in others (ext4 places a new folder's files near its parent's),
 * enough to move a 249-bulletin build by a quarter of a second: the report
 * gives it so that two runs' figures can be told apart from the disk's.
 */
function fileCreationMicros(folder) {
  const probe = mkdtempSync(path.join(folder, '.bench-file-probe-'));
  const bytes = Buffer.alloc(8192, 0x61);
  try {
    for (let shard = 0; shard < 16; shard++) mkdirSync(path.join(probe, shard.toString(16)));
    const started = process.hrtime.bigint();
    for (let i = 0; i < PROBE_FILES; i++) writeFileSync(path.join(probe, (i % 16).toString(16), String(i)), bytes, { flag: 'wx' });
    return Number(process.hrtime.bigint() - started) / 1e3 / PROBE_FILES;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

function machine(loadAtStart, fileMicros) {
  const cpus = os.cpus();
  return [
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average ${loadAtStart.toFixed(2)} at start`,
    `- Node ${process.version}; commit ${commit()}`,
    `- Making a file (8 KB, ${PROBE_FILES} files) in the largest project's folder: ${fileMicros.start.toFixed(0)} µs at start, ${fileMicros.end.toFixed(0)} µs at the end`,
  ];
}

function resultsTable(results) {
  const rows = results.map((r) => {
    const range = `${secs(Math.min(...r.seconds))}–${secs(Math.max(...r.seconds))}`;
    return `| ${r.label} | ${secs(median(r.seconds))} | ${range} | ${secs(median(r.cpuSeconds))} | ${megabytes(r.peakKiB)} | ${r.bulletins ?? '—'} |`;
  });
  return ['| scenario | median s | min–max s | median CPU s | peak RSS MB | bulletins |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows];
}

/** The targets of issue 7; one that needs a scenario this run skipped is listed as not measured. */
function targetsTable(results) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const time = (id) => (byId.has(id) ? median(byId.get(id).seconds) : undefined);
  const timeRatio = (label, id, base, limit, strict = false) => {
    const [a, b] = [time(id), time(base)];
    if (a === undefined || b === undefined) return `| ${label} | not measured | | |`;
    const ratio = a / b;
    const ok = strict ? ratio < limit : ratio <= limit;
    return `| ${label} | ${secs(a)} s / ${secs(b)} s | ${ratio.toFixed(2)} | ${ok ? '✓' : '✗'} |`;
  };
  const rss = (label, id, limitMB) => {
    const r = byId.get(id);
    if (!r) return `| ${label} | not measured | | |`;
    const mb = r.peakKiB / 1024;
    return `| ${label} | ${mb.toFixed(1)} MB | ${(mb / limitMB).toFixed(2)} | ${mb < limitMB ? '✓' : '✗'} |`;
  };
  return [
    '| target | measured | ratio | met |',
    '| --- | ---: | ---: | :---: |',
    timeRatio('249-bulletin build ≤ 3 × node -e 0', 'build@1', 'node', 3),
    timeRatio('3984-bulletin build ≤ 0.5 × reference (L=16)', 'build@16', 'reference@16', 0.5),
    rss('3984-bulletin build < 150 MB peak RSS', 'build@16', 150),
    timeRatio('advisory --version ≤ 1.5 × node -e 0', 'version', 'node', 1.5),
    timeRatio('advisory --help ≤ 1.5 × node -e 0', 'help', 'node', 1.5),
    timeRatio('validate (L=16) < 0.25 × build (L=16)', 'validate@16', 'build@16', 0.25, true),
    timeRatio('rebuild (L=16) < 0.10 × build (L=16)', 'rebuild@16', 'build@16', 0.1, true),
  ];
}

function report(results, options, loadAtStart, fileMicros) {
  const runs = `${options.runs} per scenario, in rounds (every scenario once per round)${options.quick ? ', quick (the largest size: one build)' : ''}`;
  return [
    `# advisory benchmark: ${options.name}`,
    '',
    ...machine(loadAtStart, fileMicros),
    `- Date: ${new Date().toISOString()}`,
    `- Runs: ${runs}; wall time and CPU time (user + system, all threads) are medians, peak RSS the highest of the runs`,
    `- SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH}; sizes: L = ${options.sizes.join(', ')} languages × ${COUNTRY_CODES.length} advisories`,
    '',
    ...resultsTable(results),
    '',
    'A bulletin is one advisory in one language: the build writes it in md, html and txt (plus indexes, feeds and',
    'alerts); the reference writes html only. The ratio is measured ÷ baseline (or ÷ 150 MB).',
    '',
    '## Targets',
    '',
    ...targetsTable(results),
    '',
  ].join('\n');
}

/* ------------------------------------------------------------------ main */

async function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!existsSync(path.join(REPO, 'build', 'main.js'))) throw new Error('build/main.js not found: compile the tool first with `npx tsc -p .`');
  const loadAtStart = os.loadavg()[0];
  const work = options.work ? path.resolve(options.work) : mkdtempSync(path.join(os.tmpdir(), 'advisory-bench-'));
  mkdirSync(work, { recursive: true });
  const usageFile = path.join(work, 'usage.json');
  try {
    const sizes = options.quick ? [...new Set([options.sizes[0], options.sizes[options.sizes.length - 1]])] : options.sizes;
    const projects = sizes.map((L) => prepareProject(work, L));
    const largestFolder = projects[projects.length - 1].dir;
    const fileMicrosAtStart = fileCreationMicros(largestFolder);
    const results = await runRounds(plan(projects, options, usageFile), usageFile);
    const fileMicros = { start: fileMicrosAtStart, end: fileCreationMicros(largestFolder) };
    const text = report(results, options, loadAtStart, fileMicros);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, `${options.name}.md`), text);
    process.stdout.write(text);
    process.stderr.write(`Report written to ${path.relative(process.cwd(), path.join(RESULTS, `${options.name}.md`))}\n`);
  } finally {
    rmSync(setAsideFolder(work), { recursive: true, force: true });
    if (!options.work) rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`benchmark failed: ${error.message}\n`);
  process.exitCode = 1;
});
