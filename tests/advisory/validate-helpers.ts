import { validateSource } from '../../src/advisory/validate.js';
import { parseYamlSource } from '../../src/advisory/yaml-source.js';
import type { LevelWording } from '../../src/advisory/title-rules.js';

/** A valid level-2 advisory; tests replace one line to break one rule. */
export const VALID = `country: Mali
code: ML
level: 2
issued: 2025-07-01
updated: 2025-07-02
review_by: 2026-01-01
risks: [terrorism]
summary: Be careful.
guidance:
  - Stay in contact with the embassy.
regions:
  - name: Kayes Region
    code: ML-1
    level: 4
contacts:
  - name: Embassy of India, Bamako
    phone: "+223 20 00 00 00"
updates:
  - date: 2025-07-02
    summary: Raised.
  - date: 2025-07-01
    summary: Issued.
`;

export interface CheckOptions {
  today?: string;
  languages?: string[];
  levelWording?: Record<string, LevelWording>;
}

/** The level names the default labels give the US scale. */
export const US_LEVEL_NAMES = ['Exercise Normal Precautions', 'Exercise Increased Caution', 'Reconsider Travel', 'Do Not Travel'];

/** How titles name levels by `names` alone, after `label` by number, as validate and build pass it. */
export const wordingOf = (label: string, names: readonly string[]): LevelWording => ({ label, levels: names.map((name): [string] => [name]) });

/** Diagnostics as an officer sees them: `file:line:col  severity  message`. */
export function check(yaml: string, options: CheckOptions = {}): string[] {
  const file = 'advisories/ml.yaml';
  const { source, diagnostics } = parseYamlSource(file, Buffer.from(yaml, 'utf8'));
  const result = validateSource(source, { today: options.today ?? '2025-08-01', languages: options.languages ?? ['en'], levelWording: options.levelWording ?? { en: wordingOf('Level', US_LEVEL_NAMES) } });
  return [...diagnostics, ...result.diagnostics].map((d) => `${d.file}:${d.line}:${d.col}  ${d.severity}  ${d.message}`);
}

/** VALID with one line replaced (the line must exist). */
export function replaceLine(from: string, to: string, yaml = VALID): string {
  if (!yaml.includes(from)) throw new Error(`fixture has no line ${from}`);
  return yaml.replace(from, to);
}
