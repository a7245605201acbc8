/**
 * Whether a name the gazetteer matched is a place where it stands: the context rules that keep common
 * words, people and organisations out (issue 6), one name at a time.
 */
import { foldName, looksTransliterated } from '../fold.js';
import { firstNames } from '../first-names.js';
import type { Gazetteer } from '../gazetteer.js';
import { WEIGHTS, type Candidate } from '../resolve.js';
import type { DeferredSpan, FoundSpan, Token } from './spans.js';
import { type Match, inAngleBrackets, inCapsLine, isOpeningDateline, joinable } from './tokens.js';
import {
  ALT_NAME_TOWN,
  SHORT_NAME,
  bigByOwnName,
  isCityOnly,
  isContinentAdjective,
  isCountryOrState,
  isFamousCity,
  isFirmTown,
  isMajorPlace,
  isWidelyNamedTown,
  isWiderThanDistrict,
  maxPop,
  namesPlace,
  namesPlaceKey,
} from './candidate-kinds.js';
import {
  AFTER_SENTENCE_END,
  AGE_BEFORE,
  CAPS_OK,
  CAPS_ONLY,
  CLUB_AFTER,
  CLUB_BEFORE,
  COMMA_BEFORE,
  COURT_DISTRICT,
  DIRECTIONS_RE,
  DISEASE_AFTER,
  DOTTED_PERSON_BEFORE,
  FIRM_AFTER,
  FIRM_END,
  FIRM_LIST_AFTER,
  FIRM_TOWN_PLACED_BEFORE,
  FIRM_VERB_AFTER,
  FIRST_NAMES,
  FUNCTION_WORDS,
  INSTITUTION_AFTER,
  ITEM_AFTER,
  JOINED_NAME_AFTER,
  KIN_BEFORE,
  LANGUAGE_AFTER,
  LANGUAGE_BEFORE,
  LIST_GAP,
  LIST_IN_PLACE_BEFORE,
  LOCATIVE_AFTER,
  LOCATIVE_BEFORE,
  MEDIA_AFTER,
  MODIFIERS,
  NAMESAKE_AFTER,
  NAME_PART_WORDS,
  NAME_TITLES,
  PARTNER_BEFORE,
  PERSON_BEFORE,
  PLACED_BEFORE,
  PLACE_BEFORE,
  PLACE_NOUN_AFTER,
  PLACE_NOUN_OF,
  POSSESSIVE_BEFORE_NAME,
  POSSESSIVE_GAP,
  SAINT_NAME,
  SEASONS,
  PART_OF_YEAR,
  inListOfPartners,
  SPEECH_AFTER,
  SPEECH_BEFORE,
  SPEECH_VERB_AFTER,
  STOP,
  STOP_PHRASES,
  STREET_BEFORE,
  STRONG_LOCATIVE_BEFORE,
  SURNAME_PARTICLE_AFTER,
  SURNAME_PARTICLE_BEFORE,
  TITLED_NAME_BEFORE,
  TOWN_OFFICE_AFTER,
  TOWN_PEOPLE_AFTER,
  VILLAGE_NOUN_AFTER,
  VILLAGE_POP,
  firmPhrase,
  hostTownsOfEvent,
  isAcronymOfNameBefore,
  isFirstNameWord,
  isPersonOfTown,
  isSentenceStart,
  isSurname,
  isSurnameAfterFirstName,
  keepsPlace,
  partnerAfter,
  placeAfterComma,
  placeJoinedAfter,
  startsFirmName,
  townOfContainerAfter,
} from './cues.js';

/** Capitalised words that make the name before them a street's (`Falcon Street`, `Georgia Ave.`). */
const STREET_WORDS = new Set('street st road rd avenue ave boulevard blvd lane ln drive highway hwy terrace crescent'.split(' '));

/**
 * Capitalised words that make a country's own name before them a feature's far from it (`Turkey
 * Point`, `China Lake`, `Mexico Beach`). Not a river, a valley or a gulf: those run through or beside
 * the country (`Jordan River`, `Congo River`), so the country is not a wrong place for them; nor a
 * harbour (`Japan Harbour Transportation Association`), nor after an adjective (`Canadian Lake Carriers`).
 */
const COUNTRY_FEATURE_WORDS = new Set('point creek beach lake springs heights hills bay cove island park falls'.split(' '));

/** A people's adjective (`Canadian`, `Chinese`, `Turkish`): it names the country's firm or association, not a feature. */
const DEMONYM = /(?:ian|ean|ese|ish|ican)$/;

/**
 * A country's other name that can name its language (`Turkish`, `French`, `Farsi`), not the country's
 * English name (`into Turkey and ...`).
 */
const LANGUAGE_NAME = /(?:ish|ese|ian|ean|ic|ch|ek|ai|hebrew|farsi|urdu|hindi|dari|pashto|tagalog|malay|swahili)$/;

/** The wire's ticker of a listed firm right after its name (`Toyota <TOYOY>`, `Hitachi <HIT.T>`). */
const TICKER_AFTER = /^\s+<[A-Z][A-Z0-9]{0,6}(\.[A-Z]{1,2})?>/;
/**
 * Words before a name that make it the end of a longer firm's name (`Bank of`, `Banque Nationale de`,
 * `Pratt and`); not a sentence's `Shares of`.
 */
const TICKER_NAME_GOES_BEFORE =
  /((?!(?:Shares|Stock|Units)\b)\p{Lu}[\p{L}'’.-]*\s+(of|de|du|di|des|del|della)|\p{Lu}[\p{L}'’.-]*\s+(and|&))\s+$/u;

/** A US town the world names in many languages that keeps its reading before a surname: this many people or more. */
const FIRST_NAME_TOWN = 300_000;

/** The context rules that keep common words, people and organisations out (issue 6). */
export function acceptSpan(
  gaz: Gazetteer,
  text: string,
  tokens: readonly Token[],
  i: number,
  j: number,
  m: Match,
  personish: Set<string>,
  placeish: Set<string>,
  isLowerWord: (word: string) => boolean,
  people: Set<string>,
  firms: Set<string>,
  lastSpan: FoundSpan | undefined,
  deferred: DeferredSpan[],
): boolean {
  const t = tokens[i] as Token;
  const { key, cands, end, dotted, single, strong, surface } = m;
  const prev = tokens[i - 1];
  const next = tokens[j + 1];
  const last = tokens[j] ?? t;
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, t.start - 16), t.start);
  const nextCap = !!next && next.upper && joinable(text, last, next);
  const nextWord = nextCap && next ? next.text.replace(/\.$/, '').toLowerCase() : '';
  const big = maxPop(gaz, cands) >= 100_000;
  // Money (`US$`), virus strain names (`A/California/7/2009`), company brackets.
  if (text.charAt(t.start - 1) === '$' || text.charAt(end) === '$') return false;
  if (/(^|[^\p{L}])\p{Lu}\/$/u.test(text.slice(Math.max(0, t.start - 3), t.start)) || /^\/\d/.test(after)) return false;
  // `Falcon Street`, `Georgia Avenue`: a street named after a place is no mention of that place (the
  // street itself is placed by its town, see contained-places.ts); nor is a cape, a bay or a creek
  // named after a country (`Turkey Point` is a Florida power plant's site, `China Lake` a Californian base).
  if (
    nextCap &&
    (STREET_WORDS.has(nextWord) ||
      (COUNTRY_FEATURE_WORDS.has(nextWord) && !DEMONYM.test(key) && cands.some((c) => gaz.kind(c.index) === 'country')))
  )
    return false;
  // A name that opens a firm's name (`<Drexel Burnham Lambert Inc>`, `Kinross Mines Ltd`) is the
  // firm's. A small town's name is the firm's alone later in the story too (`a Drexel spokesman`,
  // `via Drexel`) unless a word of nearness puts it on the map (`near Kinross`; `a stake in Saxon`
  // is the firm); a country, a division or a city the news names as a city keeps its later mentions.
  // So does a lesser city that a firm's name opens, once the firm is listed (`Toyota <TOYOY>`,
  // `Hitachi <HIT>`: `Toyota's exports` later in the story are the car maker's).
  const firmOfTown = single && !strong && !big;
  const listedFirmOfTown = single && !strong && (!big || isFirmTown(gaz, cands));
  if (inAngleBrackets(text, t.start, end)) {
    if (firmOfTown) firms.add(key);
    return false;
  }
  // (The ticker follows the firm's whole name: not the place a bank is of, `Bank of Montreal <BMO.M>`,
  // nor a second partner's name, `Pratt and Whitney <UTX>`, whose pair is read as one further on.)
  if (
    single &&
    !strong &&
    TICKER_AFTER.test(after) &&
    !TICKER_NAME_GOES_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)) &&
    !isOpeningDateline(text, t.start, end)
  ) {
    if (listedFirmOfTown) firms.add(key);
    return false;
  }
  if (isOpeningDateline(text, t.start, end)) return true;
  if (nextCap && MEDIA_AFTER.has(nextWord)) {
    // `Piedmont Aviation` makes a later bare `Piedmont` the firm too (a country stays a country, and
    // see keepsPlace).
    if (single) personish.add(key);
    return false;
  }
  // `the Saudi Arabian Monetary Agency (SAMA)`: the letters of the name before it, in brackets, are its
  // short name, here and later in the story (not Sama in Spain); a place's own (`the United Arab
  // Emirates (UAE)`) is the place.
  const placeBefore = !!lastSpan && /^(['’]s?)?\s*\($/.test(text.slice(lastSpan.end, t.start));
  if (single && !placeBefore && isAcronymOfNameBefore(text, t.start, end)) {
    firms.add(key);
    return false;
  }
  // (A country's or a state's possessive opening a name is still the place: `Canada's Broadcasting Corporation`.)
  // (A small place's name of several words too: `Maple Leaf Mills Ltd`, `St. Joe Gold Corp`.)
  const smallNamesFirm = !single && !strong && !big;
  // (`banks in Florida and Trust Co banks`: a state or country that a preposition of place puts on the
  // map ends at `and`, which starts another name; `sold to Harper and Row Publishers Inc` is the firm.)
  const placedThenAnd = strong && PLACED_BEFORE.test(before) && /^\s+and\s/.test(after);
  if (((single && !(t.possessive && strong)) || smallNamesFirm) && !placedThenAnd && startsFirmName(text, tokens, j)) {
    if (listedFirmOfTown || smallNamesFirm) firms.add(key);
    // `Gulf Canada Resources Ltd`: its first two words are the firm later in the story, whatever each
    // names alone (`Gulf Canada shares rose` is no Persian Gulf and Canada).
    if (next && nextCap && !FIRM_END.test(nextWord)) firms.add(firmPhrase(t, next));
    return false;
  }
  // `Reston, Virginia`: a town followed by the division or country it lies in is that town, whatever
  // the story made of the name before (`the Ebola Reston virus`).
  if (single && !people.has(key) && townOfContainerAfter(gaz, after, cands)) {
    placeish.add(key);
    return true;
  }
  // (A town of 100,000 or more is placed by any preposition of place: `the plant in Toyota`.)
  const firmPlaced = (big ? PLACED_BEFORE : FIRM_TOWN_PLACED_BEFORE).test(before);
  if (single && firms.has(key) && !firmPlaced) return false;
  if (single && personish.has(key) && !cands.some((c) => gaz.kind(c.index) === 'country') && !keepsPlace(gaz, text, t.start, cands))
    return false;
  // A name given an age is a person's, and so is the same name alone later in the story, even a
  // country's (`Nine-year-old Georgia Stevens ... said Georgia`).
  if (single && people.has(key)) return false;
  // `Wagner and Brown` after `Cyril Wagner`: a small town joined by `and` to a name the story gave a
  // person or a firm is a partner's name too (not one followed by its state: `Fleet and Albany, N.Y.-based`).
  const partner = PARTNER_BEFORE.exec(text.slice(Math.max(0, t.start - 30), t.start));
  if (single && !strong && !big && partner && !/^,\s*\p{Lu}/u.test(after)) {
    const other = foldName(partner[1] ?? '');
    if (personish.has(other) || firms.has(other) || people.has(other)) return false;
  }
  if (single && nextCap && next && AGE_BEFORE.test(text.slice(Math.max(0, t.start - 24), t.start)) && isSurname(gaz, next)) {
    people.add(key);
    return false;
  }
  // `Nigel Lawson`, `Cassandra Rivera`: a common first name before a surname is a person's, here and
  // alone later in the story. Not a country's or first-level division's name, nor a big town the world
  // names in many languages (`Sydney`, `Florence`, `the 1976 Berne Agreement`): the place is as likely
  // there (`Dallas Cowboys`). A lesser US town is not such a town: GeoNames gives most of them many
  // names (`Warren Rudman`, `Lincoln Chafee`). A district's or county's name is a
  // first name as often as theirs (`Dudley Taft`, `Kent Conrad`).
  if (
    single &&
    !isWiderThanDistrict(gaz, cands) &&
    nextCap &&
    next &&
    isFirstNameWord(gaz, t, isLowerWord, false) &&
    !cands.some(
      (c) =>
        (gaz.altNames[c.index] ?? 0) >= WEIGHTS.altNamesFull &&
        ((gaz.pop[c.index] ?? 0) >= FIRST_NAME_TOWN || gaz.country(c.index) !== 'US'),
    ) &&
    isSurnameAfterFirstName(gaz, next, isLowerWord)
  ) {
    personish.add(key);
    return false;
  }
  if (!strong && DISEASE_AFTER.test(after)) return false;
  if (prev && prev.upper && joinable(text, prev, t) && CLUB_BEFORE.has(prev.text.toLowerCase())) return false;
  // `Far North Queensland`, `Western Canada`: a compass name that some country gives a division
  // (Cameroon's Far North) is the part of the place written after it; so is a word like `Metro`
  // (a town of Indonesia) before one (`Metro Vancouver`).
  if (nextCap && next && (DIRECTIONS_RE.test(key) || (single && !strong && MODIFIERS.has(key))) && namesPlace(gaz, next)) return false;
  if (nextCap && CLUB_AFTER.has(nextWord)) return false;
  if (NAMESAKE_AFTER.test(after)) return false;
  if (!single && SAINT_NAME.test(surface) && last.possessive && POSSESSIVE_BEFORE_NAME.test(after)) return false;
  const altOnly = cands.every((c) => !c.primary);
  if (STOP_PHRASES.has(key)) return false;
  // `North Sea Brent`, `cargoes of Brent`, `Brent traded at 17.15 dlrs`: the benchmark crude named
  // after its oilfield, unless the London borough's own office or `in` says otherwise (`Brent Council`).
  if (
    key === 'brent' &&
    !TOWN_OFFICE_AFTER.test(after) &&
    !/^\s+Council\b/.test(after) &&
    !/\bin\s+$/.test(text.slice(Math.max(0, t.start - 4), t.start))
  )
    return false;
  // `the Southern District of New York`: a federal court's district, not Israel's Southern District.
  if (COURT_DISTRICT.test(key) && /^\s+of\s/.test(after)) return false;
  // `The Center`, `The Bank`: only as some place's own name.
  if (altOnly && /^the\s/.test(key)) return false;
  // `Gareth Bale`, `Bruno Le Roux`, `Cassandra Rivera`: after a common first name, a town's name is a
  // surname (alone later in the story too, a big town's as well unless a word of place puts it on the
  // map: `analyst Richard Henderson said. Henderson estimated`), at the start of a sentence as well:
  // the first name is no sentence-opening word. A division's name too, within a sentence; a country's stays.
  if (
    prev &&
    !dotted &&
    prev.upper &&
    prev.start >= (lastSpan?.end ?? -1) &&
    joinable(text, prev, t) &&
    (!strong ||
      (!isSentenceStart(text, t.start) && !isSentenceStart(text, prev.start) && !cands.some((c) => gaz.kind(c.index) === 'country'))) &&
    isFirstNameWord(gaz, prev, isLowerWord)
  ) {
    if (single && !strong) personish.add(key);
    return false;
  }
  // `Prime Minister Andreas Papandreou`: a title before a name and a surname after it make it a first
  // name, even a small division's (not a country's or a big division's).
  if (
    single &&
    prev &&
    next &&
    nextCap &&
    prev.upper &&
    joinable(text, prev, t) &&
    NAME_TITLES.has(prev.text.replace(/\.$/, '').toLowerCase()) &&
    !isMajorPlace(gaz, cands) &&
    !namesPlace(gaz, next) &&
    !INSTITUTION_AFTER.has(nextWord)
  ) {
    personish.add(key);
    return false;
  }
  // `Johnson and Johnson`: a name joined to itself is a firm's, after any preposition (`sold to Johnson and Johnson`).
  if (single && !strong && !bigByOwnName(gaz, cands) && JOINED_NAME_AFTER.exec(after)?.[2] === surface) {
    firms.add(key);
    return false;
  }
  // `Hutton is offering`, `Dairy Farm said`, `the Fairchild stake`, `Harper's directors`, `President
  // Leon Febres Cordero`: a small place's name (of any length) that the story makes a firm or a person,
  // here and (see dropNamedOthers) everywhere in the story, unless a preposition places it.
  // (Big by its own name: `Bally` is Bāli in India only as another spelling.)
  // `an analyst at Smith, Barney, Harris Upham and Co`: a list of names ending in a firm's ending is the
  // firm's whatever stands before it (`at`, `of`, `from` place a firm as well as a town), unless the
  // name after the comma is a well-known place (`to Troy, Michigan-based MLX Corp`).
  const commaNext = /^,\s/.test(after) ? tokens[j + 1] : undefined;
  if (
    single &&
    !strong &&
    !bigByOwnName(gaz, cands) &&
    !dotted &&
    !(commaNext && namesPlaceKey(gaz, foldName(commaNext.text.replace(/[-‐]\p{Ll}+$/u, '').replace(/\.$/, '')))) &&
    FIRM_LIST_AFTER.test(text.slice(end, end + 60))
  ) {
    firms.add(key);
    return false;
  }
  if (!strong && !bigByOwnName(gaz, cands) && !dotted && !PLACE_BEFORE.test(before)) {
    // (A name of several words speaks as a firm's does, unless it says what kind of place it is:
    // `Fort Hood said` is the base's command.)
    const speaks = !single && SPEECH_VERB_AFTER.test(after) && !MODIFIERS.has(key.slice(0, key.indexOf(' '))) && !SAINT_NAME.test(surface);
    if (FIRM_AFTER.test(after) || FIRM_VERB_AFTER.test(after) || speaks || FIRM_LIST_AFTER.test(text.slice(end, end + 60))) {
      firms.add(key);
      return false;
    }
    // `Harper and Row`, `Johnson and Johnson`: `and` and a partner's name that is no place by its own
    // name (nor before a place noun: `the Etoumbi and Mbomo districts`) make a firm's name.
    // (Not after a place and a comma, an item of a list of places: `in Wello, Tigre and Hararghe`; nor a
    // town the world names in many languages: `Hodeidah and Mokha`.)
    const listOfPlaces =
      (!!lastSpan && /^\s*,\s*$/.test(text.slice(lastSpan.end, t.start))) ||
      LIST_IN_PLACE_BEFORE.test(text.slice(Math.max(0, t.start - 80), t.start));
    // (A name the gazetteer knows only as another spelling of a big city is that city's: `Hodeidah`.)
    const spellingOfBigCity = cands.every((c) => !c.primary) && maxPop(gaz, cands) >= 100_000;
    if (
      single &&
      !listOfPlaces &&
      !spellingOfBigCity &&
      !cands.some((c) => c.primary && isWidelyNamedTown(gaz, c.index)) &&
      (partnerAfter(gaz, text.slice(end, end + 40)) || inListOfPartners(gaz, text, t.start, end))
    ) {
      firms.add(key);
      return false;
    }
    if (TITLED_NAME_BEFORE.test(text.slice(Math.max(0, t.start - 50), t.start))) {
      personish.add(key);
      return false;
    }
  }
  // `Robert Lee of Investment Management`: a small place's name of two words, a common first name and
  // a surname, is a person's, unless a word of place comes before it (`in Robert Lee, Texas`); a
  // second word of a place's name keeps it a place (`the Alice Springs to Darwin pipeline`).
  const words = key.split(' ');
  if (
    words.length === 2 &&
    !strong &&
    !big &&
    FIRST_NAMES.has(words[0] ?? '') &&
    !NAME_PART_WORDS.has(words[1] ?? '') &&
    !PLACE_BEFORE.test(before) &&
    !townOfContainerAfter(gaz, after, cands)
  ) {
    personish.add(key);
    return false;
  }
  // `Mexican President Miguel de la Madrid`: a title right before a small place's name of several
  // words makes it a person's (a single word's title is read further on, with initials and first names).
  if (
    !single &&
    !strong &&
    !big &&
    prev &&
    prev.upper &&
    joinable(text, prev, t) &&
    NAME_TITLES.has(prev.text.replace(/\.$/, '').toLowerCase())
  ) {
    personish.add(key);
    return false;
  }
  if (!single || dotted) return true;

  const letters = surface.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase();
  if (allCaps && letters.length <= 3 && !CAPS_OK.has(key)) return false;
  if (CAPS_ONLY.has(key) && !allCaps) return false;
  if (STOP.has(key)) return false;
  if (key.length < 3 && !CAPS_OK.has(key)) return false;
  // A continent's adjective says what kind of thing follows (`African leaders`, `the Asian economy`,
  // `European countries`), seldom where the story is.
  if (isContinentAdjective(gaz, key, cands)) return false;
  // A town known by this spelling only as an alternate name is too weak alone (`Jin` → Tsu, `Google` → Topeka).
  // (An exonym of a famous city, `Peking`, `Rangoon`, is a name the news still uses.)
  // ...unless a preposition of place stands before it and the town is a town, not a village (`in
  // Cabanatuan` for Cabanatuan City, `in Echmiadzin` for Vagharshapat, `militias from Misrata`).
  // A place noun around it (`the village of Ranya`, `Puge county`, `Cairo's Abbasiya neighbourhood`) is cue enough at any size.
  const placedAltName =
    (maxPop(gaz, cands) >= ALT_NAME_TOWN && (PLACED_BEFORE.test(before) || /\bfrom\s+$/.test(before))) ||
    PLACE_NOUN_OF.test(text.slice(Math.max(0, t.start - 80), t.start)) ||
    PLACE_NOUN_AFTER.test(after);
  // Among a famous city's hundreds of other names the short ones are mostly words and firms of other
  // tongues (`Part of ...` is no Perth, `Ciba` no Chiba): a cue is needed for them too.
  // (Deferred: the story may place it elsewhere, `Kiev said ...` after `talks in Kiev`.)
  const famous = cands.filter((c) => isFamousCity(gaz, c.index));
  // (Not an abbreviation in capitals: `NYC`.)
  const exonym = famous.length > 0 && (key.length > SHORT_NAME || /^\p{Lu}{2,}\.?$/u.test(surface));
  if (altOnly && !strong && !looksTransliterated(key) && !exonym && !placedAltName) {
    if (famous.length > 0) deferred.push({ key, span: { name: surface, start: t.start, end, candidates: cands } });
    return false;
  }
  // `Henderson said`, `said Clifford` (but `said London police`: a big city after the verb stays; a
  // country or a big state that "said" is its government). A small division is no such speaker
  // (`Douglas said` is no parish of the Isle of Man).
  if (
    !isMajorPlace(gaz, cands) &&
    !PLACE_BEFORE.test(before) &&
    !STREET_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start)) &&
    !TOWN_OFFICE_AFTER.test(after) &&
    (SPEECH_AFTER.test(after) || (!big && SPEECH_BEFORE.test(before)))
  ) {
    if (!big) personish.add(key);
    return false;
  }
  if (/^\s+(and|&)\s+(co|company|sons|partners)\b/i.test(after)) return false;
  if (
    altOnly &&
    !allCaps &&
    cands.every((c) => gaz.kind(c.index) === 'country') &&
    LANGUAGE_NAME.test(key) &&
    LANGUAGE_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start)) &&
    LANGUAGE_AFTER.test(after)
  )
    return false;
  // `Spring 2002`: a season and its year.
  if ((SEASONS.has(key) || PART_OF_YEAR.has(key)) && /^\s+\d{4}\b/.test(after)) return false;
  // `London's Heathrow`: a name after a city's possessive is a place in it (resolution puts it there).
  const afterTown =
    lastSpan !== undefined &&
    lastSpan.end === t.start - 3 &&
    POSSESSIVE_GAP.test(text.slice(lastSpan.end, t.start)) &&
    isCityOnly(gaz, lastSpan.candidates);
  // `Michael de Jong`: a first name before a surname's particle.
  if (FIRST_NAMES.has(key) && SURNAME_PARTICLE_AFTER.test(after)) return false;
  const near = text.slice(Math.max(0, t.start - 30), t.start);
  // `Finance Minister Ronnie de Mel`: the surname after a first name and its particle (a big town
  // after a particle names an institution's town: `Banque Nationale de Paris`, `Caixa de Barcelona`;
  // not after a common first name: `Orlando dos Santos`).
  const particle = SURNAME_PARTICLE_BEFORE.exec(near);
  if (single && !strong && particle && (!big || firstNames().has((particle[1] ?? '').toLowerCase()))) {
    personish.add(key);
    return false;
  }
  // `his wife Nancy`, `her son Jordan`: a name after a word of kin is a person's, even a country's.
  if (single && KIN_BEFORE.test(near) && !nextCap) return false;
  const ownWord = !!prev && prev.start >= (lastSpan?.end ?? -1);
  // `Mr. Baker`, `R. T. Lim`: the dot of a title or an initial ends no sentence; a surname follows.
  if (prev && ownWord && DOTTED_PERSON_BEFORE.test(prev.text) && /^[ \n]$/.test(text.slice(prev.end, t.start)) && !strong) {
    personish.add(key);
    return false;
  }
  const sentenceStart = isSentenceStart(text, t.start);
  // `Britain-based`, `US-led`: a compound that ends in a lower-case word is no part of a name.
  const prevCompound = !!prev && /[-‐]\p{Ll}+$/u.test(prev.text);
  if (prev && prev.upper && !prevCompound && joinable(text, prev, t) && !sentenceStart) {
    const p = prev.text.replace(/\.$/, '').toLowerCase();
    const initial = /^\p{Lu}\.$/u.test(prev.text);
    if (PERSON_BEFORE.has(p) || initial) {
      // `Paul Kemp`, `Mr. Baker`, `R. T. Lim`: a surname, here and later in the story.
      if (!strong) {
        personish.add(key);
        return false;
      }
      // `George Washington`, `Michael Jordan`: after a first name even a state's or country's name
      // is a surname (not after a word of an earlier place: `San Jose California`).
      if (FIRST_NAMES.has(p) && ownWord) return false;
    } else if (!FUNCTION_WORDS.has(p) && !MODIFIERS.has(p) && strong && altOnly && !/^\p{Lu}{2,5}$/u.test(prev.text)) {
      // The end of a longer name even for a country or division by its adjective or other name
      // (`Anglo American`, `Pan American`, `Winnipeg Free Press`).
      return false;
    } else if (
      !FUNCTION_WORDS.has(p) &&
      !MODIFIERS.has(p) &&
      single &&
      ownWord &&
      cands.some((c) => c.primary && gaz.kind(c.index) === 'region') &&
      !cands.some((c) => isCountryOrState(gaz, c)) &&
      !namesPlace(gaz, prev)
    ) {
      // An ocean's or a region's name after a word that is no place's ends a firm's or a ship's name
      // (`Security Pacific`, `Union Pacific`, `the tanker Nord Pacific`; not `Asia Pacific`).
      return false;
    } else if (!FUNCTION_WORDS.has(p) && !MODIFIERS.has(p) && !isMajorPlace(gaz, cands)) {
      // Part of a longer proper name (`Bashar Assad`, `Federal Reserve`, `McDonnell Douglas`), except
      // after an acronym of a broadcaster or agency (`CTV Edmonton`, `CBC Toronto`).
      const acronym = /^\p{Lu}{2,5}$/u.test(prev.text);
      if (!(acronym && big)) {
        // `Howard Baker` makes a later bare `Baker` a surname too (a big city stays a city).
        if (!big) personish.add(key);
        return false;
      }
    }
  }
  if (nextCap && !cands.some((c) => gaz.kind(c.index) === 'country')) {
    // A state or a big city before a capitalised word names the place an institution belongs to
    // (`Winnipeg Free Press`, `Toronto General Hospital`, `Bantam Superior Court`), unless the word
    // is a first name (`Vladimir Putin`) or the name a continent's or region's (`European Union`).
    const namesTheOwner =
      (strong || big) &&
      !PERSON_BEFORE.has(key) &&
      cands.some((c) => {
        const kind = gaz.kind(c.index);
        return kind === 'admin1' || (kind === 'city' && c.primary && (gaz.pop[c.index] ?? 0) >= 100_000);
      });
    if (hostTownsOfEvent(gaz, text, end, cands)) return true;
    if (!(INSTITUTION_AFTER.has(nextWord) && (strong || big)) && !namesTheOwner && !TOWN_OFFICE_AFTER.test(after)) return false;
  }
  // A small town that bears a first name (`her son, Jack.`) needs a preposition of place or a place noun.
  if (
    !strong &&
    !big &&
    PERSON_BEFORE.has(key) &&
    !PLACED_BEFORE.test(before) &&
    !PLACE_NOUN_OF.test(text.slice(Math.max(0, t.start - 80), t.start))
  )
    return false;
  if (!strong && !big && !placeish.has(key) && !(cands.some((c) => isWidelyNamedTown(gaz, c.index)) && !FIRST_NAMES.has(key))) {
    // A small town with no word around it that says "place" is more often a surname or a firm
    // (`Baker`, `Peabody`, `Hughes`): it needs a locative cue once in the story. Not a town the world
    // names in many languages (`ISIS seized Palmyra`, `Kurds held Kobani`): the news names it alone.
    // A village (under VILLAGE_POP people) bears a surname or a firm's name far more often than the
    // news names it: `and` or a list's comma is no cue for it (`Volkswagen and Ford`, `Phillips and
    // Drew`, `Bear, Stearns`), only a preposition of place, its state or a place noun after it.
    const village = maxPop(gaz, cands) < VILLAGE_POP;
    const weakCue = village
      ? !STRONG_LOCATIVE_BEFORE.test(before) &&
        !PLACE_NOUN_OF.test(text.slice(Math.max(0, t.start - 80), t.start)) &&
        !townOfContainerAfter(gaz, after, cands) &&
        !VILLAGE_NOUN_AFTER.test(after) &&
        !(lastSpan !== undefined && LIST_GAP.test(text.slice(lastSpan.end, t.start))) &&
        !placeJoinedAfter(gaz, text.slice(end, end + 40)) &&
        !placeAfterComma(gaz, after)
      : !LOCATIVE_BEFORE.test(before) &&
        !(COMMA_BEFORE.test(before) && ITEM_AFTER.test(after)) &&
        !LOCATIVE_AFTER.test(after) &&
        !placeJoinedAfter(gaz, text.slice(end, end + 40));
    if (weakCue && !TOWN_OFFICE_AFTER.test(after) && !afterTown && !isPersonOfTown(text.slice(Math.max(0, t.start - 40), t.start))) {
      deferred.push({ key, span: { name: surface, start: t.start, end, candidates: cands } });
      return false;
    }
  }
  if (!strong) {
    // A small place at the start of a sentence is more often a capitalised word; so is a town known
    // by this spelling only in another language (`"Can the donors be trusted?"`: Caen), unless a
    // famous city's exonym (`Peking`).
    // (After the punctuation that ends a sentence, not at a wrapped line's start: `in\nCologne`.)
    // (Not before its offices or its people: `Roselle police ticketed`.)
    const townsOwn = TOWN_OFFICE_AFTER.test(after) || TOWN_PEOPLE_AFTER.test(after);
    const ownNamePop = (c: Candidate): number => (c.primary || isFamousCity(gaz, c.index) ? (gaz.pop[c.index] ?? 0) : 0);
    const afterFullStop = AFTER_SENTENCE_END.test(text.slice(Math.max(0, t.start - 6), t.start));
    if (!townsOwn && ((sentenceStart && maxPop(gaz, cands) < 50_000) || (afterFullStop && !cands.some((c) => ownNamePop(c) >= 50_000)))) {
      deferred.push({ key, span: { name: surface, start: t.start, end, candidates: cands } });
      return false;
    }
    // A word the story also uses in lower case (`spring`, `alliance`), unless a big place by its own
    // name: `Can` and `Part` name Caen and Perth only in other languages (`"Can you imagine"`).
    const bigByPrimaryName = cands.some((c) => c.primary && (gaz.pop[c.index] ?? 0) >= 100_000);
    if (!bigByPrimaryName && isLowerWord(surface.toLowerCase())) return false;
  }
  // A word in capitals is an acronym in running text (`NATO`, `ALMA`) and says nothing in headlines
  // and datelines written in capitals: only well-known places, or a dateline town followed by its
  // state (`HOLLIDAY, Mo.`).
  if (allCaps && !strong && !big && !(inCapsLine(text, t.start) && /^,\s*(\p{Lu}[\p{L}.]{1,12})/u.test(after))) return false;
  if (!strong) placeish.add(key);
  return true;
}
