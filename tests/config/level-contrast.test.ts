import { describe, expect, it } from 'vitest';
import { bannerContrastProblem, contrastRatio, MIN_TEXT_CONTRAST } from '../../src/config/contrast.js';
import { parseConfig } from '../../src/config/config.js';
import { DEFAULT_LEVEL_COLORS, LEVELS } from '../../src/config/levels.js';
import { ConfigError } from '../../src/errors.js';

describe('contrast ratio (WCAG 2.1)', () => {
  it('runs from 1:1 to 21:1, whichever colour comes first', () => {
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the built-in level colours', () => {
  // The banner keeps its colour in dark mode too, so one check covers both.
  it.each(LEVELS)('level %i carries white text at WCAG AA', (level) => {
    expect(contrastRatio(DEFAULT_LEVEL_COLORS[level], '#ffffff')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(bannerContrastProblem(DEFAULT_LEVEL_COLORS[level], '#000000')).toBeNull();
  });
});

describe('a custom scale', () => {
  const config = (second: string) =>
    new TextEncoder().encode(`scale:
  - { name: One, color: "#1e6b34" }
  - { name: Two, color: "${second}" }
  - { name: Three, color: "#a8430d" }
  - { name: Four, color: "#a4161a" }
`);

  it('with dark enough colours is accepted', () => {
    expect(parseConfig('advisory.config.yaml', config('#595959')).scale).toHaveLength(4);
  });

  it('with a colour too light for white text is an error at that colour, with a darker one to use', () => {
    let error: unknown;
    try {
      parseConfig('advisory.config.yaml', config('#f5c400'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics).toEqual([
      {
        severity: 'error',
        file: 'advisory.config.yaml',
        line: 3,
        col: 25,
        field: 'scale[1].color',
        message: "scale[1].color #f5c400 is too light for the banner's white text: contrast 1.64:1, WCAG AA needs 4.5:1; choose a darker colour, such as the built-in #7d5800",
        rule: 'contrast',
      },
    ]);
  });
});
