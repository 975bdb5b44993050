/** One test per validation rule, with the exact message an officer sees. */
import { describe, expect, it } from 'vitest';
import { check, replaceLine, US_LEVEL_NAMES, VALID, wordingOf } from './validate-helpers.js';

describe('a valid advisory', () => {
  it('has no problems', () => {
    expect(check(VALID)).toEqual([]);
  });
});

describe('required fields and types', () => {
  it('names a missing required field', () => {
    expect(check(replaceLine('summary: Be careful.\n', ''))).toEqual([
      'advisories/ml.yaml:1:1  error  summary is required: Markdown text (one paragraph)',
    ]);
  });

  it('reports a level that is not an integer from 1 to 4', () => {
    expect(check(replaceLine('level: 2', 'level: four'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "four"']);
    expect(check(replaceLine('level: 2', 'level: 5'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found the number 5']);
    // One number in range, among words: the number is what was meant.
    expect(check(replaceLine('level: 2', 'level: Level 4'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "Level 4": write the number alone: level: 4']);
    expect(check(replaceLine('    level: 4', '    level: 3 (Reconsider Travel)'))).toEqual([
      'advisories/ml.yaml:14:12  error  regions[0].level must be an integer from 1 to 4, found "3 (Reconsider Travel)": write the number alone: level: 3',
    ]);
    // Two numbers, or one out of range: no guess.
    expect(check(replaceLine('level: 2', 'level: 4 of 4'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "4 of 4"']);
    expect(check(replaceLine('level: 2', 'level: Level 5'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "Level 5"']);
  });

  it('says that a level or a true/false in quotes is text, and how to write it', () => {
    expect(check(replaceLine('level: 2', 'level: "4"'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "4": in quotes, so it is text; write it without quotes: level: 4']);
    expect(check(replaceLine('    level: 4', "    level: '3'"))).toEqual([
      'advisories/ml.yaml:14:12  error  regions[0].level must be an integer from 1 to 4, found "3": in quotes, so it is text; write it without quotes: level: 3',
    ]);
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: "+223 20 00 00 00"\n    emergency: "true"'))).toEqual([
      'advisories/ml.yaml:18:16  error  contacts[0].emergency must be true or false, found "true": in quotes, so it is text; write it without quotes: emergency: true',
    ]);
    // Text that is no number stays as it was said.
    expect(check(replaceLine('level: 2', 'level: "two"'))).toEqual(['advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "two"']);
  });

  it('asks for the digit when YAML would read another spelling as the level (2.0, 0x4, +3, 03)', () => {
    for (const [written, level] of [['2.0', 2], ['0x4', 4], ['+3', 3], ['03', 3], ['4e0', 4]] as const) {
      expect(check(replaceLine('level: 2', `level: ${written}`))).toEqual([`advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found the number ${written}: write it as ${level}`]);
    }
  });

  it('asks for quotes when text was written as a number', () => {
    expect(check(replaceLine('phone: "+223 20 00 00 00"', 'phone: 22320000000'))).toEqual([
      'advisories/ml.yaml:17:12  error  contacts[0].phone must be a phone number such as "+223 20 00 00 00" or "112" (quoted), found the number 22320000000: put it in quotes',
    ]);
  });

  it('requires at least one guidance item', () => {
    expect(check(replaceLine('guidance:\n  - Stay in contact with the embassy.', 'guidance: []'))).toEqual([
      'advisories/ml.yaml:9:11  error  guidance must be a list of at least 1 item, found a list: the list is empty',
    ]);
  });

  it('rejects an empty value rather than dropping the field', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary:'))).toEqual(['advisories/ml.yaml:8:9  error  summary must be Markdown text (one paragraph), found nothing']);
  });

  it('refuses Markdown that shows nothing once read, and a link with no text', () => {
    const item = (text: string) => check(replaceLine('  - Stay in contact with the embassy.', `  - ${text}`));
    const nothing = (found: string) =>
      `advisories/ml.yaml:10:5  error  guidance[0] must be Markdown text (one paragraph), found ${JSON.stringify(found)}: it shows nothing once read as Markdown (only markup, spaces or character references of invisible characters); write the text`;
    expect(item('"&nbsp;"')).toEqual([nothing('&nbsp;')]);
    expect(item('"&#8203;&#x2060;"')).toEqual([nothing('&#8203;&#x2060;')]);
    expect(item('"` `"')).toEqual([nothing('` `')]);
    const noText = (at: string, field: string, written: string) =>
      `advisories/ml.yaml:${at}  error  ${field} has a link with no text, "${written}…": readers would see nothing to click; write the words to show between [ and ]`;
    expect(item('"[](https://example.org)"')).toEqual([noText('10:6', 'guidance[0]', '[](')]);
    expect(check(`${VALID}body: |\n  See [ ][map].\n\n  [map]: https://example.org/map\n`)).toEqual([noText('24:7', 'body', '[ ][')]);
    // Text that shows nothing, as a reader sees it: a reference to a no-break space, a zero-width space, a code span of a space.
    for (const text of ['&nbsp;', '\u200b', '&#8203;', '` `']) {
      expect(item(`"See [${text}](https://example.org/x)."`), text).toEqual([noText('10:10', 'guidance[0]', `[${text}](`)]);
    }
    // On the line it is written on, in a field of several lines.
    expect(check(replaceLine('summary: Be careful.', 'summary: >\n  Be careful.\n  Read the\n  [](https://example.org/x) page.'))).toEqual([noText('11:3', 'summary', '[](')]);
    // Written in code, it is shown as written: not a link.
    expect(item('"Type `[](https://example.org)` as written."')).toEqual([]);
    expect(check(`${VALID}body: |\n  Type this:\n\n      [](https://example.org)\n`)).toEqual([]);
    // Text around them, or a reference to a visible character, is text.
    expect(item('"&copy; Embassy"')).toEqual([]);
    expect(item('"&#8212;"')).toEqual([]);
    expect(item('"Call [the embassy](https://example.org)."')).toEqual([]);
    expect(check(`${VALID}body: |\n  See [the map][map] or [map][].\n\n  [map]: https://example.org/map\n`)).toEqual([]);
  });

  it('takes a national emergency line of a few digits as a phone number', () => {
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: "112"\n    emergency: true'))).toEqual([]);
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: "1"'))).toEqual([
      'advisories/ml.yaml:17:12  error  contacts[0].phone must be a phone number such as "+223 20 00 00 00" or "112" (quoted), found "1"',
    ]);
  });

  it('requires contact emergency to be true or false', () => {
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: "+223 20 00 00 00"\n    emergency: yes'))).toEqual([
      'advisories/ml.yaml:18:16  error  contacts[0].emergency must be true or false, found "yes"',
    ]);
  });
});

describe('contact e-mail addresses', () => {
  it('refuses one that would carry mailto parameters or a fragment into the link', () => {
    const withEmail = (email: string) => check(replaceLine('    phone: "+223 20 00 00 00"', `    phone: "+223 20 00 00 00"\n    email: "${email}"`));
    expect(withEmail('consular.bamako@example.org')).toEqual([]);
    for (const email of ['x@evil.example?bcc=a.org', 'a@example.org#x.org', 'a&b=c@example.org']) {
      expect(withEmail(email)).toEqual([`advisories/ml.yaml:18:12  error  contacts[0].email must be an e-mail address such as consular@example.org, found "${email}"`]);
    }
  });
});

describe('contact addresses written the way they are spoken or linked', () => {
  const PHONE = '    phone: "+223 20 00 00 00"';
  const withContactLine = (line: string) => check(replaceLine(PHONE, line));
  const PHONE_EXPECTED = 'contacts[0].phone must be a phone number such as "+223 20 00 00 00" or "112" (quoted)';

  it('says to give a second number a contact of its own', () => {
    for (const phone of ['+223 20 00 00 00 / +223 76 00 00 00', '+223 20 00 00 00 or +223 76 00 00 00', '+223 20 00 00 00; +223 76 00 00 00']) {
      expect(withContactLine(`    phone: "${phone}"`)).toEqual([
        `advisories/ml.yaml:17:12  error  ${PHONE_EXPECTED}, found "${phone}": one number per contact: write "+223 20 00 00 00" here and add a contact of its own for "+223 76 00 00 00"`,
      ]);
    }
  });

  it('says to give a second number written as another ending a contact of its own, which a phone link would dial as one number', () => {
    const cases = [
      ['+221 33 889 12 34/35', '34/35', '+221 33 889 12 34', '+221 33 889 12 35'],
      ['+44 20 7946 0000/0001', '0000/0001', '+44 20 7946 0000', '+44 20 7946 0001'],
      ['112/15', '112/15', '112', '15'],
    ];
    for (const [phone, slashed, first, second] of cases) {
      expect(withContactLine(`    phone: "${phone}"`)).toEqual([
        `advisories/ml.yaml:17:12  error  ${PHONE_EXPECTED}, found "${phone}": "${slashed}" gives two numbers, which a phone link would dial as one; one number per contact: write "${first}" here and add a contact of its own for "${second}"`,
      ]);
    }
  });

  it('says to write a number copied from a link without its tel:', () => {
    expect(withContactLine('    phone: "tel:+223 20 00 00 00"')).toEqual([
      `advisories/ml.yaml:17:12  error  ${PHONE_EXPECTED}, found "tel:+223 20 00 00 00": write the number alone, without "tel:" (the bulletins link it): "+223 20 00 00 00"`,
    ]);
  });

  it('takes a slash after the area code, as numbers are written in Germany', () => {
    for (const phone of ['+49 89/1234567', '089/1234567', '+49 3381/5555', '+44 (0)20 7946 0000']) expect(withContactLine(`    phone: "${phone}"`)).toEqual([]);
  });

  it('refuses an e-mail or web address with a look-alike or invisible character, naming it, and one that opens another site than it shows', () => {
    const withLine = (line: string) => withContactLine(`${PHONE}\n${line}`);
    const URL_EXPECTED = 'contacts[0].url must be a web address starting with https:// (or http://)';
    expect(withLine('    email: "consular@ex\u0430mple.org"')).toEqual([
      'advisories/ml.yaml:18:12  error  contacts[0].email must be an e-mail address such as consular@example.org, found "consular@ex\u0430mple.org" (it holds U+0430 after "consular@ex", which is not ASCII and may only look like the character meant; retype it)',
    ]);
    expect(withLine('    url: "https://ex\u0430mple.org/x"')).toEqual([
      `advisories/ml.yaml:18:10  error  ${URL_EXPECTED}, found "https://ex\u0430mple.org/x" (it holds U+0430 after "https://ex", which is not ASCII and may only look like the character meant; retype it)`,
    ]);
    expect(withLine('    url: "https://\u202eexample.org\u202c/"')).toEqual([
      `advisories/ml.yaml:18:10  error  ${URL_EXPECTED}, found "https://\u202eexample.org\u202c/" (it holds U+202E after "https://", which is not ASCII and may only look like the character meant; retype it)`,
    ]);
    // Those describePasted knows keep their own words.
    const [zeroWidth] = withLine('    url: "https://exa\u200bmple.org/"');
    expect(zeroWidth).toContain('U+200B ZERO WIDTH SPACE');
    expect(withLine('    url: "https://example.org@evil.example/"')).toEqual([
      'advisories/ml.yaml:18:10  error  contacts[0].url must be a web address starting with https:// (or http://), found "https://example.org@evil.example/": it has a name before "@", and a browser opens evil.example, the host after it',
    ]);
    expect(withLine('    url: "https://example.org:99999/"')).toEqual([
      'advisories/ml.yaml:18:10  error  contacts[0].url must be a web address starting with https:// (or http://), found "https://example.org:99999/": it is not a valid web address',
    ]);
  });

  it('says where an extension goes', () => {
    expect(withContactLine('    phone: "+223 20 00 00 00 ext. 214"')).toEqual([
      `advisories/ml.yaml:17:12  error  ${PHONE_EXPECTED}, found "+223 20 00 00 00 ext. 214": an extension cannot be dialled as part of the number: write "+223 20 00 00 00" here and the extension (214) in the contact's name or hours`,
    ]);
  });

  it('offers the address itself for an e-mail written as a link, and the full address for a web address without its scheme', () => {
    expect(withContactLine(`${PHONE}\n    email: mailto:consular@example.org`)).toEqual([
      'advisories/ml.yaml:18:12  error  contacts[0].email must be an e-mail address such as consular@example.org, found "mailto:consular@example.org": did you mean "consular@example.org"?',
    ]);
    expect(withContactLine(`${PHONE}\n    email: "Consular Section <consular@example.org>"`)).toEqual([
      'advisories/ml.yaml:18:12  error  contacts[0].email must be an e-mail address such as consular@example.org, found "Consular Section <consular@example.org>": did you mean "consular@example.org"?',
    ]);
    expect(withContactLine(`${PHONE}\n    email: consular@example.org.`)).toEqual([
      'advisories/ml.yaml:18:12  error  contacts[0].email must be an e-mail address such as consular@example.org, found "consular@example.org.": did you mean "consular@example.org"?',
    ]);
    expect(withContactLine(`${PHONE}\n    url: www.example.org/mali`)).toEqual([
      'advisories/ml.yaml:18:10  error  contacts[0].url must be a web address starting with https:// (or http://), found "www.example.org/mali": did you mean "https://www.example.org/mali"?',
    ]);
    expect(withContactLine(`${PHONE}\n    url: htps://example.org/mali`)).toEqual([
      'advisories/ml.yaml:18:10  error  contacts[0].url must be a web address starting with https:// (or http://), found "htps://example.org/mali": did you mean "https://example.org/mali"?',
    ]);
    // Nothing obvious to offer: the message stands alone.
    expect(withContactLine('    phone: "0800 HELP"')).toEqual([`advisories/ml.yaml:17:12  error  ${PHONE_EXPECTED}, found "0800 HELP"`]);
  });
});

describe('plain text that YAML would cut or join', () => {
  const cut = (at: string, field: string, lost: string) =>
    `advisories/ml.yaml:${at}  error  ${field} ends before "${lost}": in YAML a space followed by # starts a comment, so the rest of the line would not be published; put the whole text in quotes, or move the comment to a line of its own`;

  it('refuses text cut short by " #", which YAML reads as the start of a comment', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Take bus #5 to the embassy, not bus #7.'))).toEqual([cut('10:14', 'guidance[0]', '#5 to the embassy, not bus #7.')]);
    expect(check(replaceLine('phone: "+223 20 00 00 00"', 'phone: +223 20 00 00 00 #ext 12'))).toEqual([cut('17:29', 'contacts[0].phone', '#ext 12')]);
  });

  it('keeps "#" that is text: quoted, in a block, or with no space before it', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - "Take bus #5 to the embassy." # the 7 is slower'))).toEqual([]);
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Read the notice at example.org/advice#kayes.'))).toEqual([]);
    expect(check(replaceLine('summary: Be careful.', 'summary: |\n  Take bus #5.'))).toEqual([]);
    expect(check(replaceLine('level: 2', 'level: 2 # raised after the attacks'))).toEqual([]);
  });

  it('takes a comment after a date, a code or an address as a comment, as ADVISORY-FORMAT.md\'s example writes them', () => {
    const commented = [
      ['code: ML', 'code: ML                     # ISO 3166-1 alpha-2'],
      ['issued: 2025-07-01', 'issued: 2025-07-01 # YYYY-MM-DD'],
      ['updated: 2025-07-02', 'updated: 2025-07-02 #the day of the change'],
      ['review_by: 2026-01-01', 'review_by: 2026-01-01  # optional'],
      ['    code: ML-1', '    code: ML-1 # optional ISO 3166-2'],
      ['  - date: 2025-07-02', '  - date: 2025-07-02 # newest first'],
      ['    phone: "+223 20 00 00 00"', '    phone: "+223 20 00 00 00"\n    email: consular.bamako@example.org # replies within a day\n    url: https://example.org/bamako # the embassy\'s page'],
    ];
    expect(check(commented.reduce((text, [line, withComment]) => replaceLine(line!, withComment!, text), VALID))).toEqual([]);
  });

  it('warns that a comment after text will not be published, quoting it', () => {
    const warned = (at: string, field: string, comment: string) =>
      `advisories/ml.yaml:${at}  warning  ${field} is followed by a comment, "${comment}", which will not be published: in YAML a space followed by # starts a comment; if it is part of the text, put the whole text in quotes, and if it is a note for editors, move it to a line of its own`;
    expect(check(replaceLine('country: Mali', 'country: Mali                # display name in the primary language'))).toEqual([
      warned('1:30', 'country', '# display name in the primary language'),
    ]);
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Press 1, then # to repeat the message.'))).toEqual([warned('10:19', 'guidance[0]', '# to repeat the message.')]);
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: +223 20 00 00 00 #'))).toEqual([warned('17:29', 'contacts[0].phone', '#')]);
  });

  it('asks for quotes around text that starts with a character YAML keeps for itself', () => {
    const quotes = (at: string, ch: string) =>
      `advisories/ml.yaml:${at}  error  YAML syntax error: text cannot start with ${ch} unless it is in quotes (YAML keeps ${ch} at the start of a value for itself); put the whole text in quotes`;
    expect(check(replaceLine('summary: Be careful.', 'summary: `112` is the police.'))).toEqual([quotes('8:10', '`')]);
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - @IndiaInMali posts updates.'))).toEqual([quotes('10:5', '@')]);
    expect(check(replaceLine('summary: Be careful.', 'summary: "`112` is the police."'))).toEqual([]);
  });

  it('refuses a list item indented so far that YAML joins it to the item above', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n    - Avoid the border after dark.'))).toEqual([
      'advisories/ml.yaml:11:5  error  "- Avoid the border after dark." would be published as part of guidance[0], not as an item of its own: YAML reads a line indented further than the list as more of the text above it; line its dash up with the other items\' dashes, or put the text in quotes if the dash belongs to it',
    ]);
  });

  it('asks for quotes when text with ": " in it was read as a key and its value', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Important: stay in contact with the embassy.'))).toEqual([
      'advisories/ml.yaml:10:5  error  guidance[0] must be Markdown text (one paragraph), found a mapping: text with ": " in it reads as "key: value"; put the whole text in quotes',
    ]);
    expect(check(replaceLine('summary: Be careful.', 'summary: Warning: high risk'))).toEqual([
      'advisories/ml.yaml:8:10  error  YAML syntax error: Nested mappings are not allowed in compact mappings; if this value is text containing ": ", put the whole text in quotes',
    ]);
  });
});

describe('text YAML cannot read, with what to write', () => {
  it('says that quotes around the start of a value are YAML\'s, and how to publish them', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: "Do not travel" to the north.'))).toEqual([
      'advisories/ml.yaml:8:26  error  YAML syntax error: text after the closing " of a quoted value; quotes around the start of a value are YAML\'s, not part of the text: to publish them, put the whole value in \'…\'',
    ]);
    expect(check(replaceLine('summary: Be careful.', "summary: 'Don't' travel north."))).toEqual([
      'advisories/ml.yaml:8:15  error  YAML syntax error: text after the closing \' of a quoted value; quotes around the start of a value are YAML\'s, not part of the text: to publish them, put the whole value in "…", or write each \' inside as \'\'',
    ]);
  });

  it('says to indent a line of text at the margin that YAML reads as a field', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: Be careful\nin the north.'))).toEqual([
      'advisories/ml.yaml:9:1  error  YAML syntax error: Implicit keys need to be on a single line: a line at the margin starts a new field, so if it continues the text above, indent it (two spaces are enough)',
    ]);
  });
});

describe('lines indented wrongly', () => {
  // The parser's own words ("Implicit keys need to be on a single line") name neither the line nor indentation.
  it('names a field indented further than the one above, which already has its value', () => {
    expect(check(replaceLine('review_by: 2026-01-01', ' review_by: 2026-01-01'))).toEqual([
      'advisories/ml.yaml:6:2  error  YAML syntax error: "review_by: 2026-01-01" is indented further than "updated:" on line 5, which already has its value, so YAML cannot read it as a field; line it up with "updated:" (column 1), or, if it is more of the text above, put the whole text in quotes',
    ]);
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '     phone: "+223 20 00 00 00"'))).toEqual([
      'advisories/ml.yaml:17:6  error  YAML syntax error: "phone: "+223 20 00 00 00"" is indented further than "name:" on line 16, which already has its value, so YAML cannot read it as a field; line it up with "name:" (column 5), or, if it is more of the text above, put the whole text in quotes',
    ]);
  });

  it('names a field or a list item that starts left of its siblings', () => {
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '   phone: "+223 20 00 00 00"'))).toEqual([
      'advisories/ml.yaml:17:4  error  YAML syntax error: "phone:" starts at column 4, but the fields beside it start at column 5 ("name:" on line 16); line it up with them',
    ]);
    expect(check(replaceLine('  - date: 2025-07-01', ' - date: 2025-07-01'))).toEqual([
      'advisories/ml.yaml:21:2  error  YAML syntax error: this list item\'s dash is at column 2, but the other items\' dashes are at column 3 ("- date: 2025-07-02" on line 19); line it up with them',
    ]);
  });

  it('names both depths when a line sits between two that could be meant', () => {
    expect(check(`${VALID}translations:\n  fr:\n    summary: Soyez prudent.\n   guidance:\n      - Restez en contact avec l'ambassade.\n`)).toEqual([
      'advisories/ml.yaml:26:4  error  YAML syntax error: "guidance:" starts at column 4, between the fields at column 3 ("fr:" on line 24) and the fields at column 5 ("summary:" on line 25); line it up with the ones it belongs with',
    ]);
  });

  it('names a field that sits between a list and the fields of its items', () => {
    expect(check(replaceLine('    code: ML-1\n', '    code: ML-1\n   level: 4\n').replace('    level: 4\ncontacts', 'contacts'))).toEqual([
      'advisories/ml.yaml:14:4  error  YAML syntax error: "level:" starts at column 4, but the fields beside it start at column 5 ("code:" on line 13); line it up with them',
    ]);
  });

  it('names a line of a | text indented less than the text above it', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: |\n  ## Security\n\n  Be careful.\n More text, one space short.'))).toEqual([
      'advisories/ml.yaml:12:2  error  YAML syntax error: "More text, one space short." starts at column 2, left of the text above it (column 3, from line 9), so YAML ends that text before it; indent it as deep as the rest of the text',
    ]);
  });

  it('asks for the space after a colon or a dash', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary:Be careful.'))).toEqual([
      'advisories/ml.yaml:8:9  error  YAML syntax error: "summary:Be careful." has no space after the colon, so YAML does not read it as the field summary; write "summary: Be careful."',
    ]);
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  -Stay in contact with the embassy.'))).toEqual([
      'advisories/ml.yaml:10:3  error  guidance must be a list of at least 1 item, found "-Stay in contact with the embassy.": a list item needs a space after its dash: write "- Stay in contact with the em..."',
    ]);
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  Stay in contact with the embassy.'))).toEqual([
      'advisories/ml.yaml:10:3  error  guidance must be a list of at least 1 item, found "Stay in contact with the embassy.": write each item on a line of its own, starting with "- "',
    ]);
  });

  it('names a list item written without its dash, and a first item written on its field\'s line', () => {
    const items = '  - Stay in contact with the embassy.\n';
    expect(check(replaceLine(items, `${items}  Avoid the border: it is closed.\n`))).toEqual([
      'advisories/ml.yaml:11:3  error  YAML syntax error: "Avoid the border: it is closed." is among the items of a list (the dashes at column 3, "- Stay in contact with the embassy." on line 10) but has no dash; write "- " before it to make it an item, or indent it further to go on with the item above',
    ]);
    expect(check(replaceLine(`guidance:\n${items}`, 'guidance: Stay in contact with the embassy.\n  - "Avoid the border: it is closed."\n'))).toEqual([
      'advisories/ml.yaml:10:3  error  YAML syntax error: "- "Avoid the border: it is closed."" is a list item, but "guidance:" on line 9 already has text after it ("Stay in contact with the em..."), so YAML cannot read the items below it; write that text as the first item, on a line of its own starting with "- "',
    ]);
  });

  it('leaves the parser\'s words where the mistake is not indentation', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: Warning: high risk'))).toEqual([
      'advisories/ml.yaml:8:10  error  YAML syntax error: Nested mappings are not allowed in compact mappings; if this value is text containing ": ", put the whole text in quotes',
    ]);
  });
});

describe('titles that contradict the advisory', () => {
  const titled = (title: string) => replaceLine('level: 2\n', `level: 2\ntitle: ${title}\n`);

  it('warns when the title names another level than the advisory\'s (raised in a hurry, title left)', () => {
    expect(check(titled('Do not travel to Mali'))).toEqual([
      'advisories/ml.yaml:4:8  warning  title "Do not travel to Mali" names level 4 (Do Not Travel), but level is 2 (Exercise Increased Caution); write the title for the new level, or check the level',
    ]);
    expect(check(titled('Exercise increased caution in Mali'))).toEqual([]);
    // A title that names its own level may name another too, as one region's does.
    expect(check(titled('Exercise increased caution in Mali; do not travel to Kidal'))).toEqual([]);
  });

  it('warns when the summary names another level and not its own, unless a region is at that level', () => {
    const summary = (text: string, yaml = VALID) => replaceLine('summary: Be careful.', `summary: ${text}`, yaml);
    expect(check(summary('Exercise normal precautions in Mali.'))).toEqual([
      'advisories/ml.yaml:8:10  warning  summary "Exercise normal precautions in Mali." names level 1 (Exercise Normal Precautions), but level is 2 (Exercise Increased Caution); write the summary for the new level, or check the level',
    ]);
    // Its own level named beside another, or a region's level (Kayes is at 4): no contradiction.
    expect(check(summary('Exercise increased caution; the level was Exercise Normal Precautions until July.'))).toEqual([]);
    expect(check(summary('Do not travel to the Kayes Region.'))).toEqual([]);
    expect(check(summary('Do not travel to the Kayes Region.', replaceLine('    level: 4', '    level: 3')))).toEqual([
      'advisories/ml.yaml:8:10  warning  summary "Do not travel to the Kayes Region." names level 4 (Do Not Travel), but level is 2 (Exercise Increased Caution); write the summary for the new level, or check the level',
    ]);
  });

  it('compares a translation\'s title with the level names of its language', () => {
    const fr = ['Faites preuve de prudence normale', 'Faites preuve d\'une prudence accrue', 'Reconsidérez votre voyage', 'Ne voyagez pas'];
    const yaml = `${titled('Exercise increased caution in Mali')}translations:\n  fr:\n    title: Ne voyagez pas au Mali\n`;
    expect(check(yaml, { languages: ['en', 'fr'], levelWording: { en: wordingOf('Level', US_LEVEL_NAMES), fr: wordingOf('Niveau', fr) } }).filter((line) => line.includes('title'))).toEqual([
      'advisories/ml.yaml:26:12  warning  translations.fr.title "Ne voyagez pas au Mali" names level 4 (Ne voyagez pas), but level is 2 (Faites preuve d\'une prudence accrue); write the title for the new level, or check the level',
    ]);
  });

  it('warns when the title names another country and not its own (a file copied to start another)', () => {
    expect(check(titled('Exercise increased caution in Senegal'))).toEqual([
      'advisories/ml.yaml:4:8  warning  title "Exercise increased caution in Senegal" names Senegal (SN), not Mali (ML); if this file was copied from another advisory, rewrite its text for Mali',
    ]);
    // Names as whole words only: Niger is not named in "Nigeria".
    expect(check(titled('Exercise increased caution in Nigeria'))).toEqual([
      'advisories/ml.yaml:4:8  warning  title "Exercise increased caution in Nigeria" names Nigeria (NG), not Mali (ML); if this file was copied from another advisory, rewrite its text for Mali',
    ]);
    // A title naming its own country may name a neighbour.
    expect(check(titled('Exercise increased caution in Mali and near the border with Niger'))).toEqual([]);
    expect(check(titled('Exercise increased caution in the Republic of Mali'))).toEqual([]);
  });
});

describe('titles too long for the headline of a CAP alert', () => {
  const titled = (title: string) => replaceLine('level: 2\n', `level: 2\ntitle: ${title}\n`);
  const why = 'it is the headline of the CAP alert, and alerting networks may show only its first 160 characters (an SMS may show the headline alone); shorten it, and say the rest in the summary';
  // 160 characters exactly: "Exercise increased caution in Mali" (34) and 126 more.
  const fits = `Exercise increased caution in Mali${' because of terrorism'.repeat(6)}`;

  it('warns when a title is over 160 characters, giving its length', () => {
    expect([...fits].length).toBe(160);
    expect(check(titled(fits))).toEqual([]);
    expect(check(titled(`${fits}.`))).toEqual([`advisories/ml.yaml:4:8  warning  title is 161 characters long, over 160: ${why}`]);
  });

  it('counts characters, not UTF-16 units, and checks each published translation\'s title', () => {
    // Each 🚨 is one character but two UTF-16 units: 160 characters, 166 units.
    const siren = `${fits.slice(0, 154)}${'🚨'.repeat(6)}`;
    expect(siren.length).toBe(166);
    expect(check(titled(siren))).toEqual([]);
    const fr = `Faites preuve d'une prudence accrue au Mali${' en raison du terrorisme'.repeat(5)}`;
    const yaml = `${titled('Exercise increased caution in Mali')}translations:\n  fr:\n    title: ${fr}\n  de:\n    title: ${fits}.\n`;
    const titles = check(yaml, { languages: ['en', 'fr'] }).filter((line) => line.includes('characters long'));
    expect(titles).toEqual([`advisories/ml.yaml:26:12  warning  translations.fr.title is ${[...fr].length} characters long, over 160: ${why}`]);
  });
});

describe('characters pasted from a word processor or a web page', () => {
  // The editor shows a space, a dash or nothing at all; YAML and the format see another character.
  const RETYPE = 'YAML needs an ordinary space there: retype it';

  it('names a Unicode space where YAML needs an ordinary one, when YAML refuses the file', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n  -\u00a0Follow the news.'))).toEqual([
      `advisories/ml.yaml:11:4  error  YAML syntax error: a no-break space (U+00A0) between the dash and "Follow the news."; ${RETYPE}`,
    ]);
    expect(check(replaceLine('updated: 2025-07-02', 'updated:\u00a02025-07-02'))).toEqual([
      `advisories/ml.yaml:5:9  error  YAML syntax error: a no-break space (U+00A0) after "updated:"; ${RETYPE}`,
    ]);
    expect(check(replaceLine('  - name: Kayes Region', '  -\u202fname: Kayes Region'))).toEqual([
      `advisories/ml.yaml:12:4  error  YAML syntax error: a narrow no-break space (U+202F) between the dash and "name: Kayes Region"; ${RETYPE}`,
    ]);
    expect(check(replaceLine('    summary: Raised.', '    summary:\u3000Raised.'))).toEqual([
      `advisories/ml.yaml:20:13  error  YAML syntax error: an ideographic space (U+3000) after "summary:"; ${RETYPE}`,
    ]);
  });

  it('names a Unicode space in the indentation, or on a line that looks empty, when YAML refuses the file', () => {
    const INDENT = 'YAML indents with ordinary spaces only: retype the indentation';
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '  \u00a0 phone: "+223 20 00 00 00"'))).toEqual([
      `advisories/ml.yaml:17:3  error  YAML syntax error: a no-break space (U+00A0) in the indentation of "phone:"; ${INDENT}`,
    ]);
    expect(check(replaceLine('summary: Be careful.', 'summary: Be\n\u2007\u2007careful.'))).toEqual([
      `advisories/ml.yaml:9:1  error  YAML syntax error: a figure space (U+2007) in the indentation of "careful."; ${INDENT}`,
    ]);
    // In a | text, the line YAML would take as the text's end.
    expect(check(replaceLine('summary: Be careful.', 'summary: |\n  Be careful.\n\u00a0\u00a0Really.'))).toEqual([
      `advisories/ml.yaml:10:1  error  YAML syntax error: a no-break space (U+00A0) in the indentation of "Really."; ${INDENT}`,
    ]);
    expect(check(replaceLine('summary: Be careful.', 'summary: Be careful.\n\u00a0'))).toEqual([
      'advisories/ml.yaml:9:1  error  YAML syntax error: a no-break space (U+00A0) on a line that is otherwise empty; YAML reads it as text there: delete it',
    ]);
  });

  it('leaves a Unicode space alone where it is text', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: |\n  Be careful.\n  \u00a0Really.'))).toEqual([]);
    expect(check(replaceLine('summary: Be careful.', 'summary:\n  Be\n  \u00a0careful.'))).toEqual([]);
    expect(check(replaceLine('summary: Be careful.', 'summary: Be\u00a0careful\u00a0:\u00a0now.'))).toEqual([]);
  });

  it('names the character when YAML reads the line as something else', () => {
    // The only item: YAML reads "-\u00a0Stay..." as the text of guidance.
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  -\u00a0Stay in contact with the embassy.'))).toEqual([
      'advisories/ml.yaml:10:3  error  guidance must be a list of at least 1 item, found "-\u00a0Stay in contact with the embassy.": a list item needs an ordinary space after its dash, and this one has a no-break space (U+00A0): retype it',
    ]);
    // Deeper than the items: more of the item above.
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n    -\u00a0Avoid the border.'))).toEqual([
      'advisories/ml.yaml:11:5  error  "- Avoid the border." would be published as part of guidance[0], not as an item of its own: YAML reads a line indented further than the list as more of the text above it; line its dash up with the other items\' dashes, and type the space after it as an ordinary one: it is a no-break space (U+00A0), or put the text in quotes if the dash belongs to it',
    ]);
    // Indented with no-break spaces only: a field of its own, at the left margin, to YAML.
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '\u00a0\u00a0\u00a0\u00a0phone: "+223 20 00 00 00"'))).toEqual([
      'advisories/ml.yaml:17:1  error  unknown field "\u00a0\u00a0\u00a0\u00a0phone" (it holds 4 U+00A0 NO-BREAK SPACE characters at the start; type them as ordinary spaces) (expected one of: country, code, level, title, issued, updated, review_by, risks, summary, guidance, regions, contacts, body, updates, translations)',
    ]);
  });

  it('names invisible and look-alike characters in a value written in ASCII', () => {
    const value = (from: string, to: string) => check(replaceLine(from, to))[0];
    expect(value('code: ML', 'code: ML\u200b')).toBe(
      'advisories/ml.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "ML\u200b" (it holds an invisible U+200B ZERO WIDTH SPACE after "ML"; delete it)',
    );
    expect(value('level: 2', 'level: \u200b4')).toBe(
      'advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "\u200b4" (it holds an invisible U+200B ZERO WIDTH SPACE at the start, before "4"; delete it)',
    );
    expect(value('updated: 2025-07-02', 'updated: 2025\u201107\u201102')).toBe(
      'advisories/ml.yaml:5:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2025\u201107\u201102" (its dashes are U+2011 NON-BREAKING HYPHEN; type them as -)',
    );
    expect(value('updated: 2025-07-02', 'updated: 2025\u201307-02')).toBe(
      'advisories/ml.yaml:5:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2025\u201307-02" (it holds a U+2013 EN DASH after "2025"; type it as -)',
    );
    expect(value('updated: 2025-07-02', 'updated: \uff12\uff10\uff12\uff15-07-02')).toBe(
      'advisories/ml.yaml:5:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "\uff12\uff10\uff12\uff15-07-02" (it holds 4 full-width characters (U+FF12 FULLWIDTH DIGIT TWO, U+FF10 FULLWIDTH DIGIT ZERO, U+FF15 FULLWIDTH DIGIT FIVE) at the start; write "2025-07-02")',
    );
    expect(value('    code: ML-1', '    code: ML\u22121')).toBe(
      'advisories/ml.yaml:13:11  error  regions[0].code must be an ISO 3166-2 code of Mali such as ML-1, found "ML\u22121" (it holds a U+2212 MINUS SIGN after "ML"; type it as -)',
    );
    const PHONE = 'advisories/ml.yaml:17:12  error  contacts[0].phone must be a phone number such as "+223 20 00 00 00" or "112" (quoted), found';
    expect(value('phone: "+223 20 00 00 00"', 'phone: "+223 20 00\u200b 00 00"')).toBe(`${PHONE} "+223 20 00\u200b 00 00" (it holds an invisible U+200B ZERO WIDTH SPACE after "+223 20 00"; delete it)`);
    expect(value('phone: "+223 20 00 00 00"', 'phone: "+223 20 00 0O 00"')).toBe(`${PHONE} "+223 20 00 0O 00" (it holds the letter O after "+223 20 00 0"; type the digit 0)`);
    expect(value('phone: "+223 20 00 00 00"', 'phone: "+223\u00a020\u00a000\u00a000\u00a000"')).toBe(
      `${PHONE} "+223\u00a020\u00a000\u00a000\u00a000" (its spaces are U+00A0 NO-BREAK SPACE; type them as ordinary spaces)`,
    );
    expect(value('level: 2', 'level: \u201c4\u201d')).toBe(
      'advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "\u201c4\u201d" (it is wrapped in curly quotes \u201c \u201d, which YAML keeps as part of the value; delete them)',
    );
    expect(value('risks: [terrorism]', 'risks: [terrorism\u2060]')).toBe(
      'advisories/ml.yaml:7:9  error  risks[0] must be one of crime, terrorism, civil-unrest, health, natural-disaster, time-limited-event, kidnapping, wrongful-detention, other, found "terrorism\u2060" (it holds an invisible U+2060 WORD JOINER after "terrorism"; delete it): did you mean "terrorism"?',
    );
  });

  it('names them in a field name or a language code', () => {
    expect(check(replaceLine('review_by: 2026-01-01', 'review_by\u200b: 2026-01-01'))).toEqual([
      'advisories/ml.yaml:6:1  error  unknown field "review_by\u200b" (it holds an invisible U+200B ZERO WIDTH SPACE after "review_by"; delete it); did you mean "review_by"? (expected one of: country, code, level, title, issued, updated, review_by, risks, summary, guidance, regions, contacts, body, updates, translations)',
    ]);
    expect(check(`${VALID}translations:\n  fr\ufeff:\n    summary: Soyez prudent.\n`, { languages: ['en', 'fr'] })).toEqual([
      'advisories/ml.yaml:24:3  error  translations keys must be a language code such as fr or hi, found "fr\ufeff" (it holds an invisible U+FEFF ZERO WIDTH NO-BREAK SPACE after "fr"; delete it)',
    ]);
  });

  it('leaves text fields as they are said: their typography is the officer\'s', () => {
    expect(check(replaceLine('country: Mali', 'country: "\u00a0"'))).toEqual(['advisories/ml.yaml:1:10  error  country must be text on one line, found "\u00a0": it is empty: it holds only invisible characters (U+00A0); delete them and write the text']);
  });

  it('says that curly quotes are not YAML quotes', () => {
    const CURLY = 'curly quotes \u201c \u201d are not YAML quotes; use straight quotes "\u2026"';
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - \u201cImportant: tell someone where you are.\u201d'))).toEqual([
      `advisories/ml.yaml:10:5  error  guidance[0] must be Markdown text (one paragraph), found a mapping: text with ": " in it reads as "key: value", and ${CURLY}`,
    ]);
    expect(check(replaceLine('summary: Be careful.', 'summary: \u201cWarning: high risk\u201d'))).toEqual([
      `advisories/ml.yaml:8:10  error  YAML syntax error: Nested mappings are not allowed in compact mappings; the text has ": " in it, and ${CURLY}`,
    ]);
  });

  it('warns that a value wrapped in curly quotes is published with them, unless it is in straight quotes too', () => {
    expect(check(replaceLine('country: Mali', 'country: Mali\ntitle: \u201cExercise increased caution\u201d'))).toEqual([
      'advisories/ml.yaml:2:8  warning  title is wrapped in curly quotes \u201c \u201d: they are not YAML quotes, so they would be published as part of the text; remove them (or use straight quotes "\u2026"), or, to publish them, put the whole value in straight quotes: "\u201c\u2026\u201d"',
    ]);
    expect(check(replaceLine('country: Mali', 'country: Mali\ntitle: "\u201cExercise increased caution\u201d"'))).toEqual([]);
    expect(check(replaceLine('summary: Be careful.', 'summary: Read \u201cDo not travel\u201d first.'))).toEqual([]);
  });
});

describe('closed lists and codes', () => {
  it('offers the two-letter code for an alpha-3 code, as passports and UN lists write it', () => {
    for (const written of ['MLI', 'mli']) {
      expect(check(replaceLine('code: ML', `code: ${written}`))).toEqual([`advisories/ml.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "${written}": did you mean "ML"?`]);
    }
    expect(check(replaceLine('code: ML', 'code: XYZ'))).toEqual(['advisories/ml.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "XYZ"']);
  });

  it('rejects a risk outside the closed list, with a suggestion', () => {
    expect(check(replaceLine('risks: [terrorism]', 'risks: [terorism]'))).toEqual([
      'advisories/ml.yaml:7:9  error  risks[0] must be one of crime, terrorism, civil-unrest, health, natural-disaster, time-limited-event, kidnapping, wrongful-detention, other, found "terorism": did you mean "terrorism"?',
    ]);
  });

  it('offers the risk a word cut short or spaced out begins', () => {
    const RISK = 'must be one of crime, terrorism, civil-unrest, health, natural-disaster, time-limited-event, kidnapping, wrongful-detention, other';
    expect(check(replaceLine('risks: [terrorism]', 'risks: [terror, natural disaster, kidnap, crim]'))).toEqual([
      `advisories/ml.yaml:7:9  error  risks[0] ${RISK}, found "terror": did you mean "terrorism"?`,
      `advisories/ml.yaml:7:17  error  risks[1] ${RISK}, found "natural disaster": did you mean "natural-disaster"?`,
      `advisories/ml.yaml:7:35  error  risks[2] ${RISK}, found "kidnap": did you mean "kidnapping"?`,
      `advisories/ml.yaml:7:43  error  risks[3] ${RISK}, found "crim": did you mean "crime"?`,
    ]);
  });

  it('rejects a country name that is another code\'s name (a copy-paste slip), in the primary language or English', () => {
    const slip = (country: string, other: string) =>
      `advisories/ml.yaml:1:10  error  country "${country}" is the name of ${other}, but code is ML; check which country this advisory is for, and correct one of them`;
    expect(check(replaceLine('country: Mali', 'country: France'))).toEqual([slip('France', 'FR')]);
    expect(check(replaceLine('country: Mali', 'country: Allemagne'), { languages: ['fr'] })).toEqual([slip('Allemagne', 'DE')]);
    expect(check(replaceLine('country: Mali', 'country: cote d ivoire'))).toEqual([slip('cote d ivoire', 'CI')]);
    // Its own name in any case or spelling, and names that are no country's, pass.
    for (const own of ['MALI', 'Republic of Mali', 'Le Mali']) expect(check(replaceLine('country: Mali', `country: ${own}`))).toEqual([]);
  });

  it('rejects a country code that is not ISO 3166-1', () => {
    expect(check(replaceLine('code: ML', 'code: UK').replace('code: ML-1', 'code: UK-1'))).toEqual([
      'advisories/ml.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "UK": UK is not an ISO 3166-1 country code (GB is the ISO code of the United Kingdom)',
    ]);
    expect(check(replaceLine('code: ML', 'code: ml'))).toEqual(['advisories/ml.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "ml": did you mean "ML"?']);
  });

  it('keeps NO as Norway: YAML 1.2 has no yes/no booleans', () => {
    expect(check(replaceLine('code: ML', 'code: NO').replace('code: ML-1', 'code: NO-03').replace('country: Mali', 'country: Norway'))).toEqual([]);
  });

  it('requires region codes to belong to the country', () => {
    expect(check(replaceLine('code: ML-1', 'code: SN-DK'))).toEqual(['advisories/ml.yaml:13:11  error  regions[0].code must start with the country code ML-, found "SN-DK"']);
  });

  it('rejects a region listed twice', () => {
    const twice = replaceLine('contacts:', '  - name: Kayes Region\n    level: 3\ncontacts:');
    expect(check(twice)).toEqual([
      'advisories/ml.yaml:15:11  error  regions[1].name "Kayes Region" is listed twice (also regions[0]); merge the entries',
    ]);
  });
});

describe('unknown keys', () => {
  it('reports an unknown field with a "did you mean"', () => {
    expect(check(replaceLine('level: 2', 'level: 2\nlevle: 3'))).toEqual([
      'advisories/ml.yaml:4:1  error  unknown field "levle"; did you mean "level"? (expected one of: country, code, level, title, issued, updated, review_by, risks, summary, guidance, regions, contacts, body, updates, translations)',
    ]);
  });

  it('reports unknown fields inside lists too', () => {
    expect(check(replaceLine('    phone: "+223 20 00 00 00"', '    phone: "+223 20 00 00 00"\n    fax: "+223 1"'))).toEqual([
      'advisories/ml.yaml:18:5  error  unknown field "fax" in contacts[0] (expected one of: name, phone, email, url, address, hours, emergency)',
    ]);
  });

  it('names the field another word was meant for, and does not also call that field missing', () => {
    const TOP = '(expected one of: country, code, level, title, issued, updated, review_by, risks, summary, guidance, regions, contacts, body, updates, translations)';
    const CONTACT = '(expected one of: name, phone, email, url, address, hours, emergency)';
    const text = replaceLine('updated: 2025-07-02', 'last_updated: 2025-07-02', replaceLine('guidance:', 'advice:', replaceLine('    phone: "+223 20 00 00 00"', '    tel: "+223 20 00 00 00"\n    Website: https://example.org/bamako')));
    expect(check(text)).toEqual([
      `advisories/ml.yaml:5:1  error  unknown field "last_updated"; did you mean "updated"? ${TOP}`,
      `advisories/ml.yaml:9:1  error  unknown field "advice"; did you mean "guidance"? ${TOP}`,
      `advisories/ml.yaml:17:5  error  unknown field "tel" in contacts[0]; did you mean "phone"? ${CONTACT}`,
      `advisories/ml.yaml:18:5  error  unknown field "Website" in contacts[0]; did you mean "url"? ${CONTACT}`,
    ]);
  });

  it('refuses a YAML merge key by name, without calling the fields it was to bring missing', () => {
    expect(check(replaceLine('  - name: Embassy of India, Bamako\n', '  - <<: {name: Embassy of India, Bamako}\n'))).toEqual([
      'advisories/ml.yaml:16:5  error  "<<" (a YAML merge key) is not read by advisory in contacts[0]: copying fields from elsewhere in the file hides what is published; write the fields out here',
    ]);
  });
});

describe('dates', () => {
  it('rejects a date that does not exist', () => {
    expect(check(replaceLine('issued: 2025-07-01', 'issued: 2025-02-30'))).toEqual([
      'advisories/ml.yaml:4:9  error  issued must be a date as YYYY-MM-DD, e.g. 2025-07-02, found "2025-02-30": 2025-02-30 is not a real date: month 2 of 2025 has 28 days',
    ]);
  });

  it('rejects a date in another shape', () => {
    expect(check(replaceLine('issued: 2025-07-01', 'issued: 1/7/2025'))).toEqual(['advisories/ml.yaml:4:9  error  issued must be a date as YYYY-MM-DD, e.g. 2025-07-02, found "1/7/2025"']);
  });

  it('requires updated not before issued', () => {
    expect(check(replaceLine('issued: 2025-07-01', 'issued: 2025-07-03').replace('date: 2025-07-01', 'date: 2025-07-03'))).toContain(
      'advisories/ml.yaml:5:10  error  updated must not be before issued (2025-07-03), found 2025-07-02',
    );
  });

  it('requires updates newest first', () => {
    const swapped = VALID.replace('date: 2025-07-02\n    summary: Raised.\n  - date: 2025-07-01', 'date: 2025-07-01\n    summary: Raised.\n  - date: 2025-07-02');
    expect(check(swapped)).toEqual([
      'advisories/ml.yaml:21:11  error  updates must be newest first: updates[1].date (2025-07-02) is newer than the entry above it (2025-07-01)',
    ]);
  });

  it('rejects an update after the advisory was last updated', () => {
    expect(check(replaceLine('updated: 2025-07-02', 'updated: 2025-07-01'))).toEqual([
      "advisories/ml.yaml:19:11  error  updates[0].date (2025-07-02) is after updated (2025-07-01); set updated to the newest update's date",
    ]);
  });

  it('says how to write a date that YAML read as a number (quotes would not make it one)', () => {
    expect(check(replaceLine('issued: 2025-07-01', 'issued: 20250701'))).toEqual([
      'advisories/ml.yaml:4:9  error  issued must be a date as YYYY-MM-DD, e.g. 2025-07-02, found the number 20250701: write it as 2025-07-01',
    ]);
  });

  it('names old Mac line endings (CR alone) instead of the errors they cause, and accepts CRLF', () => {
    expect(check(VALID.replace(/\n/g, '\r'))).toEqual([
      'advisories/ml.yaml:1:14  error  line ends with a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings',
    ]);
    expect(check(VALID.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('warns when review_by has passed, and not before', () => {
    expect(check(VALID, { today: '2026-01-02' })).toEqual([
      'advisories/ml.yaml:6:12  warning  review_by 2026-01-01 has passed (today is 2026-01-02); review the advice and set a new date',
    ]);
    expect(check(VALID, { today: '2026-01-01' })).toEqual([]);
  });

  it('refuses issued or updated in the future (a slip of the year), allowing a day for time zones east of UTC', () => {
    const future = replaceLine('updated: 2025-07-02', 'updated: 2062-07-02').replace('review_by: 2026-01-01', 'review_by: 2063-01-01');
    expect(check(future, { today: '2026-01-02' })).toEqual([
      'advisories/ml.yaml:5:10  error  updated 2062-07-02 is in the future (today is 2026-01-02); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over',
    ]);
    // Written on 2 July in Auckland while it is still 1 July in UTC: not a slip.
    expect(check(VALID, { today: '2025-07-01' })).toEqual([]);
    expect(check(VALID, { today: '2025-06-30' })).toEqual([
      'advisories/ml.yaml:5:10  error  updated 2025-07-02 is in the future (today is 2025-06-30); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over',
    ]);
  });

  it('refuses a translation that claims a future update, which would hide every later change from the staleness check', () => {
    const translated = `${VALID}translations:\n  fr:\n    updated: 2099-07-02\n    summary: Soyez prudents.\n`;
    expect(check(translated, { today: '2025-08-01', languages: ['en', 'fr'] }).filter((line) => line.includes('future'))).toEqual([
      'advisories/ml.yaml:25:14  error  translations.fr.updated 2099-07-02 is in the future (today is 2025-08-01); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over',
    ]);
  });
});

describe('warnings that keep advice meaningful', () => {
  it('warns about a region at the same level as its country', () => {
    expect(check(replaceLine('    level: 4', '    level: 2'))).toEqual([
      'advisories/ml.yaml:14:12  warning  Kayes Region is at level 2, the same as the whole country; drop the region or change its level',
    ]);
  });

  it('warns about a level 3 or 4 advisory with no contact', () => {
    const noContact = replaceLine('contacts:\n  - name: Embassy of India, Bamako\n    phone: "+223 20 00 00 00"\n', '').replace('level: 2', 'level: 3');
    expect(check(noContact)).toEqual(['advisories/ml.yaml:3:8  warning  a level 3 advisory has no contacts; add at least the embassy under contacts']);
  });
});

describe('translations', () => {
  it('rejects a translation that drops a guidance item', () => {
    const translated = `${VALID}translations:\n  fr:\n    updated: 2025-07-02\n    guidance: []\n`;
    expect(check(translated, { languages: ['en', 'fr'] })).toContain(
      'advisories/ml.yaml:26:15  error  translations.fr.guidance has 0 items but guidance has 1; translate every item, in the same order',
    );
  });

  it('warns about a translation into a language that is not published', () => {
    const translated = `${VALID}translations:\n  de:\n    summary: Vorsicht.\n`;
    expect(check(translated, { languages: ['en'] })).toEqual([
      'advisories/ml.yaml:24:3  warning  translations.de is not published: de is not in the configured languages (en)',
    ]);
  });
});

describe('text that shows nothing', () => {
  const empty = (at: string, field: string, expected: string, found: string, characters: string) =>
    `advisories/ml.yaml:${at}  error  ${field} must be ${expected}, found ${JSON.stringify(found)}: it is empty: it holds only invisible characters (${characters}); delete them and write the text`;

  it('refuses a guidance item, a region name or a title made only of invisible characters, which would publish as empty', () => {
    expect(check(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy.\n  - "\\u200b "'))).toEqual([
      empty('11:5', 'guidance[1]', 'Markdown text (one paragraph)', '\u200b ', 'U+200B, U+0020'),
    ]);
    expect(check(replaceLine('  - name: Kayes Region', '  - name: "\\u2060"'))).toEqual([empty('12:11', 'regions[0].name', 'text on one line', '\u2060', 'U+2060')]);
    expect(check(replaceLine('level: 2', 'level: 2\ntitle: "\\u00a0"'))).toEqual([empty('4:8', 'title', 'text on one line', '\u00a0', 'U+00A0')]);
    // Joiners, a byte-order mark, a Hangul filler, the blank braille pattern: all show nothing.
    expect(check(replaceLine('summary: Be careful.', 'summary: "\\u200c\\u200d\\ufeff\\u3164\\u2800"'))).toEqual([
      empty('8:10', 'summary', 'Markdown text (one paragraph)', '\u200c\u200d\ufeff\u3164\u2800', 'U+200C, U+200D, U+FEFF, U+3164, ...'),
    ]);
  });

  it('refuses it in a translation too', () => {
    const translated = `${VALID}translations:\n  fr:\n    updated: 2025-07-02\n    guidance: ["\\u200b"]\n`;
    expect(check(translated, { languages: ['en', 'fr'] })).toEqual([empty('26:16', 'translations.fr.guidance[0]', 'Markdown text (one paragraph)', '\u200b', 'U+200B')]);
  });

  it('keeps the plain message for spaces alone, and accepts text with invisible characters among visible ones', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: "  "'))).toEqual(['advisories/ml.yaml:8:10  error  summary must be Markdown text (one paragraph), found "  ": it is empty']);
    expect(check(replaceLine('summary: Be careful.', 'summary: "Be\\u200bcareful."'))).toEqual([]);
  });
});

describe('contacts that cannot be reached', () => {
  const contact = (fields: string) => replaceLine('    phone: "+223 20 00 00 00"\n', fields);

  it('refuses an emergency contact with no phone: it would be published for emergencies with no number', () => {
    expect(check(contact('    email: consular.bamako@example.org\n    emergency: true\n'))).toEqual([
      'advisories/ml.yaml:18:16  error  contacts[0].emergency is true, but contacts[0] has no phone: it would be published as the contact for emergencies with no number to call; add its phone, or remove emergency: true',
    ]);
  });

  it('warns about a contact with no phone, e-mail or web address', () => {
    expect(check(contact('    address: Hamdallaye ACI 2000, Bamako\n'))).toEqual([
      'advisories/ml.yaml:16:5  warning  contacts[0] has no phone, email or url: readers have no way to reach it; add at least one',
    ]);
    expect(check(contact('    url: https://example.org/bamako\n'))).toEqual([]);
  });
});

describe('regions written twice', () => {
  const second = (name: string, code = '') => replaceLine('contacts:', `  - name: ${name}\n${code}    level: 3\ncontacts:`);

  it('compares names as a reader sees them: case, repeated, trailing and no-break spaces do not make another region', () => {
    for (const [written, shown] of [['kayes  region', 'kayes  region'], ['"KAYES REGION "', 'KAYES REGION '], ['"Kayes\\u00a0Region"', 'Kayes\u00a0Region']] as const) {
      expect(check(second(written))).toEqual([`advisories/ml.yaml:15:11  error  regions[1].name "${shown}" is listed twice (also regions[0], "Kayes Region"); merge the entries`]);
    }
  });

  it('folds case by the rules of the primary language', () => {
    const turkish = (a: string, b: string) => check(replaceLine('  - name: Kayes Region', `  - name: ${a}`, second(b)), { languages: ['tr'] });
    expect(turkish('Izmir', 'izmir')).toEqual([]);
    expect(turkish('İzmir', 'izmir')).toEqual(['advisories/ml.yaml:15:11  error  regions[1].name "izmir" is listed twice (also regions[0], "İzmir"); merge the entries']);
  });

  it('refuses two regions with one code, which a CAP alert would list as two areas under one geocode', () => {
    expect(check(second('Kita Region', '    code: ML-1\n'))).toEqual([
      'advisories/ml.yaml:16:11  error  regions[1].code ML-1 is also the code of regions[0] ("Kayes Region"); give each region its own code, or merge the entries',
    ]);
  });

  it('suggests the code in capitals', () => {
    expect(check(replaceLine('code: ML-1', 'code: ml-1'))).toEqual(['advisories/ml.yaml:13:11  error  regions[0].code must be an ISO 3166-2 code of Mali such as ML-1, found "ml-1": did you mean "ML-1"?']);
  });
});
