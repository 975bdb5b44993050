/**
 * The registry of output formats. Each format says how text is shaped for it
 * (its Adapter) and whether Handlebars should HTML-escape `{{value}}`.
 */
import Handlebars from 'handlebars';
import type { Format } from '../config/config.js';
import { inlineMarkdownToHtml, joinLines, markdownToHtml } from './markdown-html.js';
import { escapeMarkdownText, inlineMarkdownToMarkdown, markdownToMarkdown } from './markdown-md.js';
import { inlineMarkdownToText, markdownToText } from './markdown-text.js';
import { textDirection, type Adapter } from './view.js';

export interface FormatDefinition {
  id: Format;
  ext: string;
  /** HTML escapes every `{{value}}`; Markdown and text get values already made safe by the adapter. */
  htmlEscape: boolean;
  adapter: Adapter;
}

/**
 * Text in another language than the page's (a translation falling back to the
 * primary language) carries its own `lang` and `dir`, so a screen reader
 * switches voice and English stays left to right on an Arabic page.
 * `lang` is a configured language tag, validated with the config.
 */
function inLanguage(html: string, lang: string | undefined, element: 'span' | 'div'): string {
  return lang === undefined ? html : `<${element} lang="${lang}" dir="${textDirection(lang)}">${html}</${element}>`;
}

const html: FormatDefinition = {
  id: 'html',
  ext: 'html',
  htmlEscape: true,
  adapter: {
    text: (value, lang) => (lang === undefined ? value : new Handlebars.SafeString(inLanguage(Handlebars.escapeExpression(value), lang, 'span'))),
    inline: (markdown, lang) => new Handlebars.SafeString(inLanguage(inlineMarkdownToHtml(markdown), lang, 'span')),
    block: (markdown, lang) => new Handlebars.SafeString(inLanguage(markdownToHtml(markdown), lang, 'div')),
  },
};

const md: FormatDefinition = {
  id: 'md',
  ext: 'md',
  htmlEscape: false,
  adapter: {
    text: escapeMarkdownText,
    inline: inlineMarkdownToMarkdown,
    block: markdownToMarkdown,
  },
};

const txt: FormatDefinition = {
  id: 'txt',
  ext: 'txt',
  htmlEscape: false,
  adapter: {
    // Plain text cannot be restructured, but a newline in a one-line field would still break the layout.
    text: joinLines,
    inline: inlineMarkdownToText,
    block: (markdown) => markdownToText(markdown),
  },
};

export const FORMAT_DEFINITIONS: Readonly<Record<Format, FormatDefinition>> = { html, md, txt };
