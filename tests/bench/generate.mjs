/**
 * Benchmark projects: one realistic advisory for each of the 249 ISO 3166-1
 * codes, in L languages, with the label catalogues and config the tool needs.
 *
 *   node tests/bench/generate.mjs <dir> [--languages L]
 *
 * Deterministic: every advisory draws from its own seeded PRNG (mulberry32),
 * keyed by country code (and language for translations), so the English text
 * of an advisory is the same whatever L is, and one file can be rewritten on
 * its own (see writeAdvisory, used by the rebuild scenario of run.mjs).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** 2026-11-01T00:00:00Z: every scenario runs with this, so validate judges review_by against a fixed day. */
export const SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 1) / 1000);

/** Real BCP 47 codes, primary first; a project with L languages uses the first L. */
export const LANGUAGES = ['en', 'fr', 'hi', 'ar', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ru', 'zh', 'ja', 'ko', 'tr'];

/** Written last by generateProject: a folder holding it is complete, for this generator and L. */
const STAMP_FILE = '.bench-project.json';

/** Real subdivision codes, so that regions carry codes validate accepts, as a ministry's would. */
const { subdivisionsOf } = await import('../../build/advisory/subdivisions.js');

const ISO_3166_1_ALPHA_2 = await import('../../build/advisory/iso3166.js').then(
  (m) => m.ISO_3166_1_ALPHA_2,
  () => {
    throw new Error('build/advisory/iso3166.js not found: compile the tool first with `npx tsc -p .`');
  },
);

export const COUNTRY_CODES = ISO_3166_1_ALPHA_2;

/* ------------------------------------------------------------------ randomness */

/** mulberry32: tiny, fast, good enough for text; the same seed gives the same stream on every machine. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a key such as "ML:fr" into a seed. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function random(key) {
  const next = mulberry32(hash32(`advisory-bench:${key}`));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** `n` distinct items, in a random order. */
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

/* ------------------------------------------------------------------ pseudo-text per script */

const hangul = (r) => String.fromCharCode(0xac00 + (r.int(0, 18) * 21 + r.int(0, 20)) * 28 + (r.next() < 0.4 ? r.int(1, 27) : 0));
const syllables = (list) => (r) => r.pick(list);
const chars = (text) => syllables([...text]);

/**
 * How each further language writes: its syllables (or characters), whether
 * words are separated by spaces, and its sentence punctuation. Enough to give
 * the renderer and the text wrapper the scripts they meet in production:
 * accented Latin, Cyrillic, Devanagari with combining signs, Arabic (RTL),
 * CJK without spaces (double width), Hangul.
 */
const SCRIPTS = {
  fr: { name: 'Français', syllable: syllables(['le', 'la', 'de', 'ré', 'ou', 'ment', 'tion', 'con', 'pré', 'eau', 'ais', 'ver', 'sé', 'qu', 'ille', 'ère', 'ont', 'des', 'pour', 'cha', 'gé', 'ç']) },
  hi: { name: 'हिन्दी', syllable: syllables(['क', 'के', 'की', 'में', 'है', 'सु', 'र', 'क्षा', 'या', 'त्रा', 'स्था', 'नी', 'य', 'प', 'दे', 'श', 'का', 'ल', 'सं', 'र्क', 'अ', 'धि', 'री', 'ता', 'वि']), stop: '।' },
  ar: { name: 'العربية', syllable: syllables(['ال', 'س', 'ف', 'ر', 'ة', 'م', 'ن', 'ت', 'ي', 'ك', 'و', 'ل', 'ح', 'د', 'ب', 'ع', 'ق', 'ش', 'ا', 'ى']), comma: '،' },
  de: { name: 'Deutsch', syllable: syllables(['ge', 'ver', 'sch', 'ei', 'ung', 'keit', 'ach', 'ü', 'ber', 'ein', 'st', 'lich', 'rei', 'ten', 'zu', 'ä', 'ö', 'ß', 'ner', 'hal']) },
  es: { name: 'Español', syllable: syllables(['de', 'la', 'ción', 'es', 'ar', 'mi', 'ño', 'que', 'ra', 'ta', 'los', 'vi', 'en', 'ú', 'í', 'pa', 'se', 'ro']) },
  it: { name: 'Italiano', syllable: syllables(['di', 'la', 'zio', 'ne', 'per', 'ca', 'gli', 'che', 'to', 're', 'all', 'è', 'mo', 'sta', 'ti', 'so', 'no']) },
  pt: { name: 'Português', syllable: syllables(['de', 'ção', 'ões', 'par', 'que', 'ra', 'nh', 'lh', 'ão', 'ê', 'ma', 'to', 'ro', 'vi', 'se', 'da']) },
  nl: { name: 'Nederlands', syllable: syllables(['de', 'van', 'ij', 'oe', 'sch', 'ge', 'lijk', 'heid', 'aa', 'ver', 'en', 'ten', 'oor', 'st', 'ee']) },
  pl: { name: 'Polski', syllable: syllables(['prz', 'sz', 'cz', 'ą', 'ę', 'ó', 'ł', 'ść', 'nie', 'wa', 'ro', 'ki', 'dz', 'ży', 'ta', 'ny', 'ów']) },
  sv: { name: 'Svenska', syllable: syllables(['och', 'för', 'å', 'ä', 'ö', 'sk', 'ning', 'het', 'till', 'ra', 'de', 'st', 'lig', 'var', 'en']) },
  ru: { name: 'Русский', syllable: syllables(['про', 'ст', 'ни', 'ть', 'ва', 'ко', 'ра', 'ле', 'до', 'ми', 'ость', 'ния', 'пе', 'ре', 'за', 'ски', 'ый', 'ая']) },
  zh: { name: '中文', syllable: chars('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题'), spaces: false, stop: '。', comma: '，' },
  ja: { name: '日本語', syllable: chars('のにはをたがでてとしれいからさあるもなことよう日本人大年出中時行見月分後前生五間上東四今金九入学高円子外八六下来気小七山話女北午百書先名川千水半男西電校語土木聞食車何南万毎白天母火右読友左休父雨'), spaces: false, stop: '。', comma: '、' },
  ko: { name: '한국어', syllable: hangul },
  tr: { name: 'Türkçe', syllable: syllables(['ı', 'ğ', 'ş', 'ç', 'ö', 'ü', 'lar', 'ler', 'de', 'bir', 've', 'ma', 'ya', 'si', 'dır', 'ka', 'iç']) },
};

function script(lang) {
  const s = SCRIPTS[lang];
  if (!s) throw new Error(`no pseudo-text script for language "${lang}"`);
  return { spaces: true, stop: '.', comma: ',', ...s };
}

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Pseudo-text of at least `length` characters in the script of `lang`, cut
 * into sentences (no final stop: callers add one where the source had one).
 */
function pseudoText(r, lang, length) {
  const s = script(lang);
  let out = '';
  let sinceStop = 0;
  const sentence = r.int(6, 14);
  while (out.length < length) {
    let word = '';
    for (let n = r.int(1, 3); n > 0; n--) word += s.syllable(r);
    if (s.spaces) {
      if (sinceStop === 0) word = capitalize(word);
      if (out) out += sinceStop === 0 ? `${s.stop} ` : r.next() < 0.08 ? `${s.comma} ` : ' ';
    } else if (out && r.next() < 0.15) {
      out += sinceStop === 0 ? s.stop : s.comma;
    }
    out += word;
    sinceStop = (sinceStop + 1) % sentence;
  }
  return out;
}

/** Inline Markdown the generator writes: plain text, **bold** and [links](url). */
const INLINE_MARKUP = /(\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))/;

/**
 * A translation of inline Markdown: the same markup around pseudo-text of the
 * same length, so a translated bulletin costs the renderer what the original does.
 */
function translateInline(r, lang, markdown) {
  return markdown
    .split(INLINE_MARKUP)
    .map((part) => {
      const bold = /^\*\*(.+)\*\*$/.exec(part);
      if (bold) return `**${pseudoText(r, lang, bold[1].length)}**`;
      const link = /^\[(.+)\]\((.+)\)$/.exec(part);
      if (link) return `[${pseudoText(r, lang, link[1].length)}](${link[2]})`;
      const core = part.trim();
      if (!core) return part;
      const stop = /[.!?:;]$/.test(core);
      const text = pseudoText(r, lang, core.length - (stop ? 1 : 0)) + (stop ? script(lang).stop : '');
      return part.slice(0, part.indexOf(core)) + text + part.slice(part.indexOf(core) + core.length);
    })
    .join('');
}

/** A translation of block Markdown as the generator writes it: headings, paragraphs and `- ` lists. */
function translateBlock(r, lang, markdown) {
  return markdown
    .split('\n')
    .map((line) => {
      const prefix = /^(## |- |)/.exec(line)[1];
      return line ? prefix + translateInline(r, lang, line.slice(prefix.length)) : line;
    })
    .join('\n');
}

/* ------------------------------------------------------------------ English text */

const PLACE_SYLLABLES = ['ka', 'ro', 'na', 'mi', 'bel', 'tor', 'san', 'va', 'lu', 'den', 'mar', 'os', 'ti', 'ra', 'gon', 'al', 'be', 'cor', 'du', 'fen'];
const placeName = (r) => capitalize(Array.from({ length: r.int(2, 3) }, () => r.pick(PLACE_SYLLABLES)).join(''));

const LEVEL_NAMES = ['Exercise Normal Precautions', 'Exercise Increased Caution', 'Reconsider Travel', 'Do Not Travel'];
const TITLES = ['Exercise normal precautions in {country}', 'Exercise increased caution in {country}', 'Reconsider travel to {country}', 'Do not travel to {country}'];
const SUMMARY_OPENINGS = [
  '{country} is generally safe, but petty crime occurs in tourist areas and natural hazards can disrupt travel.',
  'Exercise increased caution in {country} because of crime, sporadic unrest and the risk of terrorism in crowded places.',
  'The security situation in {country} is volatile and can deteriorate quickly, with a risk of civil unrest, crime and kidnapping.',
  '**Do not travel to {country}.** Armed conflict, terrorism and kidnapping put foreign nationals at serious risk throughout the country.',
];

/** Sections of a body, each with the risk it speaks of; sentences use {country}, {capital}, {city}, {region}, {lcode}. */
const TOPICS = [
  {
    heading: 'Safety and security',
    risk: 'civil-unrest',
    sentences: [
      'The security situation in {country} can change quickly, and you should monitor local media for the latest information.',
      'Demonstrations occur regularly in {capital} and other large towns, and some have turned violent at short notice.',
      'Police and security forces may set up checkpoints on main roads, especially after dark.',
      'Carry identification at all times and follow the instructions of the local authorities.',
      'Curfews can be imposed without warning in parts of the {region}.',
      'Strikes can disrupt public transport, fuel supplies and access to airports for several days.',
      'Foreign nationals have been caught up in clashes near government buildings and university campuses.',
    ],
    list: ['Avoid demonstrations and large gatherings.', 'Keep your travel documents secure and carry a copy.', 'Check the latest advice before moving between regions.', 'Follow the instructions of the **local police**.'],
  },
  {
    heading: 'Crime',
    risk: 'crime',
    sentences: [
      'Petty crime, including pickpocketing and bag snatching, is common in markets, bus stations and tourist areas of {capital}.',
      'Armed robbery and carjacking occur, particularly at night and on roads outside {city}.',
      'Criminals sometimes pose as police officers or taxi drivers to rob travellers.',
      'Do not resist if you are threatened; hand over your valuables and report the incident to the police.',
      'Credit card fraud and ATM skimming have been reported; use cash machines inside banks and shopping centres.',
      'Drinks spiking has been reported in bars and nightclubs in tourist areas.',
      'Keep copies of your passport and other documents separate from the originals.',
    ],
    list: ['Do not walk alone after dark.', 'Keep valuables out of sight.', 'Use licensed taxis or ride services booked in advance.', 'Report any crime to the **nearest police station** before you leave the country.'],
  },
  {
    heading: 'Terrorism',
    risk: 'terrorism',
    sentences: [
      'Terrorists are likely to try to carry out attacks in {country}.',
      'Attacks could be indiscriminate and could target places visited by foreign nationals, such as hotels, restaurants, places of worship and transport hubs.',
      'Security has been increased around government buildings and diplomatic missions in {capital}.',
      'Be particularly vigilant during national and religious holidays, when crowds gather.',
      'If there is an attack, leave the area as soon as it is safe to do so and follow the advice of the security forces.',
      'Suspicious packages should be reported to the police immediately.',
    ],
    list: ['Stay alert in crowded places.', 'Know the nearest exits wherever you are.', 'Follow the instructions of the security forces after any incident.'],
  },
  {
    heading: 'Kidnapping',
    risk: 'kidnapping',
    sentences: [
      'There is a threat of kidnapping throughout {country}, and foreign workers have been abducted in the {region}.',
      'Kidnappers may be motivated by money or by political aims, and victims have been held for long periods.',
      'Vary your routes and routines, and do not share travel plans on social media.',
      'Businesses operating in remote areas should have a security plan and trained staff.',
      'The Ministry cannot guarantee help in areas where the security forces do not operate.',
    ],
    list: ['Vary your routes and routines.', 'Travel in convoys on roads outside the main towns.', 'Keep the [contact details of the Embassy](https://example.org/travel/contacts/{lcode}) with you.'],
  },
  {
    heading: 'Health',
    risk: 'health',
    sentences: [
      'Medical facilities outside {capital} are limited, and serious cases may need evacuation by air.',
      'Outbreaks of dengue fever, cholera and measles have been reported in recent years.',
      'Drink bottled or boiled water, and avoid ice in drinks outside large hotels.',
      'Make sure your routine vaccinations are up to date before you travel, and ask a doctor about vaccines and malaria tablets.',
      'Travel insurance should cover the full cost of medical treatment and evacuation.',
      'Pharmacies in {city} stock common medicines, but bring enough of any prescription medicine for your whole stay.',
    ],
    list: ['Get comprehensive travel insurance.', 'Carry a basic first-aid kit.', 'Protect yourself against mosquito bites.'],
  },
  {
    heading: 'Natural disasters',
    risk: 'natural-disaster',
    sentences: [
      'The rainy season runs from June to October and can bring floods and landslides that cut roads for days.',
      '{country} is in an active seismic zone, and earthquakes can happen at any time.',
      'Tropical storms may affect coastal areas, including the port of {city}.',
      'Follow the advice of the local authorities and monitor weather reports during the storm season.',
      'Find out the emergency procedures of your accommodation when you arrive.',
      'Flooding can contaminate water supplies and increase the risk of disease.',
    ],
    list: ['Monitor weather forecasts.', 'Know where the nearest evacuation point is.', 'Keep a supply of water, food and medicine.'],
  },
  {
    heading: 'Local laws and customs',
    risk: 'wrongful-detention',
    sentences: [
      'You must obey local laws, which can be very different from those at home, and penalties can be severe.',
      'Possession of even small amounts of illegal drugs can lead to long prison sentences.',
      'Photographing military sites, airports and government buildings is prohibited and can lead to arrest.',
      'Dress modestly and respect local customs, particularly at religious sites and during religious festivals.',
      'Foreign nationals have been detained without charge after being accused of spying.',
      'Carry your passport or a certified copy at all times; the police may ask to see it.',
    ],
    list: ['Do not photograph military or government sites.', 'Respect local dress codes.', 'Ask before photographing people.'],
  },
  {
    heading: 'Entry and exit requirements',
    risk: 'other',
    sentences: [
      'Your passport must be valid for at least six months from the date you arrive in {country}.',
      'Visas must be obtained before travel; overstaying can lead to fines, detention and deportation.',
      'Check the entry requirements with the nearest embassy of {country} before you travel, as they can change at short notice.',
      'Customs rules limit the amount of local currency you can take into or out of the country.',
      'Some border crossings, including those in the {region}, may close without warning.',
    ],
    list: ['Check that your passport is valid for six months.', 'Obtain your visa before you travel.', 'Declare large sums of cash on arrival.'],
  },
  {
    heading: 'Transport',
    risk: 'time-limited-event',
    sentences: [
      'Road conditions are poor outside the main towns, and driving standards are low.',
      'Avoid travelling by road after dark, when the risk of accidents and crime is higher.',
      'Domestic flights may be cancelled at short notice during major events and the rainy season.',
      'Ferries are often overcrowded and may not carry enough life jackets.',
      'Road closures are likely during national celebrations and large sporting events in {capital}.',
      'Fuel shortages can occur in the {region}; plan long journeys carefully.',
    ],
    list: ['Do not drive after dark outside towns.', 'Wear a seat belt at all times.', 'Allow extra time during **major events**.'],
  },
];

const HELP = {
  heading: 'Getting help',
  sentences: [
    'In an emergency, call the local emergency services first.',
    'For consular help, contact the **Embassy in {capital}** or the Consulate in {city}; see the [contact details](https://example.org/travel/contacts/{lcode}).',
    'Outside office hours, the [24-hour control room](https://example.org/travel/contacts/control-room) of the Ministry can help citizens in distress and their families.',
    'Consular staff cannot interfere in local legal proceedings, but they can help you find a lawyer and keep in touch with your family.',
  ],
};

const GUIDANCE = [
  'Monitor local media and follow the instructions of the local authorities at all times.',
  'Avoid demonstrations and large gatherings, and leave any area where a crowd is forming.',
  'Register your trip with the [Embassy in {capital}](https://example.org/travel/contacts/{lcode}) so that it can reach you in an emergency.',
  'Keep your passport and a copy of your visa with you at all times, and store the originals securely.',
  '**Do not travel** after dark outside {capital} and other large towns.',
  'Get comprehensive travel insurance that covers medical treatment and evacuation before you leave home.',
  'Check road conditions and weather warnings before travelling between regions, especially in the rainy season.',
  'Keep a supply of drinking water, food and essential medicine in case of sudden disruption.',
  'Be careful with your belongings in markets, stations and other crowded places, particularly in {city}.',
  'Use only licensed taxis or ride services booked through your hotel or a reputable app.',
  'Respect local laws and customs, including the rules on dress and on photography near official buildings.',
  'Have a plan to leave {country} at short notice, and keep your travel documents up to date.',
  'In an emergency, call the [24-hour control room](https://example.org/travel/contacts/control-room) of the Ministry.',
  'Stay in close contact with the **Embassy in {capital}** and follow its advice and updates.',
];

const REGION_NOTES_HIGHER = [
  'Armed groups are active in this area, and attacks on travellers and security forces have been reported.',
  'Kidnapping of foreign nationals has been reported near the border; **do not travel** there without a security plan.',
  'Frequent clashes between rival groups; roads can be closed for days at short notice.',
  'Risk of landslides and flooding in the rainy season, when whole districts can be cut off.',
];
const REGION_NOTES_LOWER = [
  'The security situation is more stable here, and normal precautions apply in the main towns.',
  'Lower risk than the rest of the country; the tourist resorts are patrolled by the police.',
  'Most visits are trouble-free, but petty crime occurs in markets and at the airport.',
];
const REGION_KINDS = ['Province', 'Region', 'District', 'Governorate', 'State'];

const UPDATE_NOTES = [
  'Reviewed the advice on {topic}; no change to the level.',
  'Updated the sections on {topic} and entry requirements, and added the new consulate in {city}.',
  'Revised the regional advice for the {region} after recent events.',
];

const fill = (text, v) => text.replace(/\{(\w+)\}/g, (whole, key) => v[key] ?? whole);

const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/** Would start a Markdown block (list item, heading, quote) if it began a line. */
const BLOCK_START = /^([-+*>#]|\d+[.)])/;

/**
 * Wraps the paragraphs of block Markdown at ~88 columns, as officers' editors
 * do (Markdown reads the line breaks as spaces). Never wraps so that a line
 * starts with something Markdown would read as a new block.
 */
function wrapParagraphs(markdown, width = 88) {
  return markdown
    .split('\n')
    .map((line) => {
      if (line.length <= width || /^(## |- )/.test(line)) return line;
      const lines = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width && !BLOCK_START.test(word)) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/* ------------------------------------------------------------------ dates */

const DAY = 86_400_000;
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

/** Issued in 2024-2025, last updated by mid-October 2026 (before SOURCE_DATE_EPOCH), review due from mid-2027. */
function datesFor(r) {
  const issued = r.int(dayOf('2024-01-01'), dayOf('2025-12-31'));
  const updated = r.int(issued + 60, dayOf('2026-10-15'));
  const second = r.int(issued + 1, updated - 2);
  const third = r.int(second + 1, updated - 1);
  return {
    issued: isoOf(issued),
    updated: isoOf(updated),
    review_by: isoOf(r.int(dayOf('2027-06-01'), dayOf('2028-05-31'))),
    // Newest first, as the format wants.
    history: [updated, third, second, issued].map(isoOf),
  };
}

/* ------------------------------------------------------------------ one advisory */

/** English country names from ICU: the same on every machine running the same Node version. */
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

function levelFor(r) {
  const x = r.next();
  return x < 0.35 ? 1 : x < 0.65 ? 2 : x < 0.85 ? 3 : 4;
}

function phone(r) {
  const group = () => String(r.int(10, 99));
  return `+${r.int(1, 999)} ${group()} ${group()} ${group()} ${group()}`;
}

/**
 * The body: sections on the country's main risks, in a random order, until
 * ~580 words, then how to get help: 650-790 words in all, about 4.5 KB.
 */
function bodyFor(r, topics, v) {
  const blocks = [];
  let words = 0;
  const add = (text) => {
    blocks.push(text);
    words += wordCount(text);
  };
  for (const topic of topics) {
    if (words >= 580) break;
    add(`## ${topic.heading}`);
    const sentences = r.sample(topic.sentences, topic.sentences.length);
    const first = r.int(3, 4);
    add(sentences.slice(0, first).map((s) => fill(s, v)).join(' '));
    if (r.next() < 0.6) add(topic.list.map((item) => `- ${fill(item, v)}`).join('\n'));
    if (sentences.length > first + 1) add(sentences.slice(first).map((s) => fill(s, v)).join(' '));
  }
  add(`## ${HELP.heading}`);
  add(HELP.sentences.map((s) => fill(s, v)).join(' '));
  return `${blocks.join('\n\n')}\n`;
}

/** The advisory for `code` in the primary language (English), without translations. */
function primaryAdvisory(code) {
  const r = random(code);
  const level = levelFor(r);
  const country = REGION_NAMES.of(code) ?? code;
  const v = { country, code, lcode: code.toLowerCase(), capital: placeName(r), city: placeName(r), region: `${placeName(r)} ${r.pick(REGION_KINDS)}` };
  const dates = datesFor(r);
  const topics = r.sample(TOPICS, TOPICS.length);
  v.topic = topics[0].heading.toLowerCase();

  const regionLevels = [1, 2, 3, 4].filter((l) => l !== level);
  // Names and codes must be unique within an advisory (a duplicate is an error): draw again on a clash.
  const usedNames = new Set();
  const usedCodes = new Set();
  const regions = Array.from({ length: 4 }, (_, i) => {
    let name = v.region;
    while (usedNames.has(name)) name = `${placeName(r)} ${r.pick(REGION_KINDS)}`;
    usedNames.add(name);
    const regionLevel = r.pick(regionLevels);
    // A real code, chosen without drawing from the generator, so the rest of the text stays as it was;
    // a country ISO 3166-2 does not divide (or with too few subdivisions) has regions without codes.
    const subdivisions = subdivisionsOf(code);
    let sub = subdivisions.length >= 4 ? subdivisions[(i * 7 + code.charCodeAt(0)) % subdivisions.length].code : undefined;
    while (sub !== undefined && usedCodes.has(sub)) sub = subdivisions[(subdivisions.findIndex((s) => s.code === sub) + 1) % subdivisions.length].code;
    if (sub !== undefined) usedCodes.add(sub);
    const note = r.pick(regionLevel > level ? REGION_NOTES_HIGHER : REGION_NOTES_LOWER);
    return { name, ...(sub !== undefined ? { code: sub } : {}), level: regionLevel, note };
  });

  return {
    country,
    code,
    level,
    title: fill(TITLES[level - 1], v),
    issued: dates.issued,
    updated: dates.updated,
    review_by: dates.review_by,
    risks: [...new Set(topics.slice(0, r.int(2, 4)).map((t) => t.risk))],
    summary: [fill(SUMMARY_OPENINGS[level - 1], v), ...topics.slice(0, 3).map((t) => fill(r.pick(t.sentences), v))].join(' '),
    guidance: r.sample(GUIDANCE, 6).map((g) => fill(g, v)),
    regions,
    contacts: [
      {
        name: `Embassy, ${v.capital}`,
        phone: phone(r),
        email: `consular.${v.lcode}@example.org`,
        url: `https://example.org/travel/contacts/${v.lcode}`,
        address: `${r.int(1, 240)} ${placeName(r)} Avenue, ${v.capital}, ${country}`,
        hours: 'Monday to Friday, 09:00–17:00',
      },
      { name: `Consulate, ${v.city}`, phone: phone(r), email: `consulate.${v.lcode}@example.org`, url: `https://example.org/travel/contacts/${v.lcode}-consulate`, address: `${r.int(1, 240)} ${placeName(r)} Street, ${v.city}`, hours: 'Monday to Thursday, 09:30–13:00' },
      { name: 'Ministry control room', phone: phone(r), email: 'control.room@example.org', hours: 'Around the clock, every day', emergency: true },
    ],
    body: bodyFor(r, topics, v),
    updates: dates.history.map((date, i) =>
      i === dates.history.length - 1 ? { date, summary: `Issued at Level ${level} (${LEVEL_NAMES[level - 1]}).` } : { date, summary: fill(UPDATE_NOTES[i % UPDATE_NOTES.length], v) },
    ),
  };
}

const HEADER = '# Generated by tests/bench/generate.mjs for the benchmark: realistic in shape, not real advice.\n# Places, phone numbers and addresses are invented.\n';

/** Every translatable field of `a`, in `lang`, as long as the English, brought in line on the day of the last update. */
function translationOf(a, lang) {
  const r = random(`${a.code}:${lang}`);
  const inline = (text) => translateInline(r, lang, text);
  return {
    updated: a.updated,
    title: inline(a.title),
    summary: inline(a.summary),
    guidance: a.guidance.map(inline),
    regions: a.regions.map((region) => ({ name: inline(region.name), note: inline(region.note) })),
    contacts: a.contacts.map((c) => ({ name: inline(c.name), ...(c.address ? { address: inline(c.address) } : {}), hours: inline(c.hours) })),
    // Scripts without spaces between words are not wrapped: a line break there would read as a space.
    body: script(lang).spaces ? wrapParagraphs(translateBlock(r, lang, a.body)) : translateBlock(r, lang, a.body),
    updates: a.updates.map((u) => ({ summary: inline(u.summary) })),
  };
}

/**
 * The YAML of the advisory for `code` in `languages`. `amend` is appended to
 * the first guidance item: the rebuild scenario's deterministic "one change".
 */
export function advisoryYaml(code, languages, { amend } = {}) {
  const advisory = primaryAdvisory(code);
  const translations = Object.fromEntries(languages.slice(1).map((lang) => [lang, translationOf(advisory, lang)]));
  if (amend) advisory.guidance[0] = `${advisory.guidance[0]} ${amend}`;
  const document = { ...advisory, body: wrapParagraphs(advisory.body), ...(languages.length > 1 ? { translations } : {}) };
  return `${HEADER}${stringify(document, { lineWidth: 100, blockQuote: 'literal' })}`;
}

export function advisoryFile(projectDir, code) {
  return path.join(projectDir, 'advisories', `${code.toLowerCase()}.yaml`);
}

/** (Re)writes one advisory of a generated project; without `amend`, exactly as generateProject wrote it. */
export function writeAdvisory(projectDir, code, languages, options = {}) {
  writeFileSync(advisoryFile(projectDir, code), advisoryYaml(code, languages, options));
}

/* ------------------------------------------------------------------ project */

/** Languages with a catalogue built into the tool need none in the project. */
function builtInCatalogues() {
  return new Set(readdirSync(path.join(REPO, 'templates', 'labels')).map((f) => f.replace(/\.ya?ml$/, '')));
}

/** A label catalogue for `lang`: en.yaml's keys, pseudo-text values, the {placeholders} kept. */
function catalogueYaml(lang) {
  const r = random(`labels:${lang}`);
  const reference = parse(readFileSync(path.join(REPO, 'templates', 'labels', 'en.yaml'), 'utf8'));
  const translate = (value) => {
    if (Array.isArray(value)) return value.map(translate);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v)]));
    return value
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) || !part.trim() ? part : translateInline(r, lang, part)))
      .join('');
  };
  const labels = translate(reference);
  labels.language_name = script(lang).name;
  return `# Benchmark labels for ${lang}: en.yaml's keys, generated placeholder text.\n${stringify(labels)}`;
}

function configYaml(languages, withTemplates) {
  const config = {
    issuer: 'Ministry of Foreign Affairs',
    site_url: 'https://example.org/travel/',
    languages,
    formats: ['md', 'html', 'txt'],
    scale: 'us',
    ...(withTemplates ? { templates: 'templates' } : {}),
  };
  if (languages.length > 1) {
    config.translations = Object.fromEntries(languages.slice(1).map((lang) => [lang, { issuer: pseudoText(random(`issuer:${lang}`), lang, 26) }]));
  }
  return `# Generated by tests/bench/generate.mjs\n${stringify(config, { flowCollectionPadding: false })}`;
}

/** Identifies this generator's output: a project from an older generator is not reused. */
function generatorVersion() {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
}

export function languagesFor(count) {
  if (!Number.isInteger(count) || count < 1 || count > LANGUAGES.length) throw new Error(`languages must be 1 to ${LANGUAGES.length}, found ${count}`);
  return LANGUAGES.slice(0, count);
}

/** True when `dir` holds a complete project from this generator with `count` languages. */
export function isGenerated(dir, count) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8'));
    return stamp.generator === generatorVersion() && stamp.languages === count;
  } catch {
    return false;
  }
}

/**
 * Writes a benchmark project into `dir` (replacing what is there): config,
 * label catalogues for the languages the tool lacks, and one advisory per
 * ISO 3166-1 code. Returns what a run needs to know about it.
 */
export function generateProject(dir, { languages: count }) {
  const languages = languagesFor(count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'advisories'), { recursive: true });

  const builtIn = builtInCatalogues();
  const missing = languages.filter((lang) => !builtIn.has(lang));
  for (const lang of missing) {
    mkdirSync(path.join(dir, 'templates', 'labels'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'labels', `${lang}.yaml`), catalogueYaml(lang));
  }
  writeFileSync(path.join(dir, 'advisory.config.yaml'), configYaml(languages, missing.length > 0));
  for (const code of COUNTRY_CODES) writeAdvisory(dir, code, languages);
  writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify({ generator: generatorVersion(), languages: count })}\n`);
  return { dir, languages, advisories: COUNTRY_CODES.length, bulletins: COUNTRY_CODES.length * languages.length };
}

/* ------------------------------------------------------------------ command line */

function main(argv) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { languages: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1) {
    console.error(`usage: node tests/bench/generate.mjs <dir> [--languages L]   (L = 1..${LANGUAGES.length}, default 1)`);
    return values.help ? 0 : 2;
  }
  const project = generateProject(path.resolve(positionals[0]), { languages: Number(values.languages) });
  console.error(`Generated ${project.advisories} advisories in ${project.languages.length} language(s) (${project.bulletins} bulletins) in ${project.dir}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
