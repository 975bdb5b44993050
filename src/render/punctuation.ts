/**
 * The marks that join the parts of a line in a language's own typography,
 * for the text the tool itself puts together ("Phone: …", "Level 4 of 4: Do
 * Not Travel", a region and its country). French puts a no-break space before
 * a colon ("Téléphone : +223 …"), one that never leaves the colon alone at the
 * start of a wrapped line; Arabic script has its own comma and semicolon (an
 * Arabic alert read "محافظة الجنوب, لبنان").
 */
export interface Punctuation {
  comma: string;
  semicolon: string;
  colon: string;
}

const LATIN: Punctuation = { comma: ', ', semicolon: '; ', colon: ': ' };
// A no-break space before a colon, a narrow one before a semicolon, as French printing sets them.
const FRENCH: Punctuation = { comma: ', ', semicolon: '\u202f; ', colon: '\u00a0: ' };
const ARABIC: Punctuation = { comma: '، ', semicolon: '؛ ', colon: ': ' };

const byLanguage = new Map<string, Punctuation>();

export function punctuation(lang: string): Punctuation {
  let marks = byLanguage.get(lang);
  if (!marks) {
    const locale = new Intl.Locale(lang);
    marks = locale.language === 'fr' ? FRENCH : locale.maximize().script === 'Arab' ? ARABIC : LATIN;
    byLanguage.set(lang, marks);
  }
  return marks;
}
