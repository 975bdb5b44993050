/** Handlebars as set up for the bulletins: data is never compiled, and no template reaches a prototype. */
import { describe, expect, it } from 'vitest';
import { baseHelpers, compileFormat, loadTemplateSet } from '../../src/render/templates.js';

async function page(template: string) {
  const set = await loadTemplateSet([]);
  set.pages.html.bulletin = { file: 'test.hbs', text: template };
  return compileFormat(set, 'html', true, baseHelpers(set.labels)).bulletin;
}

describe('the Handlebars environment', () => {
  it('prints template-like data as written, escaped', async () => {
    const render = await page('<p>{{title}}</p>');
    expect(render({ title: "{{constructor.constructor('alert(1)')()}} {{> x}} <b>" }, 'a test')).toBe(
      '<p>{{constructor.constructor(&#x27;alert(1)&#x27;)()}} {{&gt; x}} &lt;b&gt;</p>',
    );
  });

  it('resolves no prototype property, even when a template asks for one', async () => {
    const render = await page('[{{lookup title "constructor"}}][{{lookup this "__proto__"}}][{{#with title}}{{lookup this "toString"}}{{/with}}]');
    expect(render({ title: 'x' }, 'a test')).toBe('[][][]');
  });
});
