/**
 * Hostile text for the security tests: XSS payloads, template-like strings
 * and Markdown that tries to restructure a bulletin, shared by the browser
 * test (built with the real binary), the structure tests and the property
 * tests. Payloads that run call `__xss(n)` (or `alert`), which the browser
 * test's hook records.
 *
 * Every payload is one line without C0/C1 control characters: the line
 * fields (title, names, addresses) hold one line, and the loader rejects
 * control characters before rendering sees them. Those are covered
 * in-process (CONTROL_PAYLOADS), where rendering is called directly.
 */
import { stringify } from 'yaml';

/** Script tags, event handlers, SVG/MathML, frames and objects, as raw HTML inside Markdown. */
const RAW_HTML = [
  '<script>__xss(1)</script>',
  '<SCRIPT SRC=//xss.example/x.js></SCRIPT>',
  '<script>alert(3)</script>',
  '<img src=x onerror=__xss(4)>',
  '<img src="x" onerror="alert(5)">',
  '<svg onload=__xss(6)>',
  '<svg><script>__xss(7)</script></svg>',
  '<svg><animate onbegin=__xss(8) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(9)>',
  '<iframe src="javascript:__xss(10)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(11)</script>"></iframe>',
  '<object data="javascript:__xss(12)"></object>',
  '<embed src="javascript:__xss(13)">',
  '<body onload=__xss(14)>',
  '<details open ontoggle=__xss(15)>',
  '<input autofocus onfocus=__xss(16)>',
  '<a href="javascript:__xss(17)">click</a>',
  '<a href=javascript:__xss(18)>click</a>',
  '<a href="&#x6A;&#x61;vascript:__xss(19)">click</a>',
  '<a href="jav&#x09;ascript:__xss(20)">click</a>',
  '<svg><a xlink:href="javascript:__xss(21)"><text y=20>click</text></a></svg>',
  '<math href="javascript:__xss(22)">click</math>',
  '<form action="javascript:__xss(23)"><button>go</button></form>',
  '<base href="javascript:__xss(24)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(25)">',
  '<link rel=stylesheet href=//xss.example/x.css>',
  '<marquee onstart=__xss(27)>x</marquee>',
  '<video><source onerror=__xss(28)></video>',
  '<audio src=x onerror=__xss(29)>',
  '<x onclick=__xss(30) onmouseover=__xss(30)>hover me</x>',
  '<img src=x:alert(31) onerror=eval(src)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(32)>">',
  '<select><template shadowrootmode=open><img src=x onerror=__xss(33)></template></select>',
  '<scr<script>ipt>__xss(34)</scr</script>ipt>',
  '<!--><img src=x onerror=__xss(35)>-->',
  '<![CDATA[><img src=x onerror=__xss(36)>]]>',
];

/** Text after an inline <pre>, <code>, <kbd> or <script>, which marked leaves unescaped unless told otherwise. */
const RAW_BLOCK_TEXT = [
  '<pre>x <img src=x onerror=__xss(40)// y',
  '<script>x <img src=x onerror=__xss(41)// y',
  '<kbd>a <svg onload=__xss(42)// b',
  '<code>a <iframe src=javascript:__xss(43)// b',
  '<pre>&lt;img src=x onerror=__xss(44)&gt;',
];

/** Script, data and vbscript targets in every Markdown link syntax, plain and obfuscated. */
const MARKDOWN_LINKS = [
  '[click](javascript:__xss(50))',
  '[click](JaVaScRiPt:__xss(51))',
  '[click](java&#x09;script:__xss(52))',
  '[click](&#106;avascript:__xss(53))',
  '[click](&#x6A;avascript&colon;__xss(54))',
  '[click](javascript&#58;__xss(55))',
  '[click](jav&#x0A;ascript:__xss(56))',
  '[click](<javascript:__xss(57)>)',
  '[click]( javascript:__xss(58) "title")',
  '[click](javascript://%0a__xss(59))',
  '[click](vbscript:msgbox(60))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![image](javascript:__xss(62))',
  '![image](data:image/svg+xml,<svg onload=__xss(63)>)',
  '![image" onerror="__xss(64)](x)',
  '<javascript:__xss(65)>',
  '[click][evil] [evil]: javascript:__xss(66)',
  '[click](https://example.org/ "x\\" onmouseover=\\"__xss(67)")',
  '[click](https://example.org/"onmouseover="__xss(68))',
  '[click](%6A%61vascript:__xss(69))',
  '[click](&amp;#106;avascript:__xss(70))',
  '[click](javas&Tab;cript:__xss(71))',
];

/** The link tricks, by number, whose target validation accepts: not a link at all, or a safe address with a quote in it. */
const ACCEPTED_LINK_TRICKS = [63, 66, 67, 68];

/** Quotes and closing tags that try to leave an attribute, the <title> or the <style>. */
const BREAKOUTS = [
  '"><img src=x onerror=__xss(80)>',
  "'><svg onload=__xss(81)>",
  '" onmouseover="__xss(82)" x="',
  "' onfocus='__xss(83)' autofocus x='",
  '</title><script>__xss(84)</script>',
  '</style><script>__xss(85)</script>',
  '</textarea><script>__xss(86)</script>',
  '--level: red;}</style><script>__xss(87)</script>',
  '*<img src=x onerror=__xss(88)>*',
  '`<script>__xss(89)</script>`',
];

/** CSS that runs or loads. */
const CSS = [
  '<style>*{background:url("javascript:__xss(90)")}</style>',
  '<div style="background-image:url(javascript:__xss(91))">x</div>',
  '<div style="width:expression(__xss(92))">x</div>',
  '<style>@import "//xss.example/x.css";</style>',
];

/** Escaped forms that must stay escaped text. */
const ENTITIES = ['&lt;script&gt;__xss(95)&lt;/script&gt;', '\\<script>__xss(96)\\</script>', '&#60;img src=x onerror=__xss(97)&#62;'];

/** Strings that look like a template, which must appear in the page as written. */
export const TEMPLATE_LIKE = [
  "{{constructor.constructor('alert(100)')()}}",
  '{{#with "s" as |string|}}{{string.constructor.constructor "alert(101)"}}{{/with}}',
  '{{{constructor}}} {{lookup this "constructor"}} {{@root.constructor}}',
  '{{> partial}} {{! comment }} {{else}}',
  '${alert(104)} #{alert(104)} <%= alert(104) %>',
];

/** Look-alike characters: fullwidth brackets, Cyrillic letters, the long s that upper-cases to S. */
const UNICODE = [
  '＜script＞__xss(110)＜/script＞',
  '[click](јavascript:__xss(111))',
  '<ſcript>__xss(112)</ſcript>',
  '<ıframe src=javascript:__xss(113)>',
  'ｊａｖａｓｃｒｉｐｔ:__xss(114)',
];

/** The XSS corpus: every payload is one line. */
export const XSS_PAYLOADS: readonly string[] = [...RAW_HTML, ...RAW_BLOCK_TEXT, ...MARKDOWN_LINKS, ...BREAKOUTS, ...CSS, ...ENTITIES, ...TEMPLATE_LIKE, ...UNICODE];

/**
 * The payloads whose link or image targets validation refuses (a link that
 * would be published without its address): they cannot reach a build, so
 * they are checked to be refused, and rendered in-process (tests/render),
 * where the renderer must still drop every one of their links.
 */
export const UNSAFE_LINKS: readonly string[] = [
  ...MARKDOWN_LINKS.filter((p) => !ACCEPTED_LINK_TRICKS.some((n) => p.includes(`(${n})`))),
  '[click](јavascript:__xss(111))',
];

/**
 * The payloads that hold an HTML comment, which validation refuses in a Markdown field (it would
 * publish an internal note): checked to be refused, and rendered in-process like UNSAFE_LINKS.
 */
export const COMMENT_PAYLOADS: readonly string[] = XSS_PAYLOADS.filter((p) => p.includes('<!--'));

/** The corpus that a build accepts, put in every field of the advisories the browser opens. */
export const BUILT_XSS_PAYLOADS: readonly string[] = XSS_PAYLOADS.filter((p) => !UNSAFE_LINKS.includes(p) && !COMMENT_PAYLOADS.includes(p));

/**
 * Payloads with characters the loader refuses in a file (NUL, C1 controls)
 * or that are invisible (zero-width, bidi overrides): for in-process tests.
 */
export const CONTROL_PAYLOADS: readonly string[] = [
  '[click](\u0000javascript:__xss(120))',
  '[click](java\u0000script:__xss(121))',
  '[click](\u0001\u001fjavascript:__xss(122))',
  '[click](java\u200bscript:__xss(123))',
  '[click](\ufeffjavascript:__xss(124))',
  '[click](\u0085javascript:__xss(125))',
  '\u202e<script>__xss(126)</script>',
];

/**
 * Markdown that tries to open blocks of its own: headings, rules, setext
 * underlines, a front-matter fence, a comment, a table, list items, a
 * fence, a quote, and link definitions. Each begins with text, so the
 * block starts after a newline, as it would inside a field.
 */
export const STRUCTURE_BREAKERS: readonly string[] = [
  'Stay inside.\n## Injected heading\nmore',
  'Stay inside.\n\n# Injected title\n',
  'Stay inside.\n---\nafter a rule',
  'Stay inside.\n***\n___\n- - -',
  'Setext heading\n===',
  'Setext heading\n--',
  '---\ntitle: front matter\n---',
  'Stay inside.\n<!-- hidden -->\nafter a comment',
  'Stay inside.\n| a | b |\n| --- | --- |\n| c | d |',
  'Stay inside.\na | b\n:-- | --\nc | d',
  'Stay inside.\n- injected item\n* another\n+ another',
  'Stay inside.\n1. injected\n2) injected',
  'Stay inside.\n```\nfenced\n```',
  'Stay inside.\n~~~\nfenced\n~~~',
  'Stay inside.\n> quoted',
  'Stay inside.\n[x]: javascript:__xss(130)\n[x]',
  '[x]: https://example.org/defined\n[x]',
  'Stay inside.\n    indented code',
  'Closing hashes ##',
  'Issue #',
  '[y]: javascript:__xss(131)',
  '[z]: https://example.org/ "a definition"',
  '[ ] an unticked task',
  '[x] a ticked task',
  'A | pipe, `a | pipe in code`, [a link](https://example.org/a|b "a | title") and <https://example.org/a|b>',
];

/** Splits `items` into groups whose `join(sep)` fits in `max` characters (for one-line fields of at most 200). */
export function packed(items: readonly string[], max = 200, sep = ' '): string[] {
  const groups: string[] = [];
  let current = '';
  for (const item of items) {
    const next = current ? current + sep + item : item;
    if (next.length > max && current) {
      groups.push(current);
      current = item;
    } else current = next;
  }
  if (current) groups.push(current);
  return groups;
}

/** Contact fields with strict formats: the payload in each, for a file the validator must reject. */
export const STRICT_FIELDS = ['phone', 'email', 'url'] as const;

/**
 * Values that pass the strict formats and still carry quotes, braces and
 * ampersands: they are published, so the pages must keep them inert.
 */
export const HOSTILE_BUT_VALID = {
  email: ["o'hara{{constructor}}@example.org", "a`x`'b!{c}@example.org"],
  url: ["https://example.org/?q='onmouseover='__xss(140)'&x={{constructor}}", 'https://example.org/#"></a><script>__xss(141)</script>'.replace(/["<>]/g, '')],
  phone: ['+1 (555) 010-0000'],
};

export interface HostileAdvisoryOptions {
  code: string;
  /** Used for the one-line fields that hold a single value (country, title): a packed group of payloads. */
  line: string;
  /** Placed one per item in every list field, and all at once in summary and body. */
  payloads: readonly string[];
  /** Further languages to translate every field into (the same payloads). */
  languages: readonly string[];
}

/** One advisory with hostile text in every text field, and in every field of every translation, as YAML. */
export function hostileAdvisory(o: HostileAdvisoryOptions): string {
  const oneLine = o.payloads.filter((p) => !p.includes('\n'));
  const advisory = {
    country: o.line,
    code: o.code,
    level: 3,
    title: o.line,
    issued: '2026-01-05',
    updated: '2026-03-01',
    risks: ['crime'],
    summary: oneLine.join(' ').slice(0, 4000),
    guidance: o.payloads,
    regions: oneLine.map((p) => ({ name: p, level: 4, note: p })),
    contacts: oneLine.map((p, i) => ({
      name: p,
      ...(i < HOSTILE_BUT_VALID.email.length ? { email: HOSTILE_BUT_VALID.email[i] } : {}),
      ...(i < HOSTILE_BUT_VALID.url.length ? { url: HOSTILE_BUT_VALID.url[i] } : {}),
      ...(i < HOSTILE_BUT_VALID.phone.length ? { phone: HOSTILE_BUT_VALID.phone[i] } : {}),
      address: p,
      hours: p,
    })),
    body: o.payloads.map((p) => `${p}\n\n- ${p.replace(/\n/g, ' ')}\n\n> ${p.replace(/\n/g, ' ')}`).join('\n\n'),
    updates: o.payloads.map((p) => ({ date: '2026-03-01', summary: p })),
    translations: Object.fromEntries(
      o.languages.map((lang) => [
        lang,
        {
          title: o.line,
          summary: oneLine.join(' ').slice(0, 4000),
          guidance: o.payloads,
          regions: oneLine.map((p) => ({ name: p, note: p })),
          contacts: oneLine.map((p) => ({ name: p, address: p, hours: p })),
          body: o.payloads.join('\n\n'),
          updates: o.payloads.map((p) => ({ summary: p })),
        },
      ]),
    ),
  };
  return stringify(advisory, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Each line of the structure breakers on its own, for the fields that hold one line (title, names, addresses). */
export const ONE_LINE_BREAKERS: readonly string[] = [...new Set(STRUCTURE_BREAKERS.flatMap((s) => s.split('\n')).filter((line) => line.trim()))];
