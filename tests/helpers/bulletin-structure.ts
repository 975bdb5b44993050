/**
 * The structure of a rendered Markdown or plain-text bulletin, as a reader's
 * tool sees it: marked's lexer for Markdown (and its stock renderer, which
 * passes raw HTML through), the heading underlines for plain text. Used to
 * prove that no field can add a section, a list item, raw HTML or a link
 * definition of its own.
 */
import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { LIST_SEPARATOR } from '../../src/render/markdown-md.js';
import { decodeEntities, SAFE_SCHEMES } from '../../src/render/safe-url.js';

export interface MarkdownStructure {
  /** Top-level headings, as `h2 Summary`. */
  headings: string[];
  /** Per h2 section, how many list items it has at the top level (the body's section not included). */
  items: Record<string, number>;
  /** What a field could have smuggled in: raw HTML, link definitions, unsafe links, blocks inside a one-line item. */
  hazards: string[];
  /** The elements stock marked makes of the Markdown. */
  elements: string[];
  /** Per table, its number of columns in the header and in each row. */
  tables: Array<{ columns: number; rows: number[] }>;
}

const stock = new Marked({ gfm: true });

/** The scheme a browser would use for `href` written into an attribute (entities decoded, whitespace ignored). */
function protocol(href: string): string {
  return new URL(decodeEntities(href), 'https://example.org/').protocol;
}

/**
 * `bodySection` is the heading of the section that holds the advisory's free
 * Markdown body; `blocks` the kinds of top-level block the template writes.
 */
export function markdownStructure(markdown: string, bodySection: string, blocks = ['paragraph', 'space', 'hr', 'list']): MarkdownStructure {
  const tokens = Lexer.lex(markdown, { gfm: true });
  const tables: MarkdownStructure['tables'] = [];
  const headings: string[] = [];
  const items: Record<string, number> = {};
  const hazards: string[] = [];
  let section = '';
  for (const token of tokens) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      headings.push(`h${heading.depth} ${heading.text}`);
      if (heading.depth <= 2) section = heading.text;
    } else if (section !== bodySection) {
      if (token.type === 'list') {
        const list = token as Tokens.List;
        items[section] = (items[section] ?? 0) + list.items.length;
        list.items.forEach((item, i) => {
          const inner = item.tokens.filter((t) => t.type !== 'space');
          if (item.task || inner.length !== 1 || inner[0]!.type !== 'text') hazards.push(`${section}: item ${i + 1} holds ${item.task ? 'a checkbox' : inner.map((t) => t.type).join(', ')}`);
        });
      } else if (token.type === 'table') {
        const table = token as Tokens.Table;
        tables.push({ columns: table.header.length, rows: table.rows.map((r) => r.length) });
      }
      if (!blocks.includes(token.type)) hazards.push(`${section}: a ${token.type} block`);
    }
  }
  const hrs = tokens.filter((t) => t.type === 'hr').length;
  if (blocks.includes('hr') && hrs !== 1 && !headings.includes(`h2 ${bodySection}`)) hazards.push(`${hrs} rules instead of the template's one`);
  const walk = (list: Token[]) => {
    for (const token of list) {
      // The one comment the bulletin writes itself, between two lists; never a field's text.
      if (token.type === 'html' && token.raw.trim() !== LIST_SEPARATOR) hazards.push(`raw HTML: ${token.raw.slice(0, 60)}`);
      if (token.type === 'def') hazards.push(`link definition: ${token.raw.slice(0, 60)}`);
      if (token.type === 'link' || token.type === 'image') {
        const href = (token as Tokens.Link).href;
        if (!(SAFE_SCHEMES as readonly string[]).includes(protocol(href))) hazards.push(`${token.type} to ${href}`);
      }
    }
  };
  stock.walkTokens(tokens, (token) => walk([token]));
  for (const label of Object.keys(tokens.links)) hazards.push(`link definition [${label}]`);
  const html = stock.parse(markdown, { async: false });
  const elements = [...new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()))].sort();
  return { headings, items, hazards, elements, tables };
}

/** Every link of a Markdown document: the text a reader sees (escapes resolved), and where it goes. */
export function markdownLinks(markdown: string): Array<{ text: string; href: string }> {
  const links: Array<{ text: string; href: string }> = [];
  stock.walkTokens(Lexer.lex(markdown, { gfm: true }), (token) => {
    if (token.type !== 'link') return;
    const link = token as Tokens.Link;
    links.push({ text: link.tokens.map((t) => (t.type === 'escape' || t.type === 'text' ? (t as Tokens.Text).text : t.raw)).join(''), href: link.href });
  });
  return links;
}

/** What stock marked may make of a bulletin: nothing that runs, loads or asks for input. */
export const MARKDOWN_ELEMENTS = new Set('a p ul ol li h1 h2 h3 h4 h5 h6 strong em del code pre blockquote table thead tbody tr th td hr br'.split(' '));

/** What the body of an HTML page may contain: the templates' own elements and what our Markdown renderer writes. */
export const PAGE_BODY_ELEMENTS = new Set([...MARKDOWN_ELEMENTS, 'header', 'main', 'footer', 'nav', 'span', 'div', 'dl', 'dt', 'dd', 'bdi', 'time', 'colgroup', 'col']);

export interface TextStructure {
  /** Lines at the margin underlined with `=` or `-` (the title's last line, then the sections). */
  headings: string[];
  /** Per section, how many lines start a list item (`- `). */
  items: Record<string, number>;
  /** Lines of a list section that neither start an item nor continue one. */
  strays: string[];
}

const UNDERLINE = /^(={3,}|-{3,})$/;

export function textStructure(text: string, listSections: readonly string[]): TextStructure {
  const lines = text.split('\n');
  const headings: string[] = [];
  const items: Record<string, number> = {};
  const strays: string[] = [];
  let section = '';
  let inItem = false;
  lines.forEach((line, i) => {
    const next = lines[i + 1] ?? '';
    if (line.trim() && !line.startsWith(' ') && UNDERLINE.test(next)) {
      headings.push(line);
      section = line;
      return;
    }
    if (!line.trim()) inItem = false;
    if (UNDERLINE.test(line) || !listSections.includes(section) || !line.trim()) return;
    if (line.startsWith('- ')) {
      items[section] = (items[section] ?? 0) + 1;
      inItem = true;
    } else if (inItem && !line.startsWith('  ')) strays.push(`${section}: ${line}`);
  });
  return { headings, items, strays };
}
