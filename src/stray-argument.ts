/**
 * Arguments that commander passes over without a word: `advisory --version extra`
 * printed the version, `advisory --help extra` the help, and `advisory help build
 * extra` build's help, each as if `extra` were not there, and exited 0; so a
 * mistyped script line passed unseen. Pure, and free of dependencies: cli.ts
 * reports the message as a usage error before commander parses, and `--help`
 * and `--version` stay fast.
 */

const VERSION_FLAGS: readonly string[] = ['-v', '--version'];
const HELP_FLAGS: readonly string[] = ['-h', '--help'];
/** Commander's own command, `help [command]`: not among the tool's commands. */
const HELP_COMMAND = 'help';

/**
 * Why `argv` (without `node advisory`) is a usage error that commander would not
 * report, naming the unexpected argument; null when there is none. `commands`:
 * the names of the tool's commands.
 */
export function strayArgument(argv: readonly string[], commands: ReadonlySet<string>): string | null {
  // Commander reads options up to `--` only, and acts on --version wherever it is before it (`show ML --lang -v` too).
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const version = options.find((arg) => VERSION_FLAGS.includes(arg));
  if (version) return besideFlag(argv, version, '');
  const [first, named, extra] = argv;
  // A command's own --help: its arguments are its to judge (`build --help extra`, extra being a path).
  if (first !== undefined && commands.has(first)) return null;
  if (first === HELP_COMMAND) {
    if (named !== undefined && named !== HELP_COMMAND && !commands.has(named)) return `unknown command '${named}'`;
    return extra === undefined ? null : `unexpected argument '${extra}' after \`help ${named}\`, which takes one command at most`;
  }
  const help = options.find((arg) => HELP_FLAGS.includes(arg));
  if (!help) return null;
  const command = argv.find((arg) => commands.has(arg));
  return besideFlag(argv, help, ` here; for the help of a command, run \`advisory ${command ?? '<command>'} --help\``);
}

/** The usage error for an argument other than `flag` in `argv`, which takes none; null when there is none. */
function besideFlag(argv: readonly string[], flag: string, more: string): string | null {
  const other = argv.find((arg) => arg !== flag);
  return other === undefined ? null : `unexpected argument '${other}' with ${flag}, which takes no arguments${more}`;
}
