import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/render/first-sentence.js';

describe('the one-line summary of an index row', () => {
  it('is the first sentence, by the rules of the page language', () => {
    expect(firstSentence('Japan is generally safe. Learn what to do in an earthquake.', 'en')).toBe('Japan is generally safe.');
    expect(firstSentence('Exposé aux séismes (p. ex. à Tokyo). Apprenez quoi faire.', 'fr')).toBe('Exposé aux séismes (p. ex. à Tokyo).');
    expect(firstSentence('भारतीय नागरिकों का अपहरण हुआ। माली की यात्रा न करें।', 'hi')).toBe('भारतीय नागरिकों का अपहरण हुआ।');
    expect(firstSentence('هل الوضع آمن؟ لا تسافر إلى لبنان.', 'ar')).toBe('هل الوضع آمن؟');
  });

  it('reads on past an abbreviation or an initial that the Unicode rules take for the end of a sentence', () => {
    expect(firstSentence('Approx. 5 km around the Mt. Ulriken site is closed; do not enter it. Stay away.', 'en')).toBe('Approx. 5 km around the Mt. Ulriken site is closed; do not enter it.');
    expect(firstSentence('Call Dr. Diallo at the embassy. He answers day and night.', 'en')).toBe('Call Dr. Diallo at the embassy.');
    expect(firstSentence('The consul, J. Traoré, is in Bamako. Call her.', 'en')).toBe('The consul, J. Traoré, is in Bamako.');
    expect(firstSentence('Typhoon season runs approx. June to Nov. each year. Monitor forecasts.', 'en')).toBe('Typhoon season runs approx. June to Nov. each year.');
    // A short word in small letters ends a sentence as usual.
    expect(firstSentence('Do not go. Stay in Bamako.', 'en')).toBe('Do not go.');
    // A sentence that ends in a longer word, or in capitals (UK.), still ends there.
    expect(firstSentence('Do not travel to Mali. Terrorists are active.', 'en')).toBe('Do not travel to Mali.');
    expect(firstSentence('Flights go via the UK. Book early.', 'en')).toBe('Flights go via the UK.');
  });

  it('keeps a summary with no full stop whole, and trims the space around it', () => {
    expect(firstSentence('  Stay vigilant and in contact with the embassy in Bamako  ', 'en')).toBe('Stay vigilant and in contact with the embassy in Bamako');
  });
});
