/**
 * What an officer most likely meant by an address or a phone number that
 * the format refuses: a link target written without its scheme, a contact's
 * e-mail written as a `mailto:` link, two numbers in one `phone`. The hint
 * goes into the message, so that the fix can be typed without guessing.
 */
import { didYouMean } from './suggest.js';

/** The address meant, where it is obvious: a misspelt scheme, a missing `https://`, `mailto:` or `tel:`. */
export function suggestTarget(href: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):\/*(.*)$/is.exec(href);
  if (scheme) {
    const near = didYouMean(scheme[1]!, ['https', 'http', 'mailto', 'tel']);
    if (!near) return null;
    // A phone number's spaces and brackets are for reading: a tel: address is its digits.
    if (near === 'tel') return `tel:${scheme[2]!.replace(/[\s().-]/g, '')}`;
    return near.startsWith('http') ? `${near}://${scheme[2]}` : `${near}:${scheme[2]}`;
  }
  const missingColon = /^(https?)\/\/(.+)$/is.exec(href);
  if (missingColon) return `${missingColon[1]}://${missingColon[2]}`;
  if (href.startsWith('//')) return `https:${href}`;
  if (/^www\.[^\s/]+\.[^\s/]/i.test(href)) return `https://${href}`;
  if (/^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i.test(href)) return `mailto:${href}`;
  if (/^\+?[\d\s().-]{6,}$/.test(href)) return `tel:${href.replace(/[\s().-]/g, '')}`;
  return null;
}

/** A phone number as the format takes it (the same pattern as the `phone` field's). */
export const PHONE = /^\+?[0-9][0-9 ()./-]{1,30}$/;
/**
 * The `tel:` address of a phone number as written: its digits, and the `+`. A `(0)` after the
 * country code (`+44 (0)20 7946 0000`) is the trunk prefix dialled only from inside the country:
 * read from the international number it would dial +44 0 20..., which does not exist.
 */
export function telHref(phone: string): string {
  const international = phone.trimStart().startsWith('+');
  return `tel:${(international ? phone.replace(/\(\s*0\s*\)/g, '') : phone).replace(/[^+0-9]/g, '')}`;
}

/**
 * `+221 33 889 12 34/35`, `+44 20 7946 0000/0001`: a second number written as the ending that
 * replaces the last group, which a `tel:` link would dial as one long number that does not exist.
 * Told apart from a slash after the area code (`089/1234567`, `+49 3381/5555`, as written in
 * Germany) by where it stands: after at least three groups, or before an ending of one or two digits,
 * and never before a group longer than the one it follows. `112/15` is two short numbers.
 */
const SLASHED_ENDING = /^(.*?)(\d+)\s*\/\s*(\d+)$/;

/** Why a phone number the pattern takes is still not one number, or null. */
export function phoneProblem(value: string): string | null {
  const slashed = SLASHED_ENDING.exec(value.trim());
  if (!slashed) return null;
  const [, before, group, ending] = slashed as unknown as [string, string, string, string];
  const groupsBefore = before.match(/\d+/g)?.length ?? 0;
  if (ending.length > group.length || (ending.length > 2 && groupsBefore < 2)) return null;
  // "112/15" is two whole numbers; "... 12 34/35" ends the same number two ways.
  const second = groupsBefore === 0 ? ending : before + group.slice(0, group.length - ending.length) + ending;
  return `"${group}/${ending}" gives two numbers, which a phone link would dial as one; one number per contact: write "${before}${group}" here and add a contact of its own for "${second}"`;
}

/**
 * An e-mail address as the format takes it (the same pattern as the `email` field's). ASCII only,
 * as for a web address: a Cyrillic "а" in `exаmple.org` looks the same and leads elsewhere.
 */
export const EMAIL = /^(?=[!-~]+$)[^@<>()[\]\\,;:"?#&%/=]+@[^@<>()[\]\\,;:"?#&%/=]+\.[A-Za-z]{2,}$/;

/** A web address as the format takes it (the same pattern as the `url` field's): ASCII only, as written in punycode. */
export const WEB_ADDRESS = /^https?:\/\/[!-~]+$/;

/**
 * Why a web address the pattern takes would not lead a reader where it seems to, or null:
 * `https://example.org@evil.example/` shows one site and opens the one after the `@`.
 */
export function webAddressProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not a valid web address';
  }
  if (url.username || url.password) return `it has a name before "@", and a browser opens ${url.host}, the host after it`;
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return `its host ${url.hostname} is not a plain host name`;
  return null;
}

/** Words and marks that join two numbers in one field: "+254 20 000 0000 / +254 722 000 000". */
const NUMBER_SEPARATORS = /\s*(?:\s\/\s|;|,|\bor\b|\bou\b|\band\b)\s*/i;
/** The same for addresses, which have no spaces of their own, so a space alone separates them too. */
const ADDRESS_SEPARATORS = /\s*(?:\s\/\s|;|,|\s(?:or|ou|and)\s)\s*|\s+/i;

/** Two or more values, each one the field takes, in one field: the first stays, each other needs a contact of its own. */
function oneEach(value: string, separators: RegExp, pattern: RegExp, what: string): string | undefined {
  const parts = value.trim().split(separators).filter(Boolean);
  if (parts.length < 2 || !parts.every((part) => pattern.test(part))) return undefined;
  return `one ${what} per contact: write "${parts[0]}" here and add a contact of its own for ${parts.slice(1).map((part) => `"${part}"`).join(' and ')}`;
}
/** An extension after the number: "ext. 123", "x123", "poste 12". */
const EXTENSION = /^(.*?\d)[\s,]*(?:ext\.?|extension|x|poste)\s*(\d+)$/i;

/** `phone`: one number each; an extension, or a second number, has a place of its own. */
export function phoneHint(value: string): string | undefined {
  // `tel:+223 20 00 00 00`, copied from a link: the bulletins make the link themselves.
  const linked = /^\s*tel:\s*(.*)$/i.exec(value);
  if (linked && PHONE.test(linked[1]!.trim())) return `write the number alone, without "tel:" (the bulletins link it): "${linked[1]!.trim()}"`;
  const two = oneEach(value, NUMBER_SEPARATORS, PHONE, 'number');
  if (two) return two;
  const extension = EXTENSION.exec(value.trim());
  if (extension && PHONE.test(extension[1]!)) {
    return `an extension cannot be dialled as part of the number: write "${extension[1]}" here and the extension (${extension[2]}) in the contact's name or hours`;
  }
  return undefined;
}

/**
 * `email`: the address alone, not a link to it, nor as a mail program writes it with a name
 * (`Consular Section <consular@example.org>`), nor with the full stop of the sentence it was copied from.
 */
export function emailHint(value: string): string | undefined {
  const two = oneEach(value, ADDRESS_SEPARATORS, EMAIL, 'e-mail address');
  if (two) return two;
  const address = value
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^[^<>]*<(.*)>$/, '$1')
    .replace(/\.+$/, '');
  return address !== value && EMAIL.test(address) ? `did you mean "${address}"?` : undefined;
}

/** `url`: a web address with its scheme. */
export function urlHint(value: string): string | undefined {
  const two = oneEach(value, ADDRESS_SEPARATORS, WEB_ADDRESS, 'web address');
  if (two) return two;
  // Only an address the field takes is worth offering: "https://a.org, https://b.org" has its scheme already.
  const suggestion = suggestTarget(value.trim());
  return suggestion !== null && suggestion !== value && WEB_ADDRESS.test(suggestion) ? `did you mean "${suggestion}"?` : undefined;
}
