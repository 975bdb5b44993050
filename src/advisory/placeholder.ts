/**
 * The mark `advisory new` writes where an officer must write the advice.
 * Validation refuses any text that still holds it, so a starter cannot be
 * published with its prompts standing in for guidance.
 */
export const PLACEHOLDER = 'FILL IN:';

/** Why `value` cannot be published as it is, or null when it holds no placeholder. */
export function placeholderProblem(path: string, value: string): string | null {
  if (!value.includes(PLACEHOLDER)) return null;
  return `${path} still has the starter's "${PLACEHOLDER}" prompt; write the advice in its place`;
}
