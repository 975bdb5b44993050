/**
 * Text into XML (Atom feeds, CAP alerts). HTML's escaping covers the markup
 * characters; XML 1.0 also forbids some code points outright (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF), which no escape can carry, so
 * they become U+FFFD instead of making the whole document unreadable.
 * Advisories already reject C0 controls; this guards every other source
 * (config, labels) too.
 */
import { escapeHtml } from '../render/markdown-html.js';
import { utcDateTime } from '../advisory/dates.js';

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML_CHAR, '\ufffd'));
}

/** `<name>text</name>`, escaped; the one way the publish modules write a text element. */
export function xmlElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** A date (midnight UTC) or date and time from the data as an instant in UTC, with seconds, the way Atom and JSON Feed (RFC 3339) want it. */
export function dateTimeUtc(value: string): string {
  return utcDateTime(value);
}
