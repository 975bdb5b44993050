/**
 * The registry of output formats. Each format says how text is shaped for it
 * (its Adapter) and whether Handlebars should HTML-escape `{{value}}`.
 */
import Handlebars from 'handlebars';
import type { Format } from '../config/config.js';
import { inlineMarkdownToHtml, joinLines, markdownToHtml, type TextOptions } from './markdown-html.js';
import { escapeMarkdownText, inlineMarkdownToMarkdown, markdownToMarkdown } from './markdown-md.js';
import { inlineMarkdownToText, markdownToText } from './markdown-text.js';
import { textDirection, type Adapter } from './view.js';

export interface FormatDefinition {
  id: Format;
  ext: string;
  /** HTML escapes every `{{value}}`; Markdown and text get values already made safe by the adapter. */
  htmlEscape: boolean;
  /** The adapter for pages in a language of each direction. */
  adapters: Readonly<Record<Direction, Adapter>>;
}

type Direction = ReturnType<typeof textDirection>;

/**
 * Per direction of the page's language, whether a field's Markdown is in a
 * right-to-left language: that of the page, or the language the field falls back to.
 * Such text has its phone numbers isolated (see bidi.ts); left-to-right text is left as it is.
 */
function adapters(make: (options: (lang: string | undefined) => TextOptions) => Adapter): Record<Direction, Adapter> {
  const forPage = (dir: Direction) => make((lang) => ({ rtl: (lang === undefined ? dir : textDirection(lang)) === 'rtl' }));
  return { ltr: forPage('ltr'), rtl: forPage('rtl') };
}

/**
 * Text in another language than the page's (a translation falling back to the
 * primary language) carries its own `lang` and `dir`, so a screen reader
 * switches voice and English stays left to right on an Arabic page.
 * `lang` is a configured language tag, validated with the config.
 */
export function inLanguage(html: string, lang: string | undefined, element: 'span' | 'div'): string {
  return lang === undefined ? html : `<${element} lang="${lang}" dir="${textDirection(lang)}">${html}</${element}>`;
}

const html: FormatDefinition = {
  id: 'html',
  ext: 'html',
  htmlEscape: true,
  adapters: adapters((options) => ({
    text: (value, lang) => (lang === undefined ? value : new Handlebars.SafeString(inLanguage(Handlebars.escapeExpression(value), lang, 'span'))),
    inline: (markdown, lang) => new Handlebars.SafeString(inLanguage(inlineMarkdownToHtml(markdown, options(lang)), lang, 'span')),
    block: (markdown, lang) => new Handlebars.SafeString(inLanguage(markdownToHtml(markdown, options(lang)), lang, 'div')),
  })),
};

const md: FormatDefinition = {
  id: 'md',
  ext: 'md',
  htmlEscape: false,
  adapters: adapters((options) => ({
    text: (value) => escapeMarkdownText(value),
    inline: (markdown, lang) => inlineMarkdownToMarkdown(markdown, options(lang)),
    block: (markdown, lang) => markdownToMarkdown(markdown, options(lang)),
  })),
};

const txt: FormatDefinition = {
  id: 'txt',
  ext: 'txt',
  htmlEscape: false,
  adapters: adapters((options) => ({
    // Plain text cannot be restructured, but a newline in a one-line field would still break the layout.
    text: joinLines,
    inline: (markdown, lang) => inlineMarkdownToText(markdown, options(lang)),
    block: (markdown, lang) => markdownToText(markdown, options(lang)),
  })),
};

export const FORMAT_DEFINITIONS: Readonly<Record<Format, FormatDefinition>> = { html, md, txt };
