/**
 * Places the gazetteer does not hold, placed by the place the text puts them in: `the village of
 * Cellardyke in Fife`, `the Mukuru kwa Njenga district of Nairobi`, `in Greenlane, Auckland`,
 * `Mabvuku, a suburb east of Harare`. News names villages, suburbs, camps and streets far below
 * GeoNames' 500 people, and nearly always says which town or division they are in: that place's point
 * is where the reader should look (a suburb or a village lies well within 161 km of it).
 *
 * Only with a word that makes the unknown name a place (a place noun, or a preposition of place and
 * then its container after a comma), and only inside a town or a division the story already found:
 * a country or a continent is too wide to stand for a village.
 */
import { foldName } from './fold.js';
import type { Gazetteer } from './gazetteer.js';
import { exactCandidates } from './resolve.js';
import type { PlaceMention } from './types.js';

/** One capitalised word of a name, or a lower-case particle inside one (`Mukuru kwa Njenga`, `Bab el-Oued`). */
const WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PARTICLE = String.raw`(?:kwa|el|al|de|du|des|la|le|da|do|dos|di|del|van|von)`;
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,3}`;

/** Capitalised words that begin a sentence or a date, not a place. */
const NOT_A_NAME = new Set(
  (
    'the a an this that these those his her its their our my he she it they we i mr mrs ms dr ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december'
  ).split(' '),
);

/** Last words of a firm's or an institution's name: `at Salomon Brothers Inc, New York` is no place. */
const FIRM_END =
  /\b(inc|corp|co|ltd|llc|plc|sa|ag|nv|brothers|bros|bank|group|partners|securities|capital|court|university|universidade|universidad|college)\.?$/i;

/** A place noun before the name: `the village of X`, `the villages of X and Y`. */
const NOUN_OF_BEFORE = /\b(villages?|towns?|communit(?:y|ies)|suburbs?|hamlets?|townships?|settlements?|neighbou?rhoods?)\s+of\s+$/i;
/** A preposition of place before the name: `in X, Auckland`. */
const PREPOSITION_BEFORE = /\b(in|at|near|outside)\s+$/;

/** Between the (last) name and its container, after a place noun before it: `in Fife`, `, Fife`. */
const AFTER_NOUN_OF = /^(?:,\s*|\s+(?:in|near)\s+(?:the\s+)?)$/;
/** ...after a preposition before it: a comma only (`in Greenlane, Auckland`). */
const AFTER_PREPOSITION = /^,\s*$/;
/** A place noun after the name, then the container: `X district of Nairobi`, `X refugee camp in Al-Fashir`. */
// (`of` only after a part of a place: `the Kurdish village of Ranya` names the village, not a part of it.)
const NOUN_AFTER =
  /^\s+(?:(?:district|county|suburb|neighbou?rhood|slums?|area)\s+(?:of|in|near)|(?:village|town|township|(?:refugee\s+)?camp)\s+(?:in|near))\s+(?:the\s+)?$/i;
/**
 * The last word of a street's, a building's or a site's name: it is a place by its own name, so `in`
 * or a comma before its town is enough (`University Hospital in Columbia`, `of Felixstowe Road, Edmonton`).
 */
const FACILITY_END =
  /\b(Street|St|Road|Rd|Avenue|Ave|Lane|Way|Drive|Boulevard|Highway|Square|Park|Hospital|Church|Cathedral|Mosque|Temple|Museum|Stadium|Airport|Base|Ground|Racecourse|Market|Bridge)\.?$/u;
/** A street's, a building's or a site's name of two words or more (`Felixstowe Road`, not a lone `Park`). */
function isFacilityName(name: string): boolean {
  return FACILITY_END.test(name) && /\s/.test(name);
}
/** ...and what may stand between it and its town. */
const AFTER_FACILITY = /^(?:\s+(?:in|near)\s+(?:the\s+)?|,\s*)$/;

/** A name after the container that makes the comma a list's (`peasants in Wello, Tigre and Harar`). */
// (Not a comma alone: `in Greenlane, Auckland, New Zealand` climbs to the country.)
const LIST_AFTER = /^(?:\s*,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)*\s*,?\s+(?:and|or)\s+\p{Lu}/u;
/** An appositive that says what the name is and where: `X, a suburb located east of Harare`. */
const APPOSITIVE =
  /^(?:,|\s+is)\s+an?\s+(?:[\p{L}-]+\s+){0,3}(?:town|village|suburb|township|community|district|neighbou?rhood|settlement)\b[^.;:!?]{0,40}?\b(?:in|of|near)\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\p{L}-]*\s+)?$/iu;

/**
 * A sentence's end, not an abbreviation's dot (`St. Mark's`, `Dr. Kanow`, `J. Smith`), or a blank
 * line: wires wrap their lines inside names (`at Kirtland Air\nForce Base`), so a lone line break ends nothing.
 */
const SENTENCE_END = /(?<!\b(?:St|Mt|Ft|Dr|Mr|Mrs|Ms|Jr|Sr|No|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Const|\p{Lu}))[.!?]\s+|\n[ \t]*\n/gu;

/**
 * A job before `at`: the name after it is an employer, not a place, though a comma and a town follow
 * (`an analyst at Salomon Brothers, New York`, `economics professor at Universidade Livre, Lisbon`).
 */
const JOB_AT_BEFORE =
  /\b(economists?|analysts?|strategists?|professors?|lecturers?|researchers?|directors?|chairman|president|executives?|officers?|managers?|partners?|spokesman|spokeswoman|traders?|dealers?|bankers?|officials?|employees?|chief)\s+(?:of\s+[\p{L}-]+\s+)?at\s+$/iu;

/**
 * The name without the words after it that say whose it is (`the Shatila Palestinian refugee camp`
 * is Shatila): a people's adjective, which the gazetteer knows only as another name of its country.
 */
function withoutPeople(gaz: Gazetteer, name: string): string {
  const words = name.split(/(\s+)/);
  while (words.length > 2) {
    const last = words[words.length - 1] ?? '';
    const cands = exactCandidates(gaz, foldName(last));
    if (cands.length === 0 || !cands.every((x) => !x.primary && gaz.kind(x.index) === 'country')) break;
    words.splice(-2, 2);
  }
  return words.join('');
}

/** Whether a found place can stand for a village inside it: a town or a division, not a country or wider. */
function canContain(gaz: Gazetteer, m: PlaceMention): boolean {
  if (m.geonameId === null || m.lat === null || m.dateline) return false;
  const i = gaz.indexOfId(m.geonameId);
  if (i < 0) return false;
  const kind = gaz.kind(i);
  return kind === 'city' || kind === 'admin1' || kind === 'admin2';
}

/**
 * After a town's possessive, a street, square, park or building of it: `Paris' iconic Champs-Elysees
 * boulevard`, `Whittier's Penn Park`, `Moscow's Red Square`. Only with a place word ending the name or
 * following it: a town's possessive more often owns a firm, an index or a person (`Tokyo's Nikkei
 * average`, `Chicago's First National Bank`).
 */
const POSSESSIVE_AFTER = new RegExp(
  String.raw`^(?:['’]s?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(${NAME})(\s+(?:boulevard|avenue|street|road|square|park|district|neighbou?rhood|quarter|slum|suburb|island|airport|station|bridge|market|hospital|stadium|mosque|church|cathedral|temple|museum|palace|beach)\b)?`,
  'u',
);

/**
 * After a town or a division, the kind of place, then its name: `the Nairobi slum Kibera`, `the Damascus
 * suburb of Douma`, `the Idlib province town of Saraqeb`. A town or a village needs its `of` (`the
 * Chicago area Tuesday`); the place word is lower-case (`the Tokyo District Court` is no district).
 */
const KIND_AFTER = new RegExp(
  String.raw`^\s+(?:(?:province|governorate|state|county|region)\s+)?(?:(?:suburb|district|neighbou?rhood|slum|township|quarter|(?:refugee\s+)?camp)\s+(?:of\s+)?|(?:town|village|area)\s+of\s+)(${NAME})`,
  'u',
);

/** A name of a list ending at a place noun's container: `Foua and Kfraya` (before `in Idlib`). */
const LIST_OF_NAMES_END = new RegExp(`(?:${NAME})(?:(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)(?:${NAME}))*$`, 'u');

/** The name cut at a sentence's full stop (`Atlanta's Hartsfield International Airport. It` ends at Airport). */
function toFullStop(name: string): string {
  return name.replace(/(\p{L}{4,})\.(?:\s[\s\S]*)?$/u, '$1');
}

/** The names of a list ending at `end` (`Foua and Kfraya`, `Bumbacari, Dudescu and Maliuc`), first to last. */
function namesOfList(text: string, listText: string, listStart: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = new RegExp(`(${NAME})(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+|$)`, 'uy');
  let at = 0;
  while (at < listText.length) {
    re.lastIndex = at;
    const m = re.exec(listText);
    if (!m || m[1] === undefined) return [];
    out.push({ name: m[1], start: listStart + at, end: listStart + at + m[1].length });
    at = re.lastIndex;
  }
  return out.filter((n) => text.slice(n.start, n.end) === n.name);
}

/** The unknown names the text places inside a found town or division, each as a mention of that place. */
export function containedPlaces(gaz: Gazetteer, text: string, mentions: readonly PlaceMention[]): PlaceMention[] {
  const taken = (s: number, e: number): boolean => mentions.some((m) => !m.dateline && m.start < e && s < m.end);
  const containers = mentions.filter((m) => canContain(gaz, m));
  const out: PlaceMention[] = [];
  const add = (whole: string, start: number, wholeEnd: number, c: PlaceMention): void => {
    const name = withoutPeople(gaz, whole);
    const end = wholeEnd - (whole.length - name.length);
    const words = name.split(/\s+/);
    if (name.length === 0) return;
    if (NOT_A_NAME.has((words[0] ?? '').toLowerCase()) || FIRM_END.test(name)) return;
    if (taken(start, end) || out.some((o) => o.start < end && start < o.end)) return;
    out.push({ name, start, end, geonameId: c.geonameId, countryCode: c.countryCode, lat: c.lat, lon: c.lon });
  };
  for (const c of containers) {
    const cStart = c.start;
    // The text before the container, up to 200 characters within its sentence.
    const from = Math.max(0, cStart - 200);
    const before = text.slice(from, cStart);
    let cut = 0;
    for (const b of before.matchAll(SENTENCE_END)) cut = (b.index ?? 0) + b[0].length;
    const window = before.slice(cut);
    const wStart = cStart - window.length;
    // A name after the container that makes a comma before it a list's: the same for every name here.
    const listAfter = LIST_AFTER.test(text.slice(c.end, c.end + 40));
    // Each name that ends somewhere in the window, with what lies between it and the container.
    const nameRe = new RegExp(NAME, 'gu');
    for (let m = nameRe.exec(window); m; m = nameRe.exec(window)) {
      const start = wStart + m.index;
      const end = start + m[0].length;
      const link = text.slice(end, cStart);
      const lead = text.slice(Math.max(0, start - 60), start);
      if (NOUN_AFTER.test(link) || APPOSITIVE.test(link)) {
        add(m[0], start, end, c);
      } else if (isFacilityName(m[0]) && AFTER_FACILITY.test(link) && !listAfter) {
        add(m[0], start, end, c);
      } else if (AFTER_PREPOSITION.test(link) && PREPOSITION_BEFORE.test(lead) && !JOB_AT_BEFORE.test(lead) && !listAfter) {
        add(m[0], start, end, c);
      } else if (AFTER_NOUN_OF.test(link)) {
        // A list after a place noun: `the villages of Foua and Kfraya in Idlib`.
        const head = text.slice(Math.max(0, end - 160), end);
        const lm = LIST_OF_NAMES_END.exec(head);
        if (!lm) continue;
        const listStart = end - lm[0].length;
        if (!NOUN_OF_BEFORE.test(text.slice(Math.max(0, listStart - 40), listStart))) continue;
        for (const n of namesOfList(text, lm[0], listStart)) add(n.name, n.start, n.end, c);
      }
    }
    const kind = KIND_AFTER.exec(text.slice(c.end, c.end + 120));
    if (kind?.[1]) {
      const name = toFullStop(kind[1]);
      const start = c.end + kind[0].length - kind[1].length;
      add(name, start, start + name.length, c);
    }
    // `Paris' iconic Champs-Elysees boulevard`: the bare apostrophe only after a name ending in s.
    const own = POSSESSIVE_AFTER.exec(text.slice(c.end, c.end + 120));
    if (own?.[1] && (own[0].startsWith("'s") || own[0].startsWith('’s') || /s$/i.test(c.name))) {
      const name = toFullStop(own[1]);
      if (own[2] !== undefined || isFacilityName(name)) {
        const start = c.end + own[0].indexOf(own[1]);
        add(name, start, start + name.length, c);
      }
    }
  }
  return out;
}
