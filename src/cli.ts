/**
 * The command line: declares every command, maps flags to typed options, and
 * is the one place that turns results and errors into exit codes. Commands are
 * imported only when run, so `--help` and `--version` stay fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AdvisoryError, errorMessage, systemRefusal, type ExitCode } from './errors.js';
import type { Io } from './report/logger.js';
import { github, githubError, stylish, type GithubOptions } from './report/reporters.js';
import { strayArgument } from './stray-argument.js';
import { VERSION } from './version.js';


function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

function positiveNumber(value: string): number {
  const n = wholeNumber(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

export interface Runtime {
  argv: string[];
  io: Omit<Io, 'chalk'>;
  stdoutIsTTY: boolean;
}

export async function run({ argv, io: base, stdoutIsTTY }: Runtime): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  // Colour (chalk) is loaded on first use, not for `--help`: a command's action
  // or an error asks for the streams, help and usage mistakes never do.
  let streams: Promise<{ io: Io; dataIo: Io }> | undefined;
  const terminal = () => (streams ??= colorStreams(argv, base, stdoutIsTTY));

  const program = new Command()
    .name('advisory')
    .description('Validate travel advisories written in YAML and publish them as Markdown, HTML and plain-text bulletins.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => base.stdout(s), writeErr: (s) => base.stderr(s) });

  // Every command takes both, so that a CI script can pass --no-color (or --color) to each one alike.
  const withColor = (cmd: Command) => cmd.option('--no-color', 'no colour in the output').option('--color', 'colour even when not writing to a terminal');
  const withCommon = (cmd: Command) =>
    withColor(
      cmd
        .option('--config <file>', 'project configuration file (default: advisory.config.yaml if present)')
        .option('--today <date>', 'reference date (YYYY-MM-DD) for review_by; default SOURCE_DATE_EPOCH or today')
        .option('--strict', 'treat warnings as errors'),
    );

  withCommon(
    program
      .command('build')
      .description('validate, then render every advisory into every format and language')
      .argument('[paths...]', 'advisory files or folders (default: advisories/)')
      .option('-o, --out <dir>', 'output folder', 'dist')
      .option('--templates <dir>', 'folder of templates overriding the defaults')
      // A check writes nothing, so there is nothing for --watch to rebuild: together they would loop doing nothing useful.
      .addOption(new Option('--check', 'write nothing; exit 1 and list the files that differ when the output folder is not what a build would write').conflicts('watch'))
      .option('-w, --watch', 'build again whenever an advisory, template or the config changes, until Ctrl-C')
      .option('-j, --jobs <n>', 'threads to render with (default: all cores for large projects, 1 for small ones)', positiveNumber)
      .option('--no-cache', 'render every advisory, without reading or writing .advisory-cache/'),
  ).action(async (paths: string[], opts) => {
    const options = { paths, out: opts.out, templates: opts.templates, config: opts.config, today: opts.today, strict: opts.strict, check: opts.check, jobs: opts.jobs, cache: opts.cache };
    if (opts.watch) {
      const { buildWatch } = await import('./commands/build-watch.js');
      exitCode = await buildWatch((await terminal()).io, options);
      return;
    }
    const { build } = await import('./commands/build.js');
    exitCode = await build((await terminal()).io, options);
  });

  withCommon(
    program
      .command('serve')
      .description('preview the bulletins in a browser, rebuilt and reloaded on every change, until Ctrl-C')
      .argument('[paths...]', 'advisory files or folders (default: advisories/)')
      .option('-p, --port <n>', 'port on 127.0.0.1 (0 picks a free one)', wholeNumber, 4000)
      .option('--templates <dir>', 'folder of templates overriding the defaults'),
  ).action(async (paths: string[], opts) => {
    const { serve } = await import('./commands/serve.js');
    exitCode = await serve((await terminal()).io, { paths, port: opts.port, templates: opts.templates, config: opts.config, today: opts.today, strict: opts.strict });
  });

  withCommon(
    program
      .command('validate')
      .description('check advisories without writing anything')
      .argument('[paths...]', 'advisory files or folders (default: advisories/)')
      .addOption(new Option('--format <format>', 'report format').choices(['stylish', 'json', 'github']).default('stylish'))
      .addOption(new Option('--json', 'report as JSON (same as --format json)').conflicts('format'))
      .option('--max-warnings <n>', 'fail when there are more than n warnings', wholeNumber)
      .option('-j, --jobs <n>', 'threads to check with (default: all cores for large projects, 1 for small ones)', positiveNumber)
      .option('--templates <dir>', 'folder of templates (for label catalogues)'),
  ).action(async (paths: string[], opts) => {
    const { validate } = await import('./commands/validate.js');
    exitCode = await validate((await terminal()).io, {
      paths,
      format: opts.json ? 'json' : opts.format,
      maxWarnings: opts.maxWarnings,
      jobs: opts.jobs,
      templates: opts.templates,
      config: opts.config,
      today: opts.today,
      strict: opts.strict,
    });
  });

  withCommon(
    program
      .command('list')
      .description('one line per advisory, most severe first')
      .argument('[paths...]', 'advisory files or folders (default: advisories/)')
      .option('--json', 'print as JSON')
      .option('--templates <dir>', 'folder of templates (for label catalogues)'),
  ).action(async (paths: string[], opts) => {
    const { list } = await import('./commands/list.js');
    exitCode = await list((await terminal()).dataIo, { paths, json: Boolean(opts.json), templates: opts.templates, config: opts.config, today: opts.today, strict: opts.strict });
  });

  withCommon(
    program
      .command('show')
      .description('render one advisory to stdout')
      .argument('<code-or-file>', 'a country code such as ML, or an advisory file')
      .option('-f, --format <format>', 'md, html or txt', 'txt')
      .option('--lang <lang>', 'language (default: the primary language)')
      .option('--in <paths...>', 'where to look for the code (default: advisories/)')
      .option('--templates <dir>', 'folder of templates overriding the defaults'),
  ).action(async (target: string, opts) => {
    const { show } = await import('./commands/show.js');
    exitCode = await show((await terminal()).io, { target, paths: opts.in ?? [], format: opts.format, lang: opts.lang, templates: opts.templates, config: opts.config, today: opts.today, strict: opts.strict });
  });

  withColor(
    program
      .command('diff')
      .description('what changed in meaning since a git revision, as Markdown for a pull-request comment')
      .argument('[paths...]', 'advisory files or folders (default: advisories/)')
      .option('--since <ref>', 'git revision to compare the working tree with', 'HEAD')
      .option('--json', 'print as JSON')
      .option('--config <file>', 'project configuration file (default: advisory.config.yaml if present)')
      .option('--templates <dir>', 'folder of templates (for label catalogues)'),
  ).action(async (paths: string[], opts) => {
    const { diff } = await import('./commands/diff.js');
    exitCode = await diff((await terminal()).dataIo, { paths, since: opts.since, json: Boolean(opts.json), config: opts.config, templates: opts.templates });
  });

  withColor(
    program
      .command('new')
      .description('write a starter advisory file; never overwrites')
      .argument('<code>', 'ISO 3166-1 alpha-2 country code, such as ML')
      .option('--dir <dir>', 'folder to write it in (default: "advisories")')
      .option('--today <date>', 'date for issued and updated (YYYY-MM-DD)'),
  ).action(async (code: string, opts) => {
    const { newAdvisory } = await import('./commands/new.js');
    exitCode = await newAdvisory((await terminal()).io, { code, dir: opts.dir, today: opts.today });
  });

  withColor(
    program
      .command('schema')
      .description('print the JSON Schema of the advisory format (for editors)'),
  ).action(async () => {
    const { schema } = await import('./commands/schema.js');
    exitCode = await schema((await terminal()).io);
  });

  try {
    const stray = strayArgument(argv, new Set(program.commands.map((c) => c.name())));
    // Reported as commander reports its own usage errors: its `error: ` and hint, exit 2.
    if (stray) program.error(`error: ${stray}`, { exitCode: 2, code: 'advisory.strayArgument' });
    // Commander has no help of its own help command: `help help` printed the program's help as an error, exit 2.
    // The program's help is what `help` does, so that is its help.
    await program.parseAsync(argv.length === 2 && argv[0] === 'help' && argv[1] === 'help' ? ['--help'] : argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has printed its own message; anything else needs the streams' colours.
    const code = error instanceof CommanderError ? commanderExitCode(error) : handleError(error, (await terminal()).io);
    // A pipeline reading --json from stdout gets JSON for a failure too, not an empty stream;
    // a CI run asking for annotations gets them for a config error too, not a silent failure.
    if (code !== 0) {
      if (asksForFormat(argv, 'json')) base.stdout(jsonFailure(error, code));
      else if (argv[0] === 'validate' && asksForFormat(argv, 'github')) base.stdout(githubFailure(error, { cwd: base.cwd, workspace: base.env.GITHUB_WORKSPACE }));
    }
    return code;
  }
}

function asksForFormat(argv: readonly string[], format: 'json' | 'github'): boolean {
  return argv.some((arg, i) => (format === 'json' && arg === '--json') || arg === `--format=${format}` || (arg === '--format' && argv[i + 1] === format));
}

/** The message the user saw on stderr, without commander's `error: `. */
function failureMessage(error: unknown): string {
  return (error instanceof CommanderError ? error.message.replace(/^error: /, '') : errorMessage(error)).trim();
}

/** The failure as JSON: the message the user saw on stderr, the exit code, and any positioned problems. */
export function jsonFailure(error: unknown, exitCode: ExitCode): string {
  const internal = !(error instanceof AdvisoryError || error instanceof CommanderError) && systemRefusal(error) === null;
  const diagnostics = error instanceof AdvisoryError ? error.diagnostics : [];
  return `${JSON.stringify({ error: { message: failureMessage(error), exitCode, internal }, diagnostics }, null, 2)}\n`;
}

/** The failure as GitHub annotations: one per positioned problem (a config error at its line), else one for the message. */
export function githubFailure(error: unknown, options: GithubOptions): string {
  const diagnostics = error instanceof AdvisoryError ? error.diagnostics : [];
  return diagnostics.length ? github({ diagnostics, files: [] }, options) : githubError('advisory', failureMessage(error));
}

/** The run's output streams with their colour decided: data (list) follows stdout's terminal, diagnostics stderr's. */
async function colorStreams(argv: readonly string[], base: Omit<Io, 'chalk'>, stdoutIsTTY: boolean): Promise<{ io: Io; dataIo: Io }> {
  const { colorEnabled, makeChalk } = await import('./report/color.js');
  let colorFlag: boolean | undefined;
  if (argv.includes('--no-color')) colorFlag = false;
  else if (argv.includes('--color')) colorFlag = true;
  const decide = (isTTY: boolean) => makeChalk(colorEnabled({ isTTY, env: base.env, ...(colorFlag !== undefined ? { flag: colorFlag } : {}) }));
  const io: Io = { ...base, chalk: decide(base.stderrIsTTY) };
  return { io, dataIo: { ...io, chalk: decide(stdoutIsTTY) } };
}

/** Commander has printed its message already; help and version are successes, anything else a usage error. */
function commanderExitCode(error: CommanderError): ExitCode {
  return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
}

/** The one top-level catch: a user's mistake gets its message; anything else is reported as ours. */
export function handleError(error: unknown, io: Io): ExitCode {
  if (error instanceof CommanderError) return commanderExitCode(error);
  if (error instanceof AdvisoryError) {
    const { chalk } = io;
    if (error.diagnostics.length) io.stderr(stylish({ diagnostics: error.diagnostics, files: [] }, chalk));
    io.stderr(`${chalk.red('error')}: ${error.message}\n`);
    if (io.env.DEBUG && error.cause instanceof Error) io.stderr(`${error.cause.stack ?? ''}\n`);
    return error.exitCode;
  }
  const refused = systemRefusal(error);
  if (refused) {
    // The machine said no (full disk, no permission): not a bug in advisory.
    io.stderr(`${io.chalk.red('error')}: ${refused}: ${errorMessage(error)}\n`);
    return 2;
  }
  io.stderr(`${io.chalk.red('internal error')}: ${errorMessage(error)}\nThis is a bug in advisory, not a problem with your advisories. Please report it with the command you ran.\n`);
  io.stderr(io.env.DEBUG && error instanceof Error ? `${error.stack ?? ''}\n` : 'Set DEBUG=1 to print the stack trace.\n');
  return 2;
}
