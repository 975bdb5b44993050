/**
 * Colour is decided once per run. chalk reads FORCE_COLOR and the TTY, but not
 * NO_COLOR (https://no-color.org) nor our --no-color, so the decision is ours.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorInputs {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** false from --no-color; true from --color. */
  flag?: boolean;
}

export function colorEnabled({ isTTY, env, flag }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
