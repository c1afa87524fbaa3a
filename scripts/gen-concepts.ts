/**
 * Generates utils/engine/concept-table.ts: the names of countries and regions, months and
 * weekdays in every language of Unicode CLDR (cldr-localenames-modern, cldr-dates-modern),
 * each mapped to one language-free concept: "Allemagne", "Německo", "Германия", "ドイツ" → DE;
 * "novembre", "listopadu", "ноября" → month 11; "mardi", "úterý", "Dienstag" → weekday 2.
 * A translator writes these in the target language's own words, so they share neither
 * spelling nor sound: only a table says they are the same, and CLDR has it for every
 * language. The table is generated (the packages are dev dependencies, tens of MB) and
 * keeps single words only, in the folded form of concepts.ts `foldConcept`, as records
 * sorted by form (concept-forms.ts), with the Bloom filters of their fold hashes
 * (bloom.ts): the page reads them as they stand, nothing is built when it starts.
 * Run: npm run gen:concepts (or with -- --check: exit 1 if the committed table is stale)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bloomBytes } from '../utils/engine/bloom';
import { encodeRecords, kindOfId, MIN_STEMMED } from '../utils/engine/concept-forms';
import { foldConcept, hashString, type FoldHashes } from '../utils/engine/fold';

const root = path.resolve(import.meta.dirname, '..', 'node_modules');
const names = path.join(root, 'cldr-localenames-modern', 'main');
const dates = path.join(root, 'cldr-dates-modern', 'main');

// Base languages and their script variants only: regional variants (fr-CA, en-AU) repeat
// their base's names.
const locales = readdirSync(names).filter((l) => l !== 'und' && /^[a-z]{2,3}(-(Latn|Cyrl|Arab|Hans|Hant|Guru))?$/.test(l));

const UNSEGMENTED = /^[\u3400-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;

/** A single word (letters, marks, inner hyphens or apostrophes), at least 3 letters. */
const WORD = /^[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*$/u;

type Kind = 'territory' | 'month' | 'weekday';
const forms = new Map<string, Set<string>>(); // folded form → concepts
function add(raw: string, concept: string, kind: Kind): void {
  const word = raw.trim().replace(/\.$/, '');
  if (!WORD.test(word)) return;
  const f = foldConcept(word);
  // Scripts written without spaces (Han, Thai, Lao, Khmer, Myanmar) are cut into words by a
  // dictionary (segment.ts); a Han character is a syllable, so two make a name (法国, 美国).
  const length = [...f].length + (UNSEGMENTED.test(f) ? 1 : 0);
  // Short forms are other words too ("Sam", "Jav"): a short territory name counts only as
  // an acronym (USA, SAD, США), written in capitals. Short months stay ("mai", "Nov"):
  // they count only next to a number (concepts.ts).
  if (length < 3) return;
  if (length < 4 && kind === 'territory' && word !== word.toUpperCase() && !UNSEGMENTED.test(f)) return;
  if (length < 4 && kind === 'weekday') return;
  let set = forms.get(f);
  if (!set) forms.set(f, (set = new Set()));
  set.add(concept);
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

for (const locale of locales) {
  const t = readJson(path.join(names, locale, 'territories.json')).main[locale].localeDisplayNames.territories as Record<string, string>;
  for (const [code, name] of Object.entries(t)) {
    const base = code.split('-alt-')[0];
    // Country codes and the continents (002 Africa, 142 Asia, 150 Europe, 019 Americas);
    // not the world (001) nor the finer UN regions, whose names are phrases.
    if (!/^[A-Z]{2}$/.test(base) && !['002', '009', '019', '142', '150'].includes(base)) continue;
    if (base === 'ZZ') continue; // "Unknown Region"
    add(name, base, 'territory');
  }
  let g;
  try {
    g = readJson(path.join(dates, locale, 'ca-gregorian.json')).main[locale].dates.calendars.gregorian;
  } catch {
    continue;
  }
  for (const ctx of ['format', 'stand-alone']) {
    for (const width of ['wide', 'abbreviated']) {
      const months = g.months?.[ctx]?.[width] ?? {};
      for (const [n, name] of Object.entries(months)) add(name as string, `m${n}`, 'month');
    }
    const days = g.days?.[ctx]?.wide ?? {};
    WEEKDAYS.forEach((d, i) => days[d] && add(days[d], `d${i}`, 'weekday'));
  }
}

// A form two concepts share ("Mai" a month, "Mali"…) says nothing: dropped.
const byConcept = new Map<string, string[]>();
let dropped = 0;
for (const [f, set] of forms) {
  if (set.size > 1) {
    dropped++;
    continue;
  }
  const c = [...set][0];
  if (!byConcept.has(c)) byConcept.set(c, []);
  byConcept.get(c)!.push(f);
}
const entries: Array<[string, string]> = [...byConcept].flatMap(([c, fs]) => fs.map((f): [string, string] => [f, c]));
const records = encodeRecords(entries);

// What concepts.ts looks a capitalised word up as: every form, and the stem (the form less
// its last unit) of every territory name of MIN_STEMMED code points or more that no other
// territory shares (declined forms: Německu, Германии).
const stems = new Map<string, string | null>();
for (const [f, c] of entries) {
  if (kindOfId(c) !== 'territory' || [...f].length < MIN_STEMMED) continue;
  const stem = f.slice(0, -1);
  const had = stems.get(stem);
  stems.set(stem, had === undefined || had === c ? c : null);
}
const h: FoldHashes = { length: 0, whole: 0, less1: 0, less2: 0 };
const hashOf = (folded: string) => hashString(folded, h).whole;
const named = [...entries.map(([f]) => f), ...[...stems].filter(([, c]) => c !== null).map(([s]) => s)].map(hashOf);
const calendar = entries.filter(([, c]) => kindOfId(c) !== 'territory').map(([f]) => f);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
// 2^17 bits for about 18,000 forms and stems, 2^14 for 1,600 calendar forms: a word not in
// the set passes 3 bit tests about 4% (2%) of the time, then is looked up for real.
const NAMED_BITS = 17;
const CALENDAR_BITS = 14;

const out = path.resolve(import.meta.dirname, '..', 'utils', 'engine', 'concept-table.ts');
const source = `// Generated by scripts/gen-concepts.ts from Unicode CLDR (${locales.length} languages; Unicode licence). Do not edit.
// The names of territories (DE, 150…), months (M1…M12) and weekdays (D0 Sunday…D6) in
// every language, folded (fold.ts): records sorted by form, each the form then its
// concept's id (concept-forms.ts).
export const CONCEPT_FORMS = ${JSON.stringify(records)};
/** Bloom filter (bloom.ts) of the fold hashes of every form and of the territory stems concepts.ts looks up. */
export const NAMED_FILTER = "${base64(bloomBytes(named, NAMED_BITS))}";
/** Bloom filter of the fold hashes of the month and weekday forms. */
export const CALENDAR_FILTER = "${base64(bloomBytes(calendar.map(hashOf), CALENDAR_BITS))}";
/** The longest month or weekday form, in UTF-16 units. */
export const CALENDAR_MAX = ${Math.max(...calendar.map((f) => f.length))};
`;
// Signs that scale a number in languages that count by ten thousands (Chinese, Japanese,
// Korean: 40亿, 6300万, 3만): CLDR's long compact formats written as the number and a sign,
// with the power of ten the sign multiplies by.
const numbersDir = path.join(root, 'cldr-numbers-modern', 'main');
const signs = new Map<string, number>();
for (const locale of readdirSync(numbersDir).filter((l) => /^[a-z]{2,3}(-(Hans|Hant))?$/.test(l))) {
  const file = path.join(numbersDir, locale, 'numbers.json');
  if (!existsSync(file)) continue;
  const long = readJson(file).main[locale].numbers['decimalFormats-numberSystem-latn']?.long?.decimalFormat ?? {};
  for (const [key, pattern] of Object.entries(long) as [string, string][]) {
    const magnitude = /^(\d+)-count/.exec(key);
    const form = /^(0+)([^\s0\p{Script=Latin}]+)$/u.exec(pattern);
    if (!magnitude || !form) continue;
    const power = magnitude[1].length - form[1].length;
    if (signs.has(form[2]) && signs.get(form[2]) !== power) throw new Error(`sign ${form[2]} scales by two powers`);
    signs.set(form[2], power);
  }
}
const signsOut = path.resolve(import.meta.dirname, '..', 'utils', 'engine', 'number-signs.ts');
const signsSource = `// Generated by scripts/gen-concepts.ts from Unicode CLDR (long compact number formats). Do not edit.
// A sign written right after a number, and the power of ten it multiplies it by (40亿 = 40 × 10^8).
export const NUMBER_SIGNS: ReadonlyArray<readonly [string, number]> = ${JSON.stringify([...signs].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)))};
`;

if (process.argv.includes('--check')) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === source && existsSync(signsOut) && readFileSync(signsOut, 'utf8') === signsSource;
  console.log(same ? 'concept-table.ts is up to date' : 'concept-table.ts is stale: run npm run gen:concepts');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, source);
writeFileSync(signsOut, signsSource);
console.log(`${locales.length} locales, ${byConcept.size} concepts, ${forms.size - dropped} forms (${dropped} ambiguous dropped), ${[...stems.values()].filter((c) => c !== null).length} stems, ${records.length} chars of records`);
