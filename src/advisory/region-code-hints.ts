/**
 * How a region code the format refuses was probably meant, and what the
 * advisory's own country takes, for the message. A hint offers only a code
 * that would pass: one ISO 3166-2 lists, under the advisory's country when
 * that is known. `fr-75` in a file for Lebanon is not told "FR-75", which
 * would then fail as another country's; `lb-xx` is not told "LB-XX", which
 * names no subdivision.
 */
import type { HintContext } from './spec.js';
import { subdivision, subdivisionsOf } from './subdivisions.js';

/**
 * A code as officers write it wrong: in small letters, with `_`, `.` or a space for the dash, or
 * without the country (`JA` in a file for LB). Only ASCII separators: a pasted dash (U+2212) is
 * named as pasted by the message already, and retyping it is the fix.
 */
const WRITTEN = /^(?:([A-Z]{2})\s*[-_. ]\s*)?([A-Z0-9]{1,3})$/;

export function regionCodeMeant(value: string, { country }: HintContext): string | undefined {
  const m = WRITTEN.exec(value.trim().toUpperCase());
  const prefix = m?.[1] ?? country;
  if (!m || prefix === undefined) return undefined;
  const code = `${prefix}-${m[2]}`;
  const inCountry = country === undefined || prefix === country;
  return inCountry && subdivision(code) !== undefined ? code : undefined;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "an ISO 3166-2 code of Lebanon such as LB-AK": the country's own first code; undefined for a country ISO does not divide. */
export function regionCodeExpected({ country }: HintContext): string | undefined {
  const example = country === undefined ? undefined : subdivisionsOf(country)[0];
  const name = country === undefined ? undefined : englishNames.of(country);
  return example && name ? `an ISO 3166-2 code of ${name} such as ${example.code}` : undefined;
}
