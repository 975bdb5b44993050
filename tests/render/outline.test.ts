import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/markdown-html.js';
import { markdownToMarkdown } from '../../src/render/markdown-md.js';
import { markdownToText } from '../../src/render/markdown-text.js';

const headings = (html: string) => [...html.matchAll(/<h(\d)>([^<]*)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`);

describe('headings in an advisory body', () => {
  it('keep their levels under the bulletin\'s sections when they are in order', () => {
    expect(headings(markdownToHtml('## Security\n\n### Bamako\n\n## Health'))).toEqual(['h3 Security', 'h4 Bamako', 'h3 Health']);
  });

  it('never skip a level in HTML, nested ones included', () => {
    const html = markdownToHtml('#### Security\n\n###### Bamako\n\n> ##### Quoted\n\n- ###### In a list\n\n# Top');
    expect(headings(html)).toEqual(['h3 Security', 'h4 Bamako', 'h5 Quoted', 'h6 In a list', 'h3 Top']);
  });

  it('never rise to the rank of the bulletin\'s own sections (h2), in any format', () => {
    expect(headings(markdownToHtml('# Top\n\nText.\n\nSetext\n='))).toEqual(['h3 Top', 'h3 Setext']);
    expect(markdownToMarkdown('# Top')).toBe('### Top');
    expect(markdownToText('# Top')).toBe('Top\n~~~');
  });

  it('never skip a level in Markdown or plain text either', () => {
    expect(markdownToMarkdown('#### Security\n\n###### Bamako')).toBe('### Security\n\n#### Bamako');
    expect(markdownToText('#### Security\n\nText.')).toBe(markdownToText('## Security\n\nText.'));
  });
});
