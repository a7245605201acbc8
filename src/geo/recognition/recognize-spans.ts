/**
 * Place names in running text: gazetteer matching over capitalised word sequences, longest match
 * first, each judged by acceptSpan, then the story-wide passes (names the story makes people or firms,
 * names set aside until the story places them, pairs of names that are one person's).
 */
import { startsUpper } from '../../nlp/letters.js';
import { foldName } from '../fold.js';
import type { Gazetteer } from '../gazetteer.js';
import { POSTAL_CODES } from '../aliases.js';
import { exactCandidates, exonymTowns, skeletonCandidates, type Candidate } from '../resolve.js';
import type { DeferredSpan, FoundSpan, Token } from './spans.js';
import { ABBREVIATED_WORDS, ELIDED, inAngleBrackets, joinable, joinableInName, tokenize } from './tokens.js';
import {
  bigByOwnName,
  closestKm,
  isContinentAdjective,
  isCountryOrState,
  isFamousCity,
  isKindStrong,
  localOtherTest,
  isMajorPlace,
  isUsState,
  isWellKnown,
  maxPop,
} from './candidate-kinds.js';
import {
  CAPS_OK,
  CITY_OFFICE,
  CONNECTORS,
  INSTITUTION_NOUN,
  PLACED_BEFORE,
  STOP,
  firmPhrase,
  hostTownsOfEvent,
  nameGoesOn,
  startsFirmName,
  townOfContainerAfter,
} from './cues.js';
import { acceptSpan } from './accept-span.js';

/**
 * A state or province written after its town and a comma without the dot its abbreviation takes:
 * the postal code (`LOUISVILLE, KY`, `London, ON`) or the AP form (`EDMONTON, Ky (WBKO)`). Read
 * only when the town before it has a place of its name in that state.
 */
function stateAfterTown(gaz: Gazetteer, text: string, t: Token, town: FoundSpan | undefined): FoundSpan | null {
  if (!town || t.text.length > 5 || !/^,\s?$/.test(text.slice(town.end, t.start))) return null;
  let cands: Candidate[] = [];
  // A postal code may end the sentence (`Portland, OR.`); the AP forms with a dot are names already.
  const code = t.text.replace(/\.$/, '');
  const postal = /^\p{Lu}{2}$/u.test(code) ? POSTAL_CODES.get(code) : undefined;
  if (postal)
    cands = exactCandidates(gaz, foldName(postal.name)).filter(
      (c) => gaz.kind(c.index) === 'admin1' && gaz.country(c.index) === postal.country,
    );
  else if (/^\p{Lu}\p{Ll}+$/u.test(t.text))
    cands = exactCandidates(gaz, foldName(t.text) + '.').filter((c) => gaz.kind(c.index) === 'admin1');
  const states = new Set(cands.map((c) => c.index));
  if (!town.candidates.some((c) => gaz.kind(c.index) === 'city' && states.has(gaz.admin1[c.index] ?? -1))) return null;
  return { name: code, start: t.start, end: t.start + code.length, candidates: cands };
}

/**
 * A US legislator's party and home town or state, as US papers write them: `Rep. Joseph Wagner,
 * D-Chicopee`, `(R-Elbow Lake)`, `Sen. James McClure, R-Idaho`.
 */
const PARTY_HOMETOWN = /^(D|R|I|DFL)[-‐](\p{Lu}\p{Ll}[\p{L}'’]*)$/u;

/**
 * The home town or state after a party's letter (`, D-Chicopee`, `(DFL-Cook)`, `(D-Pa)`): the
 * convention says it is a place in the US, so any US town of the name counts, the longest name first
 * (`R-Elbow Lake`). Returns the span and the index of the token after it.
 */
function partyHometown(gaz: Gazetteer, text: string, tokens: readonly Token[], i: number): { span: FoundSpan; next: number } | null {
  const t = tokens[i] as Token;
  const m = PARTY_HOMETOWN.exec(t.text);
  if (!m || !/[,(]\s?$/.test(text.slice(Math.max(0, t.start - 2), t.start))) return null;
  const start = t.start + (m[1] ?? '').length + 1;
  let last = i;
  while (last - i < 2 && last + 1 < tokens.length) {
    const a = tokens[last] as Token;
    const b = tokens[last + 1] as Token;
    if (!b.upper || !joinable(text, a, b) || a.text.endsWith('.')) break;
    last++;
  }
  for (let j = last; j >= i; j--) {
    const end = (tokens[j] as Token).end;
    const key = foldName(text.slice(start, end));
    // A state by name or AP form, dot or none (`R-Idaho`, `D-Pa`), else a US town by its own name.
    const states = [...exactCandidates(gaz, key), ...(j === i ? exactCandidates(gaz, key + '.') : [])].filter((c) => isUsState(gaz, c));
    const towns = exactCandidates(gaz, key).filter((c) => c.primary && gaz.kind(c.index) === 'city' && gaz.country(c.index) === 'US');
    const cands = states.length > 0 ? states : towns;
    if (cands.length > 0) return { span: { name: text.slice(start, end), start, end, candidates: cands }, next: j + 1 };
  }
  return null;
}

/**
 * A transliterated name spelt another way than the gazetteer's (`from Menoufia` for Monufia, `in
 * Daqahliya` for Dakahlia): after a preposition of place, a word no gazetteer name matches may be a
 * variant of a governorate or a city of 100,000+ (Middle East and North Africa only, where the
 * transliteration skeleton applies). Asked only for such words, so the skeleton index is rarely read.
 */
function spellingVariant(gaz: Gazetteer, text: string, t: Token): FoundSpan | null {
  if (t.text.length < 5 || t.text.endsWith('.') || !/^\p{Lu}\p{Ll}/u.test(t.text)) return null;
  if (!/\b(in|from|near|at)\s+$/i.test(text.slice(Math.max(0, t.start - 6), t.start))) return null;
  // A lone word, not the first of a name (`from Waste Management Inc` is no Wasit).
  if (/^\s+\p{Lu}/u.test(text.slice(t.end, t.end + 3))) return null;
  const key = (t.key ??= foldName(t.text));
  if (!key || STOP.has(key)) return null;
  const cands = skeletonCandidates(gaz, key).filter((c) => gaz.kind(c.index) === 'admin1' || (gaz.pop[c.index] ?? 0) >= 100_000);
  return cands.length > 0 ? { name: t.text, start: t.start, end: t.end, candidates: cands } : null;
}

/**
 * The places inside a hyphenated word that is no name as a whole: `Russia-Turkey ties`,
 * `Sydney-based`, `made-in-China`, `Middlesex-London`. Only parts that name a country, division or
 * region, or a city of 100,000+, count: `Mercedes-Benz`, `Jean-Claude` stay words.
 */
/** Whether token i joins capitalised names with hyphens into a firm's name (remembered in `firms` for the story). */
function firmCompound(text: string, tokens: readonly Token[], i: number, firms: Set<string>): boolean {
  const t = tokens[i] as Token;
  if (!/^\p{Lu}[^-‐]*([-‐]\p{Lu}[^-‐]*)+$/u.test(t.text)) return false;
  const key = t.text.toLowerCase();
  if (firms.has(key)) return true;
  if (!inAngleBrackets(text, t.start, t.end) && !startsFirmName(text, tokens, i)) return false;
  firms.add(key);
  return true;
}

/** Lower-case parts of a compound that make its capitalised part a place (`Geneva-based`, `Peking-owned`, `pro-Peking`). */
const COMPOUND_PLACE_WORD = /^(?:[a-z]+ed|pro|anti)$/;

/** Whether a word (a part of a compound) is a name of any place of the gazetteer. */
function namesPlaceWord(gaz: Gazetteer, word: string): boolean {
  return exactCandidates(gaz, foldName(word.replace(/\.$/, ''))).length > 0;
}

/** `/[-‐]/.test(word)`, asked of every lower-case word. */
function hasHyphen(word: string): boolean {
  return word.includes('-') || word.includes('‐');
}

function hyphenParts(gaz: Gazetteer, t: Token, prev?: Token): FoundSpan[] {
  if (!hasHyphen(t.text)) return [];
  // `Sheikh Ali al-Khalifa al-Sabah`: an Arabic article's compound right after a person's name (a
  // capitalised word or another such compound, one space between) is a family's name,
  // not the place (`in al-Anbar`, `Iraq's al-Anbar`, `Ramadi, al-Anbar` are places).
  if (
    prev &&
    ARTICLE_COMPOUND.test(t.text) &&
    t.start - prev.end === 1 &&
    !prev.possessive &&
    (ARTICLE_COMPOUND.test(prev.text) || /^\p{Lu}\p{Ll}+$/u.test(prev.text))
  )
    return [];
  const out: FoundSpan[] = [];
  const parts = t.text.split(/[-‐]+/);
  const onlyLowerBeside = parts.filter((p) => startsUpper(p)).length === 1 && parts.some((p) => COMPOUND_PLACE_WORD.test(p));
  for (const m of t.text.matchAll(/[^-‐]+/g)) {
    const part = m[0].replace(/\.$/, '');
    // `US-led`, `Egyptian-US relations`: the short capitals the news uses for a country count too.
    if ((part.length < 3 && !CAPS_OK.has(part.toLowerCase())) || !startsUpper(part)) continue;
    if (part.length <= 3 && part === part.toUpperCase() && !CAPS_OK.has(part.toLowerCase())) continue;
    const key = foldName(part);
    if (STOP.has(key) || CONNECTORS.has(key)) continue;
    // A country by its other names (`Turkey` for Türkiye) counts; a town only by its own name, or by
    // its English exonym in a compound of place (`Geneva-based` is Genève's, not a namesake town's;
    // `Ciba-Geigy`, `D-Kan.`, `Koo Bon-yong` join names whose other spellings mean nothing here).
    const all = exactCandidates(gaz, key);
    const exonyms = onlyLowerBeside ? exonymTowns(gaz, all) : new Set<number>();
    const cands = all.filter((c) => c.primary || gaz.kind(c.index) !== 'city' || exonyms.has(c.index));
    if (cands.length === 0 || isContinentAdjective(gaz, key, cands)) continue;
    if (!isWellKnown(gaz, cands)) continue;
    // `Petahia Bar-Shavit`, `Mackay-Burdekin crops`: beside a capitalised part that no place bears, a
    // small town's or division's name is half of a double name (a country, a big division or a big
    // town still counts: `Iran-Contra`, `Dallas-Fort Worth`; any name beside another place's does too:
    // `Trinidad-Tobago`, `Middlesex-London EMS`).
    if (
      !isMajorPlace(gaz, cands) &&
      maxPop(gaz, cands) < 100_000 &&
      parts.some((p) => startsUpper(p) && p !== m[0] && !namesPlaceWord(gaz, p))
    )
      continue;
    const start = t.start + (m.index ?? 0);
    out.push({ name: part, start, end: start + part.length, candidates: cands });
  }
  return out;
}

/** A compound opened by an Arabic article (`al-Sabah`, `el-Sisi`). */
const ARTICLE_COMPOUND = /^(?:al|el)[-‐]\p{Lu}/u;

/** Find the spans of place names in a text, longest match first, with their candidates. */
export function recognizeSpans(gaz: Gazetteer, text: string): FoundSpan[] {
  const tokens = tokenize(text);
  const spans: FoundSpan[] = [];
  const personish = new Set<string>();
  const placeish = new Set<string>();
  const people = new Set<string>();
  const firms = new Set<string>();
  const deferred: DeferredSpan[] = [];
  // Words the story also writes in lower case are common words there (`spring`, `advance`); only
  // a few spans ever ask, so the set is made on the first question.
  let lowerWords: Set<string> | null = null;
  const isLowerWord = (word: string): boolean => {
    if (!lowerWords) {
      lowerWords = new Set<string>();
      for (const tk of tokens) if (!tk.upper) lowerWords.add(tk.text.endsWith('.') ? tk.text.slice(0, -1) : tk.text);
    }
    return lowerWords.has(word);
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !t.upper) {
      if (t && hasHyphen(t.text)) spans.push(...hyphenParts(gaz, t, tokens[i - 1]));
      i++;
      continue;
    }
    const second = tokens[i + 1];
    if (firms.size > 0 && second?.upper && joinable(text, t, second) && firms.has(firmPhrase(t, second))) {
      i += 2;
      continue;
    }
    const state = stateAfterTown(gaz, text, t, spans[spans.length - 1]);
    if (state) {
      spans.push(state);
      i++;
      continue;
    }
    const hometown = partyHometown(gaz, text, tokens, i);
    if (hometown) {
      spans.push(hometown.span);
      i = hometown.next;
      continue;
    }
    let found: { j: number; key: string; cands: Candidate[]; end: number; dotted: boolean; tail?: Token } | null = null;
    // Longest first, up to 6 words.
    let last = i;
    while (last + 1 < tokens.length && last - i < 5) {
      const a = tokens[last];
      const b = tokens[last + 1];
      if (!a || !b || !joinableInName(text, a, b)) break;
      const lower = b.text.toLowerCase();
      if (!b.upper && !CONNECTORS.has(lower) && !/^(al|el|ad|ar|as|az|ez|ash|at|an)[-‐]/.test(lower) && !ELIDED.test(b.text)) break;
      last++;
    }
    for (let j = last; j >= i && !found; j--) {
      const tj = tokens[j];
      if (!tj) continue;
      // The last word must be a name word, not a connector.
      if (j > i && !tj.upper && !/^(al|el|ad|ar|as|az|ez|ash|at|an)[-‐]/i.test(tj.text) && !ELIDED.test(tj.text)) continue;
      // `Dublin City Council`, `Dublin City Manager`: the city's own office, not the Irish local
      // authority named `Dublin City`; the town is the name before `City`.
      if (j > i && tj.text === 'City' && CITY_OFFICE.test(text.slice(tj.end, tj.end + 16))) continue;
      // `the University of Michigan Center for Computer Security`: an institution's unit, not the
      // town of Michigan Center; the name is the words before its noun.
      if (j > i && INSTITUTION_NOUN.test(tj.text) && /^\s+(for|of)\s/.test(text.slice(tj.end, tj.end + 6))) continue;
      const withDot = tj.text.endsWith('.');
      const bare = withDot ? text.slice(t.start, tj.end - 1) : text.slice(t.start, tj.end);
      const parts: string[] = [];
      for (let k = i; k <= j; k++) {
        const tk = tokens[k];
        if (!tk) continue;
        tk.key ??= foldName(tk.text.endsWith('.') ? tk.text.slice(0, -1) : tk.text);
        if (tk.possessive && k < j) parts.push(foldName(text.slice(tk.start, tk.end + 2)));
        else if (tk.key) parts.push(tk.key);
      }
      const key = parts.join(' ');
      let cands: Candidate[] = [];
      let end = t.start + bare.length;
      let dotted = false;
      // Abbreviations are indexed with their dot (`ky.`): only a written dot reaches them.
      if (withDot && j === i) {
        cands = exactCandidates(gaz, key + '.');
        if (cands.length > 0) {
          end = tj.end;
          dotted = true;
        }
      }
      if (cands.length === 0) {
        // A town reached by a name English news does not use for it weighs as a stray spelling, and
        // a name that only such towns bear is none (`Summitville` mine, `Mill City` Gold Inc).
        const localOther = localOtherTest(gaz, key);
        cands = exactCandidates(gaz, key).map((c) => (localOther(c) ? { ...c, localOther: true } : c));
        if (cands.every((c) => c.localOther)) cands = [];
      }
      // `New York-based`, `Abu Dhabi-led`: a name of several words whose last one carries a compound's
      // hyphen ends at the hyphen (else `York-based` alone would find York, England).
      const hyphen = j > i ? tj.text.search(/[-‐]/) : -1;
      if (cands.length === 0 && hyphen > 0) {
        const head = [...parts.slice(0, -1), foldName(tj.text.slice(0, hyphen))].join(' ');
        // Only a well-known place by its own name (`Chang Chi-cheng` is a person, not Changzhi).
        const heads = exactCandidates(gaz, head).filter((c) => c.primary);
        if (isWellKnown(gaz, heads)) {
          cands = heads;
          end = tj.start + hyphen;
          // `New York-Washington flights`: the names after the hyphen are read as any compound's are.
          const tail: Token = { ...tj, start: end, text: tj.text.slice(hyphen), key: null };
          found = { j, key: head, cands, end, dotted, tail };
          break;
        }
      }
      // `St. Marc` for Saint-Marc, `Mt. Hagen` for Mount Hagen: the word written out.
      if (cands.length === 0 && j > i) {
        const full = ABBREVIATED_WORDS.get(key.slice(0, key.indexOf(' ')));
        if (full) cands = exactCandidates(gaz, full + key.slice(key.indexOf(' ')));
      }
      // `Plymouth Co.`, `PLYMOUTH CO.`: the county written out (its dot makes it no word of the name).
      // Not the end of a longer capitalised name: `Phillips Petroleum Co.` is a firm, no Montana county.
      const before = tokens[i - 1];
      const opensName = !(before?.upper && joinable(text, before, t));
      if (cands.length === 0 && j > i && withDot && opensName && / co$/.test(key)) {
        cands = exactCandidates(gaz, key.slice(0, -2) + 'county').filter((c) => gaz.kind(c.index) === 'admin2');
        if (cands.length > 0) end = tj.end;
      }
      if (cands.length > 0) found = { j, key, cands, end, dotted };
    }
    if (!found) {
      const variant = spellingVariant(gaz, text, t);
      if (variant) spans.push(variant);
      // `Georgia-Pacific Corp`, `<Owens-Illinois>`: names joined into a firm's name are the firm's, and
      // alone later in the story too (`Georgia-Pacific said`); `California-based Safeway Stores Inc`
      // says where the firm is.
      else if (!firmCompound(text, tokens, i, firms)) spans.push(...hyphenParts(gaz, t));
      i++;
      continue;
    }
    const { j, key, cands, end, dotted, tail } = found;
    // `Stade de France`, `Bab el-Oued`, `Orlando dos Santos`: a longer name the gazetteer lacks, not
    // the town of its first word (a country, a state or a famous city stays: `Mexico de ...` is rare).
    const goesOn = cands.some((c) => isCountryOrState(gaz, c) || isFamousCity(gaz, c.index)) ? 0 : nameGoesOn(text, tokens, j);
    if (goesOn > 0) {
      i = j + 1 + goesOn;
      continue;
    }
    // `Gulf of Tonkin`: a region's word before `of` and a name starts a longer name the gazetteer
    // lacks (a gulf, a bay), not the region of the word alone (the Persian Gulf).
    if (j === i && cands.some((c) => c.primary && gaz.kind(c.index) === 'region') && OF_NAME_AFTER.test(text.slice(end, end + 12))) {
      i = j + 1;
      continue;
    }
    const single = j === i;
    const strong = isKindStrong(gaz, cands);
    const surface = text.slice(t.start, end);
    const ok = acceptSpan(
      gaz,
      text,
      tokens,
      i,
      j,
      { key, cands, end, dotted, single, strong, surface },
      personish,
      placeish,
      isLowerWord,
      people,
      firms,
      spans[spans.length - 1],
      deferred,
    );
    if (ok) {
      const narrowed = stateOfOffice(gaz, text, t.start, end, cands) ?? hostTownsOfEvent(gaz, text, end, cands);
      spans.push({ name: surface, start: t.start, end, candidates: narrowed ?? cands });
    }
    if (tail) spans.push(...hyphenParts(gaz, tail));
    i = j + 1;
  }
  return dropNamedOthers(
    gaz,
    text,
    dropNamePairs(gaz, text, withPlacedLater(spans, deferred, placeish, personish, people, firms)),
    personish,
    firms,
  );
}

/** `at` before a firm's name is where people work or look (`officials at Fairchild`, `looked at Fairchild`). */
const FIRM_AT_BEFORE = /\bat\s+$/;

/** Words of stakes and shares before `in`: `a stake in Bally` is the firm. */
const HOLDING_IN_BEFORE = /\b(stakes?|interests?|holdings?|investments?|shares|stock|positions?|equity)\s+in\s+$/i;

/**
 * One sense per story, backwards: a small place's name that the story went on to make a firm or a
 * person (`Bally agreed`, `a Hutton spokesman`, `Leon Febres Cordero`) is that firm or person at its
 * earlier mentions too (`Trump agreed not to seek control of Bally`), unless a preposition of place
 * stands before it there (`in Tyler`, not `a stake in Bally`).
 */
function dropNamedOthers(
  gaz: Gazetteer,
  text: string,
  spans: FoundSpan[],
  personish: ReadonlySet<string>,
  firms: ReadonlySet<string>,
): FoundSpan[] {
  return spans.filter((s) => {
    if (isKindStrong(gaz, s.candidates) || bigByOwnName(gaz, s.candidates)) return true;
    const key = foldName(s.name.replace(/\.$/, ''));
    if (!personish.has(key) && !firms.has(key)) return true;
    const before = text.slice(Math.max(0, s.start - 24), s.start);
    if (townOfContainerAfter(gaz, text.slice(s.end, s.end + 24), s.candidates)) return true;
    return PLACED_BEFORE.test(before) && !FIRM_AT_BEFORE.test(before) && !HOLDING_IN_BEFORE.test(before);
  });
}

const OF_NAME_AFTER = /^\s+of\s+(the\s+)?\p{Lu}/u;

/**
 * One sense per story: a small town's name left out for want of a place cue where it stood (at a
 * sentence's start, with no locative word) is a place when the story placed it elsewhere (`Randwick
 * has been locked down` after `races at Randwick`), unless the story also made it a person or a firm.
 */
function withPlacedLater(
  spans: FoundSpan[],
  deferred: readonly DeferredSpan[],
  placeish: ReadonlySet<string>,
  personish: ReadonlySet<string>,
  people: ReadonlySet<string>,
  firms: ReadonlySet<string>,
): FoundSpan[] {
  const back = deferred.filter((d) => placeish.has(d.key) && !personish.has(d.key) && !people.has(d.key) && !firms.has(d.key));
  if (back.length === 0) return spans;
  return [...spans, ...back.map((d) => d.span)].sort((a, b) => a.start - b.start);
}

/**
 * Offices only a US state has: the name before them is the state (`the Georgia Public Service
 * Commission`, a utility's regulator, is not the Caucasus country's; `Ohio General Assembly`).
 */
const US_STATE_OFFICE_AFTER =
  /^[ \t\n]+(Public[ \t\n]+(Service|Utilities|Utility)[ \t\n]+Commission|(Corporation|Railroad)[ \t\n]+Commission|General[ \t\n]+Assembly|State[ \t\n]+(Senate|House|Legislature)|Legislature|Attorney[ \t\n]+General|Secretary[ \t\n]+of[ \t\n]+State)\b/;

/** …or comes before it (`the governor of Georgia`: the Caucasus country has none). */
const US_STATE_OFFICE_BEFORE = /\b([Gg]overnor|[Ll]egislature|[Aa]ttorney[ \t\n]+[Gg]eneral)[ \t\n]+of[ \t\n]+$/;

/** The US states among a name's candidates when a state's office is named with it (`US_STATE_OFFICE_AFTER`), else null. */
function stateOfOffice(gaz: Gazetteer, text: string, start: number, end: number, cands: readonly Candidate[]): Candidate[] | null {
  if (!US_STATE_OFFICE_AFTER.test(text.slice(end, end + 40)) && !US_STATE_OFFICE_BEFORE.test(text.slice(Math.max(0, start - 30), start)))
    return null;
  const states = cands.filter((c) => isUsState(gaz, c));
  return states.length > 0 && states.length < cands.length ? states : null;
}

/**
 * `Pratt and Whitney`, `Procter & Gamble`: two small towns joined by `and`/`&` that lie far apart are
 * a firm's or people's names, not a list of places (a list names neighbours: `Foua and Kfraya`).
 */
function dropNamePairs(gaz: Gazetteer, text: string, spans: FoundSpan[]): FoundSpan[] {
  const drop = new Set<number>();
  const small = (s: FoundSpan): boolean => !/\s/.test(s.name) && !isKindStrong(gaz, s.candidates) && maxPop(gaz, s.candidates) < 100_000;
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k] as FoundSpan;
    const b = spans[k + 1] as FoundSpan;
    if (!/^\s+(and|&)\s+$/.test(text.slice(a.end, b.start)) || !small(a) || !small(b)) continue;
    if (closestKm(gaz, a.candidates, b.candidates) > 300) {
      drop.add(k);
      drop.add(k + 1);
    }
  }
  return drop.size === 0 ? spans : spans.filter((_, k) => !drop.has(k));
}
