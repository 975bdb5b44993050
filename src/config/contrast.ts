/**
 * WCAG 2.1 contrast ratio between two sRGB colours, for the level banners:
 * white text on the level's colour must be readable (success criterion
 * 1.4.3, 4.5:1 for normal text), in light and dark mode alike, because the
 * banner keeps its colour in both.
 */

/** WCAG AA for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const BANNER_TEXT_COLOR = '#ffffff';

/** Relative luminance of `#rrggbb` (WCAG 2.1 definition). */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (no contrast) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Why white text on `color` is hard to read, or null when it is readable. */
export function bannerContrastProblem(color: string, suggestion: string): string | null {
  const ratio = contrastRatio(color, BANNER_TEXT_COLOR);
  if (ratio >= MIN_TEXT_CONTRAST) return null;
  return `is too light for the banner's white text: contrast ${ratio.toFixed(2)}:1, WCAG AA needs ${MIN_TEXT_CONTRAST}:1; choose a darker colour, such as the built-in ${suggestion}`;
}
