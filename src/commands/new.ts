/** `advisory new <code>`: a starter advisory to fill in, never overwriting a file. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countryCode } from '../advisory/format.js';
import { countryCodeMeant } from '../advisory/iso3166.js';
import { countryNamed } from '../advisory/country-names.js';
import { UsageError, systemRefusal, type ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';
import { resolveToday } from './project.js';
import { DEFAULT_PATHS, displayPath, isAdvisoryFileName } from '../advisory/load.js';
import { refuseInsideProject } from '../config/project-folder.js';
import { invisibleCharacters, visible } from '../report/paths.js';
import { readLimited } from '../advisory/read-limited.js';
import { addDays } from '../advisory/dates.js';
import { PLACEHOLDER } from '../advisory/placeholder.js';

export interface NewOptions {
  code: string;
  /** The folder to write in; not given, advisories/ of the project run from. */
  dir?: string;
  today?: string;
}

/**
 * A starter that shows every field in place but decides nothing for the
 * officer: the level is left empty and the advice is a prompt that
 * validation refuses, so an unfilled starter is never published.
 */
export function starterAdvisory(code: string, country: string, today: string): string {
  return `# Travel advisory for ${country}. Choose the level and replace every "${PLACEHOLDER}" prompt;
# \`advisory validate\` lists what is left. The format: the README ("The advisory format") or \`advisory schema\`.
country: ${JSON.stringify(country)}
code: ${code}
level:                   # choose: 1 Exercise Normal Precautions, 2 Exercise Increased Caution, 3 Reconsider Travel, 4 Do Not Travel
issued: ${today}
# Changed again on the day of updated? Give updated the time, in UTC or with your offset: ${today}T14:30Z, ${today}T17:30+03:00
updated: ${today}
review_by: ${addDays(today, 90)}
risks: []                # crime, terrorism, civil-unrest, health, natural-disaster, time-limited-event, kidnapping, wrongful-detention, other
summary: >
  ${PLACEHOLDER} what is happening in ${country} and what it means for travellers, in one paragraph.
guidance:
  - "${PLACEHOLDER} one thing travellers should do; one item for each"
contacts: []             # at least one for level 3 or 4: { name, phone, email, url, address, hours, emergency }
updates:
  - date: ${today}
    summary: First issued.
`;
}

/**
 * A folder or file that cannot be written is the officer's to fix (a path that
 * is a file, no permission, a read-only disk), not a bug: say which and why.
 */
function unwritable(error: unknown, what: string, inTheWay = `${what}: a file is in the way`): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') return new UsageError(inTheWay);
  const refused = systemRefusal(error);
  return refused ? new UsageError(`${what}: ${refused}`) : error;
}

/**
 * An advisory file in `dir` (not below it), other than `target`, whose `code:` line is `code`: a
 * cheap look at the text, enough to stop a second file for one country
 * (`mali.yaml` has ML; `new ML` would write ml.yaml beside it).
 */
async function fileWithCode(dir: string, code: string, target: string): Promise<string | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const line = new RegExp(`^code:[ \\t]*["']?${code}["']?[ \\t]*(?:#.*)?$`, 'mi');
  for (const name of names.filter(isAdvisoryFileName).sort()) {
    const file = path.join(dir, name);
    if (file === target) continue; // reported as "already exists" when it is written
    // Read as validation reads: not through a link, and not past the size cap.
    const text = await readLimited(file, { noFollow: true }).then(({ bytes }) => Buffer.from(bytes).toString('utf8'), () => '');
    if (line.test(text)) return file;
  }
  return null;
}

export async function newAdvisory(io: Io, options: NewOptions): Promise<ExitCode> {
  const code = options.code.toUpperCase();
  const problem = countryCode.pattern!.test(code) ? countryCode.refine!(code) : `"${visible(options.code)}" is not a two-letter code`;
  if (problem) {
    // `advisory new SEN` or `advisory new Senegal`: the code meant, ready to type.
    const meant = countryCodeMeant(options.code) ?? countryNamed(options.code);
    throw new UsageError(`${problem}; ${meant ? `did you mean \`advisory new ${meant}\`? ` : ''}give an ISO 3166-1 alpha-2 code such as ML`);
  }
  // From inside a project (`cd advisories`), the default folder would be advisories/advisories/, which no command reads.
  if (options.dir === undefined) await refuseInsideProject(io.cwd, () => 'pass --dir with the folder to write it in (--dir . for this one)');
  const given = options.dir ?? DEFAULT_PATHS[0]!;
  const invisible = invisibleCharacters(given);
  // Validation refuses such a path (see report/paths.ts): better not to make a folder it would refuse.
  if (invisible.length) throw new UsageError(`--dir ${visible(given)} has invisible characters (${invisible.join(', ')}), and advisories in it would be refused; give a folder name with visible characters only`);
  const today = resolveToday(io, options.today);
  const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  const dir = path.resolve(io.cwd, given);
  const file = path.join(dir, `${code.toLowerCase()}.yaml`);
  const existing = await fileWithCode(dir, code, file);
  if (existing) {
    io.stderr(`${displayPath(io.cwd, existing)} is already the advisory for ${code}; edit it instead (a second file for one country would fail validation).\n`);
    return 1;
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw unwritable(error, `cannot make the folder ${displayPath(io.cwd, dir)}`, `--dir ${visible(given)} is a file, or inside one; give the folder to write the advisory in`);
  }
  try {
    await writeFile(file, starterAdvisory(code, country, today), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`${displayPath(io.cwd, file)} already exists; it was left as it is. Edit it, or remove it first.\n`);
      return 1;
    }
    throw unwritable(error, `cannot write ${displayPath(io.cwd, file)}`);
  }
  io.stderr(`Wrote ${displayPath(io.cwd, file)}: fill it in, then run \`advisory validate\`.\n`);
  return 0;
}
