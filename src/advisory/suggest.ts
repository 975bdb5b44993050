/** "Did you mean" for near misses: the closest candidate within a small edit distance. */
export function didYouMean(input: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

/** The one value that `input` begins (`terror` for `terrorism`, `civil` for `civil-unrest`): a word cut short. */
export function valueStartedBy(input: string, values: readonly string[]): string | null {
  const start = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (start.length < 4) return null;
  const matches = values.filter((value) => value.startsWith(start));
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * The published language a translation key was probably meant as: `fr-FR`,
 * `fr_FR`, `FR` for `fr` (the configuration publishes no region or script of
 * its own), `pt_BR` for `pt-BR`. Null when the key is one of them already.
 */
export function languageMeant(key: string, languages: readonly string[]): string | null {
  const written = key.replace(/_/g, '-').toLowerCase();
  const same = languages.find((lang) => lang.toLowerCase() === written);
  if (same !== undefined) return same === key ? null : same;
  const base = written.split('-')[0];
  return languages.find((lang) => lang.toLowerCase() === base) ?? null;
}

/**
 * Other words for the format's fields, as officers bring them from other systems and forms
 * (`tel`, `website`, `advice`, `last_updated`): too far from the field's name for didYouMean.
 */
const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  phone: ['tel', 'telephone', 'phone_number', 'phonenumber', 'mobile', 'number'],
  email: ['mail', 'e_mail', 'email_address'],
  url: ['website', 'web', 'web_site', 'link', 'site', 'homepage'],
  address: ['location', 'street', 'postal_address'],
  hours: ['opening_hours', 'open', 'opening'],
  emergency: ['emergency_contact', 'urgent', '24h', '24_7'],
  guidance: ['advice', 'recommendations', 'instructions', 'what_to_do'],
  summary: ['description', 'overview', 'abstract', 'intro'],
  updated: ['last_updated', 'last_update', 'modified', 'last_modified', 'date_updated', 'updated_on'],
  issued: ['published', 'date_issued', 'issued_on', 'created'],
  review_by: ['review', 'review_date', 'next_review', 'expires'],
  level: ['risk_level', 'advisory_level', 'threat_level', 'risk'],
  risks: ['threats', 'hazards', 'indicators'],
  regions: ['areas', 'zones', 'provinces'],
  body: ['details', 'content', 'text', 'full_advice'],
  updates: ['changes', 'history', 'changelog'],
  country: ['country_name'],
  code: ['iso', 'iso_code', 'country_code'],
};

/** The field an unknown key was probably meant as: a near spelling, or another word for it. */
export function fieldMeant(key: string, fields: readonly string[]): string | null {
  const near = didYouMean(key, fields);
  if (near) return near;
  const written = key.toLowerCase().replace(/[\s-]/g, '_');
  return fields.find((field) => FIELD_SYNONYMS[field]?.includes(written)) ?? null;
}
