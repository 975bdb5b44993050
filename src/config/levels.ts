/**
 * Level scales. Built-in scales take their names from the label catalogue
 * (so each language has its own); a custom scale names its levels in the config.
 */
import type { Level } from '../advisory/types.js';

export const BUILTIN_SCALES = ['us', 'au', 'ca'] as const;
export type BuiltinScale = (typeof BUILTIN_SCALES)[number];

export interface CustomLevel {
  name: string;
  color: string;
}

export type ScaleSetting = BuiltinScale | CustomLevel[];

/**
 * Banner colours of the built-in scales, from the usual green-to-red. Each is
 * dark enough for white text at WCAG AA (4.5:1 or better).
 */
export const DEFAULT_LEVEL_COLORS: Readonly<Record<Level, string>> = {
  1: '#1e6b34',
  2: '#7d5800',
  3: '#a8430d',
  4: '#a4161a',
};

export const LEVELS: readonly Level[] = [1, 2, 3, 4];
