/**
 * Region codes against ISO 3166-2. A code is published as the CAP area's
 * geocode, by which alerting networks target the area, so a code that names
 * no subdivision, or another one than the region, sends the alert nowhere or
 * to the wrong province. Warnings, not errors: ISO changes the list in its
 * newsletters, and a table older than a newly created province must not stop
 * an officer publishing urgent advice for it.
 */
import type { Rule } from './rules.js';
import { subdivision, subdivisionMeant, subdivisionsNamed, subdivisionsOf, SUBDIVISIONS_AS_OF, type Subdivision } from './subdivisions.js';

/** Countries with more codes than this are not listed in full: a message stays one readable line. */
const LISTED_CODES = 12;

/** Why a code matters, said in every message: the officer may not know that it leaves the bulletin. */
const WHY = 'alerting networks target areas by it';

const described = (s: Subdivision) => `${s.code} (${s.name})`;

function expected(country: string): string {
  const codes = subdivisionsOf(country).map((s) => s.code);
  if (codes.length === 0) return `it lists no subdivisions of ${country}`;
  if (codes.length <= LISTED_CODES) return `expected one of ${codes.join(', ')}`;
  return `expected one of the ${codes.length} codes it lists for ${country}`;
}

export const regionCodesInIso: Rule = (a, ctx) => {
  a.regions.forEach((region, i) => {
    // A code outside the country is an error of its own (rules.ts); one message is enough.
    if (region.code === undefined || !region.code.startsWith(`${a.code}-`)) return;
    const field = `regions[${i}].code`;
    const own = subdivision(region.code);
    if (!own) {
      const meant = subdivisionMeant(region.code, region.name, a.code);
      const advice = meant ? `; did you mean "${meant.code}" (${meant.name})? Check the code: ${WHY}` : `; check the code: ${WHY}`;
      const message = `${field} ${region.code} is not in ISO 3166-2 as of ${SUBDIVISIONS_AS_OF}: ${expected(a.code)}${advice}`;
      ctx.report('warning', ctx.at(field), field, message, 'region-code-unknown');
      return;
    }
    // Only the clear case: the name is exactly another subdivision's, and not one its code's shares.
    const named = subdivisionsNamed(region.name, a.code);
    if (named.length > 0 && !named.some((s) => s.name === own.name)) {
      const others = named.map(described).join(' or ');
      const message = `${field} ${region.code} is ${own.name} in ISO 3166-2, but the region's name "${region.name}" is the name of ${others}; check which region this is, and correct the code or the name: alerting networks target areas by the code`;
      ctx.report('warning', ctx.at(field), field, message, 'region-code-name');
    }
  });
};
