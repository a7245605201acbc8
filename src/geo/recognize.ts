/**
 * Place names in running text: gazetteer matching over capitalised word sequences, with the context
 * rules that keep common words and person names out, then resolution in the document's context.
 * Runs at ingest on every story, so it works on offsets and typed-array lookups only.
 */
import { startsUpper } from '../nlp/letters.js';
import { foldName, looksTransliterated } from './fold.js';
import { GAZETTEER_VERSION, type Gazetteer } from './gazetteer.js';
import { DATELINE_SPAN, type PlaceMention } from './types.js';
import { buildCompanions, type Companions } from './companions.js';
import { POSTAL_CODES, REGIONS } from './aliases.js';
import { firstNames } from './first-names.js';
import { splitDateline, withinQualifier } from './dateline-place.js';
import { containedPlaces } from './contained-places.js';
import {
  exactCandidates,
  exonymTowns,
  nearestAnchorKm,
  queryCandidates,
  rankCandidates,
  skeletonCandidates,
  WEIGHTS,
  type Candidate,
  type Ranked,
  type ResolveContext,
} from './resolve.js';

/**
 * Bump when a change to the recognition or resolution rules (here, resolve.ts, dateline-place.ts and
 * the lists they read) changes what is found in any text.
 */
const PLACE_RULES_VERSION = 21;

/**
 * What made a story's stored places: these rules over this gazetteer (new data resolves names anew).
 * Kept with each story; `dateline reanalyze` finds again the places of stories an older version stored.
 */
export const PLACE_ANALYZER_VERSION = GAZETTEER_VERSION * 1000 + PLACE_RULES_VERSION;

interface Token {
  start: number;
  end: number;
  text: string;
  upper: boolean;
  /** Folded once (without a final dot); n-gram keys are these joined by spaces. */
  key: string | null;
  /** The word had a possessive `'s`, cut off: inside a longer name it is kept (`People's Republic of China`). */
  possessive: boolean;
}

/** A recognised span with its candidates, before resolution. */
export interface FoundSpan {
  name: string;
  start: number;
  end: number;
  candidates: Candidate[];
}

/** A resolved span: the chosen entry and the ranking it came from. */
export interface ResolvedSpan extends FoundSpan {
  ranked: Ranked[];
  chosen: number;
  /** Chosen among the places inside the state or country written after it (`Paris, Missouri`). */
  narrowed?: boolean;
  /** Read by words that speak of this mention only (`the Georgia Democrat`): no other mention of the name follows it. */
  local?: boolean;
}

// Abbreviations first (`U.S.`, `B.C.`), then words with inner hyphens/apostrophes, optional final dot.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*\.?/gu;

/** Lower-case words allowed inside a place name (`Deir al-Zour`, `Stratford upon Avon`, `Rio de Janeiro`). */
const CONNECTORS = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'az',
  'ez',
  'an',
  'at',
  'de',
  'del',
  'la',
  'le',
  'di',
  'da',
  'du',
  'do',
  'of',
  'upon',
  'on',
  'the',
  'and',
  'sur',
  'en',
  'es',
  'am',
  'im',
  'der',
  'von',
  'y',
  'les',
  'des',
  'los',
  'las',
  'dos',
  'das',
]);

/** Short all-capital forms that are place names in news; other 2-3 letter capitals are acronyms (IS, SDF). */
const CAPS_OK = new Set(['us', 'uk', 'usa', 'uae', 'nsw', 'drc', 'act', 'ny', 'nyc']);

/** Aliases that are also English words: places only when written in capitals (`ACT`, not `the Act`). */
const CAPS_ONLY = new Set(['act', 'ny', 'nyc']);

/** Capitalised function words: before a name they say nothing about it (`In Paris`, `The Hague`). */
const FUNCTION_WORDS = new Set(
  (
    'the a an and or but if in on at by for to of from with as is it its this that these those there here then when while after ' +
    'before since during near outside inside across into via both all some many most every each no not only also ' +
    'he she we they i you his her our their my your ' +
    // Sentence-opening adverbs and conjunctions (`Overall Edmonton received`, `Although Edmonton's economy`).
    'although though overall yet so still now today yesterday however meanwhile already even just like unlike including ' +
    'about over under between against without within throughout among along beyond behind because where'
  ).split(' '),
);

/**
 * Words before a name that keep it a place: `northern Aleppo`, `Greater Manchester`, `Upper Edmonton`,
 * `Metro Vancouver`, `Historic Dublin`, `downtown Roselle`.
 */
const MODIFIERS = new Set(
  (
    'north south east west northern southern eastern western central upper lower greater new old northeast northwest southeast southwest ' +
    'northeastern northwestern southeastern southwestern metro historic downtown ' +
    'lake mount mt river island bay gulf sea port fort cape'
  ).split(' '),
);

/** Titles and common first names: the next capitalised word is a surname (`Paul Kemp`, `Mr. Baker`). */
const TITLES =
  'mr mrs ms miss dr sir lord lady sen gov rep president minister secretary ambassador governor mayor premier chancellor ' +
  'king queen prince princess sheikh emir pope gen col lt sgt capt cpl const officer spokesman spokeswoman judge justice ' +
  'director professor prof senator reverend rev father brother sister saint';
const FIRST_NAMES = new Set(
  (
    'john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald ' +
    'paul steven andrew kenneth joshua kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric ' +
    'jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry ' +
    'tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah ' +
    'gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan ' +
    'juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny mary patricia jennifer linda elizabeth ' +
    'barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol ' +
    'amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole ' +
    'emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce ' +
    'victoria kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria ' +
    'jean kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise beverly amber theresa marilyn ' +
    'danielle diana brittany natalie sophia rose isabella alexis kayla charlotte ' +
    'mohammed muhammad mohamed ahmed ahmad ali hassan hussein omar abdul abdel abdullah ibrahim khalid mahmoud mustafa youssef ' +
    'recep bashar vladimir sergei dmitry angela francois jean pierre jacques hans klaus'
  ).split(/\s+/),
);
const PERSON_BEFORE = new Set([...TITLES.split(' '), ...FIRST_NAMES]);
/** Titles that a person's full name follows (`Minister Andreas Papandreou`); not a saint's or a king's, whose names are places too. */
const NAME_TITLES = new Set(
  TITLES.split(' ').filter((w) => !/^(saint|father|brother|sister|king|queen|prince|princess|officer|spokesman|spokeswoman)$/.test(w)),
);

const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);

/** A title or an initial with its dot, one space before a name (`Mr. Baker`, `R. T. Lim`, `Gov. Perry`). */
const DOTTED_PERSON_BEFORE = /^(\p{Lu}|mr|mrs|ms|dr|sen|gov|rep|gen|col|lt|sgt|capt|cpl|const|prof|rev)\.$/iu;

/** Particles between a first name and a surname (`Michael de Jong`, `Ludwig van Beethoven`, `Hassan el Bushra`). */
const SURNAME_PARTICLE_AFTER = /^\s+(de|da|di|du|del|della|van|von|der|den|le|la|bin|ibn|ben|el|al)\s+\p{Lu}/u;

/** A first name and a surname's particle before a name (`Ronnie de Mel`, `Ludwig van Beethoven`). */
const SURNAME_PARTICLE_BEFORE = /\b\p{Lu}\p{Ll}+\s+(de|da|di|du|del|della|van|von|der|den|le|la|bin|ibn|ben)\s+$/u;

/** A word of kin before a name (`his wife Nancy`, `her son Jordan`). */
const KIN_BEFORE =
  /\b(wife|husband|son|daughter|sons|daughters|brother|sister|mother|father|widow|niece|nephew|grandson|granddaughter|fiancee?|girlfriend|boyfriend)\s+$/i;

/** Capitalised words after a place that name an institution of it: `Kentucky State Police`, `Montreal Mayor`. */
const INSTITUTION_AFTER = new Set(
  (
    'state police department mayor premier governor senator council government minister ministry health province provincial ' +
    'city county regional region district army forces court parliament assembly legislature mla mp schools school university ' +
    'public fire emergency office authority authorities officials'
  ).split(' '),
);

/**
 * Offices only a town has, after its name: even a small town before them is a place (`Bantam Superior
 * Court`, `Beaconsfield Mayor`, `Danbury City Council`, `Ludlow Town Hall`, `Canaan Board of
 * Finance`, `Lombard Historical Society`), and so is its police or fire service (`Killeen Police
 * Department`, `Cottonport Fire Station`; a detachment of the Ontario or the federal police, `Brant
 * OPP`, `Cochrane RCMP`). At the start of a sentence as well, and after `said` (`said Avondale Mayor
 * Ed Rieker`).
 */
const TOWN_OFFICE_AFTER =
  /^\s+((Superior|District|Crown|County|Municipal|Circuit|Magistrates['’]?|Provincial|Family|Juvenile) Court|((Vice|Deputy)[- ])?Mayor|City Council|Town Council|City Hall|Town Hall|Village Hall|(Town|Village) Board|Board of (Education|Finance|Selectmen|Aldermen|Supervisors)|Planning (Board|Commission)|Chamber of Commerce|Public Library|Historical Society|(Volunteer )?Fire (Department|Station|Chief|Company)|Police (Department|Service|Chief)|OPP|RCMP)\b/u;

/**
 * The people of a town, after its name: `Roselle police ticketed`, `Torrington firefighters`, `Winona
 * residents` (not `Alcoa officials`, `Boeing officers`: a firm's people).
 */
const TOWN_PEOPLE_AFTER = /^\s+(police|firefighters|residents|natives|voters|councillors)\b/u;

/** An event after the name of the town that holds it, within three words (`International Film Festival`). */
const EVENT_AFTER =
  /^(\s+\p{Lu}[\p{L}'’-]*){0,3}?\s+(Festival|Summit|Grand Prix|Biennale|Marathon|Olympics|Games|Accords?|Protocol|Conference)\b/u;

/**
 * An event held in a town the world names in many languages is named after it (`Venice International
 * Film Festival`, `Cannes Grand Prix`, `Venice Economic Summit`): the name is a place, and one of
 * those towns (not Venice, Los Angeles, in a story about Washington's trade policy). Null when no
 * such event follows.
 */
function hostTownsOfEvent(gaz: Gazetteer, text: string, end: number, cands: readonly Candidate[]): Candidate[] | null {
  if (!EVENT_AFTER.test(text.slice(end, end + 60))) return null;
  const hosts = cands.filter((c) => c.primary && isWidelyNamedTown(gaz, c.index));
  return hosts.length > 0 ? hosts : null;
}

/** Nouns that end an institution's name when `for` or `of` follows (`Center for Computer Security`). */
const INSTITUTION_NOUN = /^(Center|Centre|Institute|Foundation|Society|Hall|Museum|Library|School|College|Academy)$/;

/** An office of a city after its `City`: `Dublin City Council`, `City Manager`, `City Hall`. */
const CITY_OFFICE = /^\s+(Council|Manager|Hall|Commission|Attorney|Clerk|Schools)\b/u;

/** Capitalised words after a name that make it a newspaper or company (`Los Angeles Times`, `British Airways`). */
const MEDIA_AFTER = new Set(
  (
    'times post herald tribune journal gazette chronicle inquirer examiner telegraph observer courier express mirror ' +
    'airways airlines air aviation bancorp bank banks corp corporation inc co ltd group holdings motors cup industries steel ' +
    'electric chemical chemicals petroleum securities financial partners investors resources mining foods communications ' +
    'telegraph telephone pharmaceutical pharmaceuticals insurance trust savings instruments ' +
    // Food brands named after a place (`Wright County Egg`, `Dutch Farms`, `Mountain Dairy`).
    'egg eggs farm farms dairy dairies'
  ).split(' '),
);

/**
 * Capitalised words before a name that make it a sports club or a sporting body (`Real Madrid`,
 * `Atletico Madrid`, `Deportivo La Coruna`, `Racing Victoria`), a broadcaster or an airline (`Radio
 * Pyongyang`, `Virgin Atlantic`), and after it (`Leeds United`).
 */
const CLUB_BEFORE = new Set(
  'real atletico atlético athletic deportivo sporting racing dynamo dinamo olympique olympiacos borussia inter ac fc radio virgin'.split(
    ' ',
  ),
);
const CLUB_AFTER = new Set('united rovers wanderers hotspur albion'.split(' '));

/**
 * Capitalised words after a name that make it the name of a university, a school, a zoo or a daily
 * paper (`Michigan State University`, `Tehran University`, `Box Elder School District`, `Auckland
 * Zoo`): named after the place, not about it; and after a possessive, a hospital or a church named
 * after a saint (`St. Paul's Hospital`, `St. Mark's Cathedral`).
 */
const NAMESAKE_AFTER =
  /^((['’]s)?\s+(State\s+)?(University|School|School\s+District|Zoo|Daily\s+News)|['’]s\s+(Hospital|Church|Cathedral|Chapel|Abbey|College))\b/u;

/**
 * A saint's name and its possessive before a capitalised word names what bears the saint's name (`St.
 * Peter's Square`, `St. Mark's Coptic Orthodox Cathedral`, `St. Patrick's Day`), not the town or
 * parish called after the saint (Saint Peter, Minnesota; Saint Mark Parish, Grenada).
 */
const SAINT_NAME = /^(st|ste|saint|sainte)\.?\s/i;
const POSSESSIVE_BEFORE_NAME = /^['’]s\s+\p{Lu}/u;

/**
 * The lower-case articles inside Romance and Arabic names (`Stade de France`, `Place de la Concorde`,
 * `Bab el-Oued`). After a name they say the name goes on: the place meant is the longer one, which
 * the gazetteer lacks, not the town that bears its first word (Stade in Lower Saxony, Al Bab in Syria).
 */
const NAME_ARTICLES = new Set('de del della du des di da do dos das la le les los las el al ad ar az ez der'.split(' '));
const ARTICLE_PREFIXED = /^(al|el|ad|ar|as|az|ez|ash|at|an)[-‐]\p{L}/u;

/**
 * Whether the name goes on after token j with an article (`Stade de France`, `Bab el-Oued`, `Banca
 * del Monte`): 0 when not, else how many tokens to skip after j (an article joined to its word,
 * `el-Oued`, is no name of its own; a capitalised word after a free-standing article is read on its
 * own, as `Japan` in `Bank of Japan` is).
 */
function nameGoesOn(text: string, tokens: readonly Token[], j: number): number {
  const a = tokens[j];
  const b = tokens[j + 1];
  if (!a || !b || b.upper || !joinable(text, a, b)) return 0;
  if (ARTICLE_PREFIXED.test(b.text)) return 1;
  if (!NAME_ARTICLES.has(b.text)) return 0;
  // `de la Concorde`: a second article may come before the name word.
  let article = b;
  let skip = 1;
  const c = tokens[j + 2];
  if (c && !c.upper && NAME_ARTICLES.has(c.text) && joinable(text, b, c)) {
    article = c;
    skip = 2;
  }
  const word = tokens[j + 1 + skip];
  return word && word.upper && joinable(text, article, word) ? skip : 0;
}

/** The division or country named after a comma (`, Virginia`, `, Mo.`, `, New South Wales`). */
const CONTAINER_AFTER = /^,\s*(\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,2})/u;

/** Whether a town of the name lies in the division or country written after it and a comma. */
function townOfContainerAfter(gaz: Gazetteer, after: string, cands: readonly Candidate[]): boolean {
  const m = CONTAINER_AFTER.exec(after);
  if (!m) return false;
  const words = (m[1] ?? '').split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const written = words.slice(0, n).join(' ');
    const bare = foldName(written.replace(/\.$/, ''));
    const containers = [...(written.endsWith('.') ? exactCandidates(gaz, bare + '.') : []), ...exactCandidates(gaz, bare)].filter((c) => {
      const kind = gaz.kind(c.index);
      return kind === 'country' || kind === 'admin1' || (kind === 'admin2' && c.primary);
    });
    if (containers.length === 0) continue;
    return cands.some((c) => gaz.kind(c.index) === 'city' && containers.some((k) => liesIn(gaz, c.index, k.index)));
  }
  return false;
}

/**
 * How far from a second-level division's point its towns may lie: the gazetteer does not say which
 * county a town is in, so one near the county's middle stands in (English shire counties span ~100 km).
 */
const ADMIN2_KM = 60;

/** Whether town i lies in container k: its country, its first-level division, or near its county's middle. */
function liesIn(gaz: Gazetteer, i: number, k: number): boolean {
  const kind = gaz.kind(k);
  if (kind === 'country') return gaz.country(k) === gaz.country(i);
  if (kind === 'admin1') return gaz.admin1[i] === k;
  if (kind !== 'admin2' || gaz.country(k) !== gaz.country(i)) return false;
  return closestKm(gaz, [{ index: i, primary: true, viaSkeleton: false }], [{ index: k, primary: true, viaSkeleton: false }]) <= ADMIN2_KM;
}

/** A name made of compass words only (`Far North`, `North West`, `Western`). */
const DIRECTIONS_RE =
  /^(far |mid )?(north|south|east|west|northern|southern|eastern|western|central|upper|lower)( ?(east|west|eastern|western))?$/;

/** Whether the candidates hold a country, a region, a division or a city of 100,000+: a well-known place. */
function isWellKnown(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return isKindStrong(gaz, cands) || maxPop(gaz, cands) >= 100_000;
}

/** Whether a town of 100,000+ bears the name as its own (or is a famous city known by it), not only as another spelling. */
function bigByOwnName(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => (c.primary || isFamousCity(gaz, c.index)) && (gaz.pop[c.index] ?? 0) >= 100_000);
}

/** Whether a word names a country, a division or a city of 100,000+ on its own. */
function namesPlace(gaz: Gazetteer, t: Token): boolean {
  return namesPlaceKey(gaz, (t.key ??= foldName(t.text.replace(/\.$/, ''))));
}

/** Whether a folded name is a country's, a division's, a region's or a big town's (`namesPlace` of text not cut into tokens). */
function namesPlaceKey(gaz: Gazetteer, key: string): boolean {
  return isWellKnown(gaz, exactCandidates(gaz, key));
}

/** Lower-case words after a name that make it a virus, a disease or a strain (`Marburg virus`, `Reston ebolavirus`). */
const DISEASE_AFTER = /^\s+(virus|viruses|ebolavirus|fever|haemorrhagic|hemorrhagic|strain)\b/i;

/** An age before a name (`Nine-year-old Georgia Stevens`, `the 22-year-old Paris`): a person follows. */
const AGE_BEFORE = /\b(\d+|[a-z]+(-[a-z]+)?)[-‐ ]years?[-‐ ]old\s+$/i;

/** A capitalised word after a first name that reads as a surname: no country, division or big town of that name. */
function isSurname(gaz: Gazetteer, t: Token): boolean {
  return !namesPlaceKey(gaz, foldName(t.text.replace(/\.$/, '')));
}

/**
 * Capitalised words that carry on a place's or an institution's name rather than a person's
 * (`Sydney Harbour`, `Denver International Airport`, `Madison Square Garden`): no surname.
 */
const NAME_PART_WORDS = new Set(
  (
    'airport harbour harbor bridge square avenue street road cathedral castle palace tower stadium arena station park gardens ' +
    'garden hills valley beach bay island islands lake river falls county district city town township village international ' +
    'central metro metropolitan area region plains heights springs opera house hall centre center hospital market mall port ' +
    'docks museum zoo university college school'
  ).split(' '),
);

/**
 * A capitalised word after a first name that reads as a surname (`Nigel Lawson`, `Gareth Bale`): a
 * capital then lower case (no acronym), no common word of the story, no word of a place's or an
 * institution's name, and no country, division or big town of that name.
 */
function isSurnameAfterFirstName(gaz: Gazetteer, t: Token, isLowerWord: (word: string) => boolean): boolean {
  if (t.text.endsWith('.') || !/^\p{Lu}[\p{Ll}'’]/u.test(t.text)) return false;
  const word = t.text.toLowerCase();
  if (STOP.has(word) || CONNECTORS.has(word) || INSTITUTION_AFTER.has(word) || MEDIA_AFTER.has(word)) return false;
  if (CLUB_AFTER.has(word) || NAME_PART_WORDS.has(word) || isLowerWord(word)) return false;
  return isSurname(gaz, t);
}

/**
 * A capitalised word that is a common first name (`Nigel`, `Cassandra`), and no word of another kind:
 * not a function word, a month or a word the story also writes in lower case (`Will`, `May`, `Hope`),
 * and (unless `notPlace` is false) no country, division or big town (`Jordan`, `Georgia`, `Victoria`).
 */
function isFirstNameWord(gaz: Gazetteer, t: Token, isLowerWord: (word: string) => boolean, notPlace = true): boolean {
  const word = t.text.toLowerCase();
  if (t.text.endsWith('.') || !firstNames().has(word)) return false;
  if (STOP.has(word) || FUNCTION_WORDS.has(word) || MODIFIERS.has(word) || CONNECTORS.has(word) || isLowerWord(word)) return false;
  return !notPlace || !namesPlace(gaz, t);
}

/** A capitalised word and `and` or `&` before a name (`Wagner and Brown`). */
const PARTNER_BEFORE = /(\p{Lu}[\p{L}'’-]+)\s+(?:and|&)\s+$/u;

/** A word of nearness that puts a firm's namesake town on the map (`near Kinross`, unlike `via Drexel`). */
const FIRM_TOWN_PLACED_BEFORE = /\b(near|outside|around)\s+$/i;

/** Words that end a firm's name (`Drexel Burnham Lambert Inc`, `Peabody Holding Co`). */
const FIRM_END = /^(inc|corp|corporation|co|cos|ltd|llc|plc|lp|ag|sa|nv|bv|gmbh|spa|holding|holdings|group|bancorp|securities|associates)$/;

/**
 * Whether the capitalised words after a name run on to a firm's ending within four words (`Drexel
 * Burnham Lambert Inc`, wrapped or not): the name is the firm's, here and alone later in the story.
 */
function startsFirmName(text: string, tokens: readonly Token[], j: number): boolean {
  // A headline in capitals runs into its story's first line (`GETS AMSTERDAM CONTRACT\nHogan Systems
  // Inc`): the words of one name are all in capitals or none are (but `Salomon Inc`, `Hoechst AG`).
  const capitals = (tk: Token): boolean => tk.text.length > 1 && tk.text === tk.text.toUpperCase();
  const nameInCapitals = capitals(tokens[j] as Token);
  for (let k = j + 1; k <= j + 4 && k < tokens.length; k++) {
    const a = tokens[k - 1] as Token;
    const b = tokens[k] as Token;
    // `Harper and Row Publishers Inc`: `and` between two words of the name.
    if (b.text === 'and' && tokens[k + 1]?.upper && joinable(text, a, b)) continue;
    // `Moody's Investors Service Inc`: a possessive inside the name.
    const glued = joinable(text, a, b) || (a.possessive && /^['’]s\s+$/.test(text.slice(a.end, b.start)));
    if (!b.upper || !glued) return false;
    const end = FIRM_END.test(b.text.replace(/\.$/, '').toLowerCase());
    if (capitals(b) !== nameInCapitals && !(end && !nameInCapitals && b.text.length <= 4)) return false;
    if (end) return true;
  }
  return false;
}

/** Words an acronym leaves out of its name's initials (`Organisation of the Petroleum Exporting Countries`). */
const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', '&']);

/** Whether text[start, end) is in brackets right after a name whose initials it spells (`... Agency (SAMA)`). */
function isAcronymOfNameBefore(text: string, start: number, end: number): boolean {
  const acronym = text.slice(start, end);
  if (acronym.length < 2 || acronym !== acronym.toUpperCase() || text.charAt(start - 1) !== '(' || text.charAt(end) !== ')') return false;
  const words = text
    .slice(Math.max(0, start - 120), start - 1)
    .trimEnd()
    .split(/\s+/)
    .filter((w) => !ACRONYM_SKIPS.has(w.toLowerCase()));
  const named = words.slice(-acronym.length);
  return named.length === acronym.length && named.every((w, k) => w.charAt(0) === acronym.charAt(k) && /^\p{Lu}/u.test(w));
}

/** The key of a firm's name by its first two words (see acceptSpan), as `firms` holds it. */
function firmPhrase(a: Token, b: Token): string {
  return `${foldName(a.text)} ${foldName(b.text.replace(/\.$/, ''))}`;
}

/**
 * A country, a continent or region, or a division of a million people: a name the news makes act and
 * speak (`Iraq said`, `Texas sued`), unlike a small division that shares a surname (`Douglas`).
 */
function isMajorPlace(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => {
    const kind = gaz.kind(c.index);
    return kind === 'country' || kind === 'continent' || kind === 'region' || (kind === 'admin1' && (gaz.pop[c.index] ?? 0) >= 1_000_000);
  });
}

/** `African`, `Asian`, `European`: a continent by its adjective only. */
function isContinentAdjective(gaz: Gazetteer, key: string, cands: readonly Candidate[]): boolean {
  return cands.every((c) => gaz.kind(c.index) === 'continent' && foldName(gaz.name(c.index)) !== key);
}

/**
 * Words before a name that put it on the map rather than in a firm's or a paper's name: `in`, not
 * after a stake or shares (`a stake in Burlington`), or a lower-case compass word (`in southwest
 * Kansas`, not `Southern Pacific`).
 */
const ON_THE_MAP_BEFORE =
  /(\b(?<!\b(stakes?|interests?|holdings?|investments?|shares|stock|positions?|equity|units?) )(in|near|into|outside|across|throughout)|\b(central|(north|south)(ern)?|(east|west)(ern)?|(north|south)-?(east|west|central)(ern)?))\s+$/;
/** ...and for a famous city, travel to it (`flights to Moscow`, `between Moscow and Kiev`). */
const TRAVEL_BEFORE = /\b(to|from|between)\s+$/;

/**
 * A name the story gave a firm or a paper (`The Moscow Times`, `Kansas Electric Cooperatives`) that
 * is a place again: a division or a big city with a word of place before it (`parts of southwest
 * Kansas`; not `Piedmont said`, `shares of Burlington`), a famous city also as the end of a journey.
 */
function keepsPlace(gaz: Gazetteer, text: string, start: number, cands: readonly Candidate[]): boolean {
  if (!isWellKnown(gaz, cands)) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  if (ON_THE_MAP_BEFORE.test(before)) return true;
  return TRAVEL_BEFORE.test(before) && cands.some((c) => c.primary && isFamousCity(gaz, c.index));
}

/**
 * Words after a name that make it a firm's: its shares, stake, people and parts (`the Fairchild stake`,
 * `a Hutton spokesman`, `Harper and Row common shares`, `Harper's directors`, `Bally's revenues`).
 * (`police`, `officials`, `residents` are a town's people as well: see TOWN_PEOPLE_AFTER.)
 */
const FIRM_AFTER =
  /^(\s+and\s+\p{Lu}[\p{L}'’-]*)?(['’]s)?\s+(stakes?|shares|stock|stockholders|shareholders|subsidiary|subsidiaries|management|directors|board|offer|bid|takeover|merger|spokesman|spokeswoman|common)\b|^['’]s\s+(revenues?|earnings|profits?|sales|chairman|president|decision|unit|stake|offer|bid|shares)\b/u;
/**
 * A list of names after it that ends in a firm's ending: the name opens a partnership's (`Brown,
 * Baldwin, Nisker Ltd`, `Bear, Stearns and Co`, `Smith, Barney, Harris Upham and Co`).
 */
const FIRM_LIST_AFTER =
  /^(\s*,\s*(and\s+)?\p{Lu}[\p{L}'’-]*(\s+\p{Lu}[\p{L}'’-]*)?){1,3}\s*,?\s+((and|&)\s+(\p{Lu}[\p{L}'’-]*\s+)?)?(Inc|Corp|Co|Ltd|LLC|Plc|PLC|Group|Holdings|Associates|Partners)\b/u;
/** A verb of business after a name: a firm or a person acts (`Bally agreed to buy`, `Hutton is offering`), a small place seldom does. */
const FIRM_VERB_AFTER =
  /^(\s+(and|&)\s+\p{Lu}[\p{L}'’-]*)?\s+((has|had|is|was)\s+)?(agreed|agrees|offered|offering|offers|bought|buys|acquired|acquires|sold|sells|owns|plans|announced|posted|earned|rejected|launched|wants|invented)\b/u;
/** A title, then one or two capitalised words, before a name: it ends a person's name (`President Leon Febres Cordero`). */
const TITLED_NAME_BEFORE =
  /\b(Mr|Mrs|Ms|Dr|Sir|President|Minister|Ambassador|Governor|Premier|Chancellor|Senator|Sheikh|Emir|General|Gen)\.?\s+(\p{Lu}[\p{L}'’-]+\.?\s+){1,2}$/u;

/** Reporting verbs around a surname: `Hartl said`, `said Clifford`. */
// (Not after a comma: `the member of parliament for Isiolo, said` closes an appositive.)
const SPEECH_AFTER = /^(['’]s)?(\s+(said|says|told|added|explained|stated|commented|noted|wrote|argued|insisted)|,?\s+who)\b/;
/** ...a reporting verb only (a name of several words before `, who` may be a place: `on the Sunshine Coast, who`). */
const SPEECH_VERB_AFTER = /^(['’]s)?\s+(said|says|told|added|explained|stated|commented|noted|wrote|argued|insisted)\b/;
const SPEECH_BEFORE = /\b(said|says|told)\s+$/;

/** Words before a small town that say "place" (`in Tyler`, `near Dugway`, `the port of Foynes`, `fired on Qamishli`). */
const STRONG_CUES = String.raw`\b(in|at|near|into|outside|across|around|toward|towards|between|via|through|from|downtown|suburban|town|city|village|villages|towns|cities|county|province|state|(near|next) to)|\b(town|city|village|county|province|district|region|island|municipality|port|suburbs?|outside|outskirts|areas?|residents|people|mayor|streets|coast|shores|enclave|north|south|east|west|northeast|northwest|southeast|southwest)\s+of|\b(attacks?|assaults?|advanced?|marched|raids?|strikes?|fired|shelling|offensive|closing in) on`;
/** ...and those of a list or a heading, which say nothing of a village (`Foua and Kfraya`, but `Volkswagen and Ford`). */
const LIST_CUES = String.raw`\b(and|or)|[;:(]|^|\n[ \t]*\n`;
/** What may stand between the cue and the name: `in the northern`, `across rural`. */
const CUE_TAIL = String.raw`\s*(the\s+)?((north|south)?(east|west)?(ern)?\s+|(north|south)(ern)?\s+|central\s+|rural\s+)?$`;
const LOCATIVE_BEFORE = new RegExp(`(${STRONG_CUES}|${LIST_CUES})${CUE_TAIL}`, 'i');
const STRONG_LOCATIVE_BEFORE = new RegExp(`(${STRONG_CUES})${CUE_TAIL}`, 'i');
/**
 * A comma before a small town is a cue only when the name is an item of a list or an appositive that
 * ends there (`in Haris, Tyler and Boston`, `near Tarbes, Lourdes.`), not the subject of a clause after
 * an opening phrase (`Under a February 21 deal, Bally agreed`). A line break is a cue only at a
 * paragraph's start: news wires wrap their lines anywhere (`the sale of\nthe Fairchild stake`).
 */
const COMMA_BEFORE = /,\s*(the\s+)?$/;
const ITEM_AFTER = /^(\s*[,;:.)!?]|\s+(and|or)\s|[ \t]*\n|[ \t]{2,}|\s*$)/;

/** People a village has at most: below, a name needs a strong cue of place (see acceptSpan). */
const VILLAGE_POP = 2_000;

/** Words after a town's name that make it a place: its people, offices and parts (`Dadaab camps`, `a Dugway spokesperson`). */
const PLACE_NOUNS = String.raw`areas?|districts?|regions?|county|province|city|town|villages?|camps?|slums?|suburbs?|neighbou?rhoods?|townships?|residents?|natives?|police|spokesperson|hospital|airport|prison|jail|market|dam`;
/** After a small town: its state or country (`Paris, Texas`), a list, or a place noun (`Kibera slum`). */
const LOCATIVE_AFTER = new RegExp(String.raw`^(,\s*\p{Lu}|\s+(${PLACE_NOUNS}|woman|man|spokesman|spokeswoman)\b|\s*[,;:)]?\s*$)`, 'u');
/** After a village: a place noun, or `based` (`from Irwindale based Ready Pac`). */
const VILLAGE_NOUN_AFTER = new RegExp(String.raw`^\s+(${PLACE_NOUNS}|based)\b`, 'u');

/** Whether one or two capitalised words name a place by its own name (of `minPop` people at least). */
function ownPlaceName(gaz: Gazetteer, first: string, second: string | undefined, minPop = 0): boolean {
  const own = (key: string): boolean => exactCandidates(gaz, key).some((c) => c.primary && (gaz.pop[c.index] ?? 0) >= minPop);
  const key = foldName(first);
  return own(key) || (!!second && own(`${key} ${foldName(second.trim())}`));
}

/** A comma, then a place by its own name: a list of places or the village's state (`Innisfail, Red Deer`). */
function placeAfterComma(gaz: Gazetteer, after: string): boolean {
  const m = /^,\s*(\p{Lu}[\p{L}'’-]*)(\s+\p{Lu}[\p{L}'’-]*)?/u.exec(after);
  if (!m) return false;
  return ownPlaceName(gaz, m[1] ?? '', m[2], VILLAGE_POP) || namesPlaceKey(gaz, foldName(m[1] ?? ''));
}

/** `and` or `or`, then the first one or two capitalised words of the next name. */
const JOINED_NAME_AFTER = /^\s+(and|or)\s+(\p{Lu}[\p{L}'’-]*)(\s+\p{Lu}[\p{L}'’-]*)?/u;

/**
 * A list of places after a small town (`Foua and Kfraya`, `Tyler or New Boston`) is a cue only when the
 * next name is a place by its own name: a partner's name (`Wagner and Brown`, `Harper and Row`) is not.
 */
function placeJoinedAfter(gaz: Gazetteer, after: string): boolean {
  const m = JOINED_NAME_AFTER.exec(after);
  if (!m) return false;
  // (`the Etoumbi and Mbomo districts`: a plural place noun after the list names both.)
  if (/^\s+(districts|villages|towns|areas|regions|provinces|counties|camps|suburbs|cities|islands)\b/i.test(after.slice(m[0].length)))
    return true;
  return ownPlaceName(gaz, m[2] ?? '', m[3]);
}

/** A preposition of place and the first names of a list before a name: `peasants in Wello, Tigre and ...`. */
const LIST_IN_PLACE_BEFORE = /\b(in|near|from|across|throughout)\s+\p{Lu}[\p{L}'’-]*(\s*,\s*\p{Lu}[\p{L}'’-]*)*\s*,\s*$/u;

/** Whether `and` and a partner's name follow a name: one no place bears as its own. */
function partnerAfter(gaz: Gazetteer, after: string): boolean {
  const m = JOINED_NAME_AFTER.exec(after);
  if (!m || m[1] !== 'and') return false;
  return !placeJoinedAfter(gaz, after) && !m[3] && !/^\s*(,|\s(and|or)\s)/.test(after.slice(m[0].length));
}

/** A preposition of place or a place noun before a name: the strongest cue (not `and`, not a comma). */
const PLACED_BEFORE =
  /\b(in|at|near|into|outside|around|toward|towards|via|through|(near|next) to|(town|city|village|county|province|district|region|municipality|suburb) of)\s+$/i;

/**
 * A place noun that names what follows (`the village of Ranya`, and each name of a list after a plural
 * one: `the towns of Haris and Varzaqan`) or what precedes (`Puge county`).
 */
const PLACE_NOUN_OF =
  /\b([Tt]owns?|[Cc]ity|[Cc]ities|[Vv]illages?|[Cc]ount(y|ies)|[Pp]rovinces?|[Dd]istricts?|[Rr]egions?|[Mm]unicipalit(y|ies)|[Ss]uburbs?|[Tt]ownships?|[Gg]overnorates?) of\s+(\p{Lu}[\p{L}'’-]*(\s+\p{Lu}[\p{L}'’-]*)?(\s*,|\s*,?\s+and|\s*,?\s+or)\s+){0,4}$/u;
const PLACE_NOUN_AFTER = /^\s+(county|district|province|village|town|neighbou?rhood|township|governorate|prefecture)\b/i;

/** A person's first name (or initial) and surname, then `of`: `Hamid Moayyad of Colleyville`, `Theresa Pilkington of Jeannette`. */
const PERSON_OF_BEFORE = /(?:^|[^\p{L}.])(\p{Lu}\p{Ll}+\.?|\p{Lu}\.)\s+(?:\p{Lu}\.\s+)?(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?),?\s+of\s+$/u;

/** Offices named `X of Y` (`Superintendent of Banks`, `Bishop of Durham`): no person's surname. */
const OFFICE_WORDS = new Set('superintendent commissioner chairman chairwoman chief dean bishop archbishop duke earl count'.split(' '));

/**
 * Whether the words before a name are a person's name and `of`: local news names people by their
 * town (`Dr. Hamid Moayyad of Colleyville`). Not an institution (`Bank of`, `Friends of`, `Sisters of`):
 * the first word must be a common first name or an initial, the second no word of a place's or an
 * institution's name.
 */
function isPersonOfTown(before: string): boolean {
  const m = PERSON_OF_BEFORE.exec(before);
  if (!m) return false;
  const first = (m[1] ?? '').toLowerCase().replace(/(.)\.$/, '$1');
  const last = (m[2] ?? '').toLowerCase();
  if (!(/^\p{L}\.$/u.test(first) || firstNames().has(first) || /^(mr|mrs|ms|miss|dr)$/.test(first))) return false;
  if (PERSON_BEFORE.has(last) || OFFICE_WORDS.has(last)) return false;
  return !NAME_PART_WORDS.has(last) && !INSTITUTION_AFTER.has(last) && !MEDIA_AFTER.has(last) && !STOP.has(last);
}

/** The end of a street address before a name: its town (`of 1 Carrowclough Road, Tipperary, who`). */
const STREET_BEFORE =
  /\b(Street|St|Road|Rd|Drive|Dr|Avenue|Ave|Lane|Ln|Way|Court|Ct|Boulevard|Blvd|Place|Terrace|Crescent|Close|Highway|Hwy)\.?,\s+$/u;

/** A preposition before a name makes it a place even before a reporting verb (`a resident of Tabriz told`). */
const PLACE_BEFORE = /\b(in|at|of|from|near|to|into|outside|across|around|via|toward|towards)\s+$/i;

/**
 * Capitalised words that are gazetteer names somewhere but almost always something else in English news.
 * Hand-made while developing on the dev split (issue 6: "context rules to avoid common-word false hits").
 */
const STOP = new Set(
  (
    'the a an and or but if in on at by for to of from with as is it its he she we they i you this that these those there here then ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'jan feb apr jun jul aug sep sept oct nov dec ' +
    'mr mrs ms dr president minister government police army court state city province county district region capital north south east west ' +
    'northern southern eastern western central new old world people news said says today after before during since while when where what who why how ' +
    'all some many most more much one two three four five six seven eight nine ten first second third last next other such no not only also ' +
    'university college school hospital church airport station street road park center centre house hall bank office department ministry council ' +
    'health service services union party forces force group company agency association national international federal public general ' +
    'god christ allah islam islamic muslim christian jewish catholic buddhist hindu prophet ' +
    'mount lake river island islands bay sea ocean valley beach hill hills port fort ' +
    'albert george charles william james john david paul peter mary elizabeth jesus ' +
    'hope unity liberty independence union victory progress paradise eden mercy grace faith justice ' +
    'reading mobile bath nice split most gap orange lincoln jackson franklin clinton ' +
    'trump obama bush kerry putin assad erdogan nasser sisi mohammed muhammad ali hussein ' +
    'said says according although however because despite meanwhile nearby outside inside ' +
    'home man women men woman children child family friends officials official ' +
    'secretary ambassador governor mayor premier king queen prince princess sheikh emir pope ' +
    'media press post times herald tribune journal daily globe star sun mail guardian ' +
    'energy power oil gas water fire flood storm hurricane ' +
    'ebola sars mers aids hiv flu influenza zika dengue cholera malaria ' +
    'democratic republican liberal conservative labor labour green greens ' +
    'marine marines navy air airlines airways ' +
    'best good great grand big little long short high low ' +
    'chase cross ring gold silver diamond golden ' +
    'ha ah oh ok un who ap afp christmas easter crescent saints all saints hope white house ' +
    'congress senate commerce treasury reserve exchange customs embassy consulate pentagon eu ' +
    // Words of business news written with a capital (`Ministry of International Trade and Industry`,
    // `Northwest Airlines`, `Arab states`): the towns of those names are villages.
    'industry northwest northeast southwest southeast arab ' +
    // News agencies cited far more often than the towns of their names (`according to Xinhua`).
    'xinhua yonhap kyodo interfax bernama tass ' +
    // Institutions and accords written with a capital (`Chamber of Commerce`, `Casino Control Commission`,
    // `Secretary of State for the Economy`, `the Plaza accord`, `Empresa Nacional de Petroleo`): towns in
    // Pakistan, Australia, the US, Poland and a Dominican province.
    'chamber casino economy plaza nacional ' +
    // A word of markets (`Free market prices`, `Tax-Free Income Fund`): South Africa's Free State by its bare name.
    'free'
  ).split(/\s+/),
);

/** The districts of US federal courts, named like Israel's (`Southern District of New York`). */
const COURT_DISTRICT = /^(?:northern|southern|eastern|western|central|middle) district$/;

/** Multi-word names that are institutions far more often than the towns that bear them. */
const STOP_PHRASES = new Set([
  'white house',
  'wall street',
  'capitol hill',
  'downing street',
  'the city',
  'red cross',
  'red crescent',
  // the weather, not a Mexican village
  'el nino',
  'la nina',
]);

/** A country's adjective used as its language's name: `shouted in Turkish,`, `speaks fluent French`. */
const LANGUAGE_BEFORE = /\b(in|into|from|speaks?|spoke|speaking|fluent)\s+$/i;
const LANGUAGE_AFTER = /^\s*([,.;:!?)"”’]|\s(and|or|as|with|at|to|on|when|but|which|is|was)\b|$)/;

/** The end of a sentence before a word, with its closing and opening quotes (`so. "Can`, `asked: Can`). */
const AFTER_SENTENCE_END = /(^|[.!?:;]["”’)]?\s+["“‘(]?)$/;

/** Words that start a sentence so often that a capital there says nothing. */
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“‘'([]/.test(text.charAt(i))) {
    if (text.charAt(i) === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text.charAt(i));
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let t = m[0];
    const start = m.index ?? 0;
    // Possessives are not part of the name: `London’s` → `London`.
    const possessive = t.endsWith("'s") || t.endsWith('’s');
    if (possessive) t = t.slice(0, -2);
    // A final dot belongs to the word only for abbreviations (`Ky.`, `Calif.`); keep it and let the
    // lookup try both.
    out.push({ start, end: start + t.length, text: t, upper: startsUpper(t), key: null, possessive });
  }
  return out;
}

/** A country, region or division among the candidates (a second-level one by its own name, not `Bone` for Bone Regency). */
/** A state of the United States (a first-level division there). */
function isUsState(gaz: Gazetteer, c: Candidate): boolean {
  return gaz.kind(c.index) === 'admin1' && gaz.country(c.index) === 'US';
}

/** A country or a first-level division: a name too well known to be the start of a longer one. */
function isCountryOrState(gaz: Gazetteer, c: Candidate): boolean {
  const kind = gaz.kind(c.index);
  return kind === 'country' || (kind === 'admin1' && c.primary);
}

/** Whether a candidate is a country, a first-level division, a continent or a region. */
function isWiderThanDistrict(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => {
    const k = gaz.kind(c.index);
    return k === 'country' || k === 'admin1' || k === 'continent' || k === 'region';
  });
}

function isKindStrong(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return isWiderThanDistrict(gaz, cands) || cands.some((c) => c.primary && gaz.kind(c.index) === 'admin2');
}

/** A city of a million or more that GeoNames names in many languages: its exonyms are real names. */
function isFamousCity(gaz: Gazetteer, i: number): boolean {
  return gaz.kind(i) === 'city' && (gaz.pop[i] ?? 0) >= 1_000_000 && (gaz.altNames[i] ?? 0) >= WEIGHTS.altNamesFull;
}

/**
 * A town GeoNames names in many languages (`WEIGHTS.altNamesFull`) and of some size: known well
 * beyond it (Palmyra, Kobani, Bethlehem). Small ones are left out: Baker City and Lourdes have as many
 * names, and `Baker` and `Lourdes` are more often people.
 */
function isWidelyNamedTown(gaz: Gazetteer, i: number): boolean {
  return gaz.kind(i) === 'city' && (gaz.altNames[i] ?? 0) >= WEIGHTS.altNamesFull && (gaz.pop[i] ?? 0) >= WIDELY_NAMED_MIN_POP;
}
/** A prior, not fitted: a town, not a village. */
const WIDELY_NAMED_MIN_POP = 20_000;
/** Letters of a short name (`Kiev`, `Part`, `Deka`): as another name of a town, it is no exonym by itself. */
const SHORT_NAME = 4;
/** The same prior for a town named by one of its other names after a preposition of place. */
const ALT_NAME_TOWN = 20_000;

function maxPop(gaz: Gazetteer, cands: readonly Candidate[]): number {
  let m = 0;
  for (const c of cands) m = Math.max(m, gaz.pop[c.index] ?? 0);
  return m;
}

/** Gap between two tokens that may sit inside one name: spaces or a hyphen, no punctuation or newline. */
function joinable(text: string, a: Token, b: Token): boolean {
  // Wire copy wraps lines inside names (`Hughes\nTool Co`); an indented new line is a new paragraph
  // after a full stop (the word keeps it), a wrap within a sentence otherwise.
  // `/^(?:[ \t-]{1,2}|[ \t]?\n)$/` on the gap, by character codes: it runs for every pair of words.
  const length = b.start - a.end;
  let gapOk = false;
  if (length === 1) {
    const c = text.charCodeAt(a.end);
    gapOk = isSpaceTabOrHyphen(c) || c === 10;
  } else if (length === 2) {
    const c0 = text.charCodeAt(a.end);
    const c1 = text.charCodeAt(a.end + 1);
    gapOk = (isSpaceTabOrHyphen(c0) && isSpaceTabOrHyphen(c1)) || ((c0 === 32 || c0 === 9) && c1 === 10);
  } else if (length > 2) gapOk = isIndentedWrap(text, a.end, b.start);
  return gapOk && (!a.text.endsWith('.') || NAME_ABBREVIATIONS.has(a.text));
}

/** Name words the news abbreviates that the gazetteer may only have written out. */
const ABBREVIATED_WORDS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['mt', 'mount'],
  ['ft', 'fort'],
]);

/** A possessive inside a longer name, one space after its `'s` (`People's Republic of China`). */
/**
 * A line break and an indent in the middle of a sentence (`Atletico\n            Madrid`): some
 * sources wrap their lines so, where wire copy would start a paragraph after a full stop, a quote
 * or a bracket (those end the word before, or sit in the gap).
 */
function isIndentedWrap(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(from) !== 10 || to - from > 40) return false;
  for (let k = from + 1; k < to; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
  return true;
}

function joinableInName(text: string, a: Token, b: Token): boolean {
  if (!a.possessive) return joinable(text, a, b);
  return b.start - a.end === 3 && text.charCodeAt(a.end + 2) === 32;
}

/** Abbreviated name words that a name goes on after (`Fort St. John`, `St. Thomas`, `Mt. Kenya`). */
const NAME_ABBREVIATIONS = new Set(['St.', 'Ste.', 'Ft.', 'Mt.', 'Pt.']);

/** French and Italian elided articles inside a name (`Côte d'Ivoire`, `Val d'Isère`). */
const ELIDED = /^[dl]['’]\p{Lu}/u;

function isSpaceTabOrHyphen(c: number): boolean {
  return c === 32 || c === 9 || c === 45;
}

interface Match {
  key: string;
  cands: Candidate[];
  end: number;
  dotted: boolean;
  single: boolean;
  strong: boolean;
  surface: string;
}

/** Whether the line around a position is written in capitals (wire headlines, datelines). */
function inCapsLine(text: string, pos: number): boolean {
  const from = text.lastIndexOf('\n', pos) + 1;
  let to = text.indexOf('\n', pos);
  if (to < 0) to = text.length;
  let upper = 0;
  let lower = 0;
  for (let k = from; k < to; k++) {
    const ch = text.charAt(k);
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  return upper >= 8 && lower * 5 < upper;
}

/**
 * A dateline opening the text or a paragraph: its first words in capitals, then a dash or the state (`BANTAM — A`,
 * `INNISFAIL - Nine`, `HOLLIDAY, Mo. —`, `RUSSELLVILLE, Ark. (AP)`). Local papers put small towns there.
 */
function isOpeningDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // A headline run into its story keeps the dateline after its last sentence (`... assault. BANTAM — A`).
  const lead = text.slice(lineStart, start).trim();
  if (lead !== '' && !/[.!?]$/.test(lead)) return false;
  const head = text.slice(start, end);
  if (head !== head.toUpperCase() || !/\p{Lu}{3}/u.test(head)) return false;
  return OPENING_DATELINE_AFTER.test(text.slice(end, end + 24));
}

const OPENING_DATELINE_AFTER = /^(\s+\p{Lu}+\.?)*(\s*[—–]|\s+-{1,2}\s|,\s*\p{Lu}[\p{L}.]{1,12}\s*([(—–]|-{1,2}|\s-))/u;

/** Inside Reuters-style company brackets: `<Pratt and Whitney>`. */
function inAngleBrackets(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('<', start);
  if (open < 0 || start - open > 80 || text.lastIndexOf('>', start) > open) return false;
  const close = text.indexOf('>', end);
  return close >= 0 && close - end <= 80 && text.lastIndexOf('<', close) === open;
}

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

/** The context rules that keep common words, people and organisations out (issue 6). */
function acceptSpan(
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
  // is the firm); a country, a division or a big city keeps its later mentions.
  const firmOfTown = single && !strong && !big;
  if (inAngleBrackets(text, t.start, end)) {
    if (firmOfTown) firms.add(key);
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
  if (((single && !(t.possessive && strong)) || smallNamesFirm) && startsFirmName(text, tokens, j)) {
    if (firmOfTown || smallNamesFirm) firms.add(key);
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
  if (single && firms.has(key) && !FIRM_TOWN_PLACED_BEFORE.test(text.slice(Math.max(0, t.start - 10), t.start))) return false;
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
  // alone later in the story. Not a country's or first-level division's name, nor a town the world names
  // in many languages (`Sydney`, `Florence`): the place is as likely there (`Dallas Cowboys`). A
  // district's or county's name is a first name as often as theirs (`Dudley Taft`, `Kent Conrad`).
  if (
    single &&
    !isWiderThanDistrict(gaz, cands) &&
    nextCap &&
    next &&
    isFirstNameWord(gaz, t, isLowerWord, false) &&
    !cands.some((c) => (gaz.altNames[c.index] ?? 0) >= WEIGHTS.altNamesFull) &&
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
  // surname (alone later in the story too), at the start of a sentence as well: the first name is no
  // sentence-opening word. A division's name too, within a sentence; a country's stays.
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
    if (single && !big && !strong) personish.add(key);
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
  if (!strong && !bigByOwnName(gaz, cands) && !dotted && !PLACE_BEFORE.test(text.slice(Math.max(0, t.start - 16), t.start))) {
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
      partnerAfter(gaz, text.slice(end, end + 40))
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
    !PLACE_BEFORE.test(text.slice(Math.max(0, t.start - 16), t.start)) &&
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
  const before = text.slice(Math.max(0, t.start - 16), t.start);
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
    LANGUAGE_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start)) &&
    LANGUAGE_AFTER.test(after)
  )
    return false;
  // `Spring 2002`: a season and its year.
  if (SEASONS.has(key) && /^\s+\d{4}\b/.test(after)) return false;
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
  // after a particle names an institution's town: `Banque Nationale de Paris`, `Caixa de Barcelona`).
  if (single && !strong && !big && SURNAME_PARTICLE_BEFORE.test(near)) {
    personish.add(key);
    return false;
  }
  // `his wife Nancy`, `her son Jordan`: a name after a word of kin is a person's, even a country's.
  if (single && KIN_BEFORE.test(near) && !nextCap) return false;
  const ownWord = !!prev && prev.start >= (lastSpan?.end ?? -1);
  // `Mr. Baker`, `R. T. Lim`: the dot of a title or an initial ends no sentence; a surname follows.
  if (prev && ownWord && DOTTED_PERSON_BEFORE.test(prev.text) && text.slice(prev.end, t.start) === ' ' && !strong) {
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

function hyphenParts(gaz: Gazetteer, t: Token, prev?: Token): FoundSpan[] {
  if (!/[-‐]/.test(t.text)) return [];
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
      if (t) spans.push(...hyphenParts(gaz, t, tokens[i - 1]));
      i++;
      continue;
    }
    const second = tokens[i + 1];
    if (second?.upper && joinable(text, t, second) && firms.has(firmPhrase(t, second))) {
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
      if (cands.length === 0) cands = exactCandidates(gaz, key);
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
      if (cands.length === 0 && j > i && withDot && / co$/.test(key)) {
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

/** A small town's name left out only for want of a cue where it stood (see withPlacedLater). */
interface DeferredSpan {
  key: string;
  span: FoundSpan;
}

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

/** Closest pair of candidates of two spans, in km (equirectangular). */
function closestKm(gaz: Gazetteer, a: readonly Candidate[], b: readonly Candidate[]): number {
  let best = Infinity;
  for (const x of a) {
    const lat = gaz.lat[x.index] ?? 0;
    const cosLat = Math.cos((lat * Math.PI) / 180);
    for (const y of b) {
      const dLat = (gaz.lat[y.index] ?? 0) - lat;
      const dLon = ((gaz.lon[y.index] ?? 0) - (gaz.lon[x.index] ?? 0)) * cosLat;
      best = Math.min(best, Math.sqrt(dLat * dLat + dLon * dLon) * 111.2);
    }
  }
  return best;
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

/** What one confident span says about the document: its country and division. */
interface Contribution {
  key: string;
  country: string;
  countryWeight: number;
  admin1: number;
  admin1Weight: number;
  /** The town's point (NaN for countries and divisions): an anchor for nearby names. */
  lat: number;
  lon: number;
}

/** The context a document gives, kept per name so a name never votes for itself (`Mexico` for Mexico City). */
export interface DocumentContext {
  base: ResolveContext;
  contributions: Contribution[];
  companions: Companions;
}

export function documentContext(gaz: Gazetteer, spans: readonly FoundSpan[], base: ResolveContext): DocumentContext {
  const contributions: Contribution[] = [];
  for (const s of spans) {
    const ranked = rankCandidates(gaz, s.candidates, base);
    const top = ranked[0];
    if (!top) continue;
    const second = ranked[1];
    if (second && top.score - second.score < 1.5) continue;
    const kind = gaz.kind(top.index);
    const key = foldName(s.name);
    const cc = gaz.country(top.index);
    if (kind === 'country') contributions.push({ key, country: cc, countryWeight: 1, admin1: -1, admin1Weight: 0, lat: NaN, lon: NaN });
    else if (kind === 'admin1')
      contributions.push({ key, country: cc, countryWeight: 0.7, admin1: top.index, admin1Weight: 1, lat: NaN, lon: NaN });
    else if (kind === 'city' || kind === 'admin2') {
      const lat = kind === 'city' ? (gaz.lat[top.index] ?? NaN) : NaN;
      const lon = kind === 'city' ? (gaz.lon[top.index] ?? NaN) : NaN;
      contributions.push({ key, country: cc, countryWeight: 0.5, admin1: gaz.admin1[top.index] ?? -1, admin1Weight: 0.5, lat, lon });
    }
  }
  const companions = buildCompanions(
    gaz,
    spans.map((s) => ({ key: foldName(s.name), candidates: s.candidates })),
  );
  return { base, contributions, companions };
}

/** The context for resolving one name: every other name's contribution, scaled to the strongest. */
export function contextFor(doc: DocumentContext, name: string): ResolveContext {
  const key = foldName(name);
  const countries = new Map(doc.base.countries);
  const admin1s = new Map(doc.base.admin1s);
  const anchors: number[] = [];
  for (const c of doc.contributions) {
    if (c.key === key) continue;
    countries.set(c.country, (countries.get(c.country) ?? 0) + c.countryWeight);
    if (c.admin1 >= 0) admin1s.set(c.admin1, (admin1s.get(c.admin1) ?? 0) + c.admin1Weight);
    if (!Number.isNaN(c.lat)) anchors.push(c.lat, c.lon);
  }
  // Relative weights: the document's main country counts fully, a passing mention less.
  const maxC = Math.max(1, ...countries.values());
  for (const [k, v] of countries) countries.set(k, v / maxC);
  return { countries, admin1s, storeCounts: doc.base.storeCounts, anchors, companions: { grid: doc.companions, key } };
}

/**
 * The words between a name and the division or country it lies in: `in`, after a short list of
 * other names (`Haris and Varzaqan in`, `Foua, Kfraya and Zahra in`), with the division's word
 * (`in the province of`).
 */
const IN_CONTAINER_GAP =
  /^(?:\s*(?:,|,?\s+and|,?\s+or)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)*\s+in\s+(?:the\s+)?(?:(?:province|state|region|governorate|county|district) of\s+)?$/u;

/** A list going on after a name: `, Hamburg and Essen`, `and Western Railway`, `or Tokyo`. */
const LIST_GOES_ON = /^(\s*,\s*|\s*,?\s+(and|or)\s+)\p{Lu}/u;

/**
 * A candidate a division after a comma can overrule: a town or county, or a bigger place known by this
 * spelling only as another name (`Warrington, Pa.` is no English town, `Bothan, Ala.` no Libyan district).
 */
function isTownOrNamesake(gaz: Gazetteer, c: Candidate): boolean {
  const kind = gaz.kind(c.index);
  return kind === 'city' || kind === 'admin2' || !c.primary;
}

/**
 * The state or province after `Town, ` when no town of the name lies in it (`HOLLIDAY, Mo.`: the
 * village of 140 is not in the gazetteer, the Holliday it has is in Texas): the town is somewhere in
 * that state, so it stands at the state's point rather than at a namesake elsewhere. Only a state
 * that is no big city's name too (`London, New York and Tokyo` lists cities; Ontario, California, is
 * no such city for the province) and that ends the list (`Chicago, Missouri and Western Railway` is a firm).
 */
function stateOfUnknownTown(gaz: Gazetteer, text: string, next: FoundSpan, ctx: ResolveContext): Ranked | null {
  if (LIST_GOES_ON.test(text.slice(next.end, next.end + 40))) return null;
  // `First National Bank of Boston, Florida Federal Savings`: the state's name opens a firm's.
  if (!next.name.endsWith('.') && /^\s+\p{Lu}/u.test(text.slice(next.end, next.end + 3))) return null;
  const top = rankCandidates(gaz, next.candidates, ctx)[0];
  if (!top || gaz.kind(top.index) !== 'admin1') return null;
  // A city the news names as often as the state (New York, Washington) may be what the comma lists;
  // a lesser namesake (Ontario, California, for the province) is not.
  const statePop = gaz.pop[top.index] ?? 0;
  const bigCity = next.candidates.some(
    (c) => gaz.kind(c.index) === 'city' && (gaz.pop[c.index] ?? 0) >= 100_000 && (gaz.pop[c.index] ?? 0) * NAMESAKE_TOWN_SHARE >= statePop,
  );
  return bigCity ? null : top;
}

/**
 * Resolve one span in the document context. `X, Y` lets Y (a country or division) constrain X;
 * `the province of X` / `X province` asks for the division.
 */
export function resolveSpan(gaz: Gazetteer, text: string, s: FoundSpan, next: FoundSpan | undefined, ctx: ResolveContext): ResolvedSpan {
  let cands = s.candidates;
  // Not in lists of countries or divisions (`Iraq, Iran`, `Illinois, Iowa`): only a name that is not itself one.
  let narrowed = false;
  const gap = next ? text.slice(s.end, next.start) : '';
  const comma = /^,\s?$/.test(gap);
  // `Haris and Varzaqan in East Azerbaijan`: the division or country after `in` holds the names before it.
  const within = !comma && IN_CONTAINER_GAP.test(gap) && !cands.some((c) => gaz.kind(c.index) === 'country');
  // A country's name before a comma and another country (`in Russia, U.S. officials said`, `China,
  // Japan and Britain`) is the country: towns named after countries (Russia, Ohio; Lebanon, Pa.) are
  // written with their state, not their country.
  const countryBeforeCountry =
    comma &&
    !!next &&
    cands.some((c) => c.primary && gaz.kind(c.index) === 'country') &&
    !next.candidates.some((c) => gaz.kind(c.index) === 'admin1' || gaz.kind(c.index) === 'admin2');
  if (next && (comma || within) && !countryBeforeCountry) {
    const containers = new Set<string>();
    const nextCountries = new Set<string>();
    // Counties (`Thruxton, Hampshire`): a town near the county's middle lies in it.
    const counties = next.candidates.filter((c) => gaz.kind(c.index) === 'admin2' && c.primary);
    for (const c of next.candidates) {
      const kind = gaz.kind(c.index);
      if (kind === 'country') containers.add('c:' + gaz.country(c.index));
      if (kind === 'admin1') containers.add('a:' + c.index);
      if (kind === 'country' || kind === 'admin1') nextCountries.add(gaz.country(c.index));
    }
    // A country or division of the name in the same country as the next one is a list (`Georgia,
    // Alabama`); one elsewhere is not (`Santa Ana, California` is no Salvadoran department), nor is a
    // state abbreviated as a town's is (`Washington, N.J.`, `Kansas City, Mo.`): a list writes them out.
    const listed =
      !/\.$/.test(next.name) &&
      cands.some(
        (c) => c.primary && (gaz.kind(c.index) === 'country' || gaz.kind(c.index) === 'admin1') && nextCountries.has(gaz.country(c.index)),
      );
    const inside = cands.filter(
      (c) =>
        containers.has('c:' + gaz.country(c.index)) ||
        containers.has('a:' + (gaz.admin1[c.index] ?? -1)) ||
        (gaz.kind(c.index) === 'city' && counties.some((k) => liesIn(gaz, c.index, k.index))),
    );
    // After a comma the town must bear the name itself (`Santa Ana, California`); `in` is explicit
    // enough for a town known by that spelling only as another name (`Haris` for Herīs).
    if (!listed && inside.some((c) => (within || c.primary) && gaz.kind(c.index) !== 'country' && gaz.kind(c.index) !== 'admin1')) {
      cands = inside;
      narrowed = true;
    } else if (comma && inside.length === 0 && !listed && cands.every((c) => isTownOrNamesake(gaz, c))) {
      const state = stateOfUnknownTown(gaz, text, next, ctx);
      if (state) return { ...s, ranked: [state], chosen: state.index, narrowed: true };
    }
  }
  const before = text.slice(Math.max(0, s.start - 30), s.start);
  const after = text.slice(s.end, s.end + 15);
  // `a Gulf state`, `the Baltic states`, `the Gulf region`: a country of the region, not a division
  // named after it (`Red Sea governorate` is one).
  const ofRegion =
    /^\s+(states?|region)\b/i.test(after) &&
    cands.some((c) => c.primary && (gaz.kind(c.index) === 'region' || gaz.kind(c.index) === 'continent'));
  if (
    !ofRegion &&
    (/\b(province|governorate|state|region|county) of\s+(the\s+)?$/i.test(before) ||
      // `New York Gov. Andrew Cuomo`: a governor's is the state.
      /^\s+(province|governorate|county|region|state|gov\.|governor)(?=[\s,.;:)]|$)/i.test(after))
  ) {
    const divisions = cands.filter((c) => gaz.kind(c.index) === 'admin1' || gaz.kind(c.index) === 'admin2');
    if (divisions.length > 0) cands = divisions;
  }
  // `the Georgia Democrat`, `a Washington Republican`: a US state's member of Congress. Only this
  // mention: the story's bare `Washington` is still the capital (`patience is frayed in Washington`).
  let local = false;
  if (/^\s+(Democrats?|Republicans?)\b/.test(after)) {
    const states = cands.filter((c) => isUsState(gaz, c));
    if (states.length > 0 && states.length < cands.length) {
      cands = states;
      local = true;
    }
  }
  // `the city of Turkey`, `the town of Paris`: a town, not the country or division of the name.
  if (/\b(city|town|village) of\s+$/i.test(before)) {
    const towns = cands.filter((c) => gaz.kind(c.index) === 'city');
    if (towns.length > 0) cands = towns;
  }
  const ranked = rankCandidates(gaz, cands, ctx);
  return { ...s, ranked, chosen: namesakeTown(gaz, ranked, ctx) ?? ranked[0]?.index ?? -1, narrowed, local };
}

/**
 * The big town inside a division that bears the division's name is what the bare name means in the
 * news (`a New York investor`, `dealers in Zurich`, `Osaka`, `Sao Paulo`), as /where reads it: when
 * the division ranks first, its town of that name wins if it holds a tenth of the division's people
 * or more (Quebec City, a fourteenth of its province, does not: `the Quebec government`). Not in a
 * story that names other divisions of the country (`two in Kansas, one in Ohio. New York has 28`),
 * nor one whose other towns in the division lie away from that town (`Buffalo, New York`).
 */
function namesakeTown(gaz: Gazetteer, ranked: readonly Ranked[], ctx: ResolveContext): number | undefined {
  const top = ranked[0];
  if (!top || gaz.kind(top.index) !== 'admin1') return undefined;
  // The town's own name is the division's (`Osaka`), or a world city's that the news shortens to it
  // (`New York City`; not `Oklahoma City`, whose `Oklahoma` is the state).
  const key = foldName(gaz.name(top.index));
  const town = ranked.find(
    (c) =>
      c.primary &&
      gaz.kind(c.index) === 'city' &&
      gaz.admin1[c.index] === top.index &&
      (foldName(gaz.name(c.index)) === key || (gaz.pop[c.index] ?? 0) >= WORLD_CITY),
  );
  if (!town || (gaz.pop[town.index] ?? 0) * NAMESAKE_TOWN_SHARE < (gaz.pop[top.index] ?? 0)) return undefined;
  const cc = gaz.country(top.index);
  for (const [a, w] of ctx.admin1s) if (a !== top.index && w >= 1 && gaz.country(a) === cc) return undefined;
  const inDivision = ctx.admin1s.get(top.index) ?? 0;
  if (inDivision > 0 && !(ctx.anchors && nearestAnchorKm(gaz.lat[town.index] ?? 0, gaz.lon[town.index] ?? 0, ctx.anchors) < 50))
    return undefined;
  return town.index;
}

/** See namesakeTown. */
const NAMESAKE_TOWN_SHARE = 10;
const WORLD_CITY = 1_000_000;

/** Resolve each span in the document context (one context per distinct name). */
export function resolveSpans(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], doc: DocumentContext): ResolvedSpan[] {
  const perName = new Map<string, ResolveContext>();
  const resolved = spans.map((s, k) => {
    const key = foldName(s.name);
    let ctx = perName.get(key);
    if (!ctx) {
      ctx = contextFor(doc, s.name);
      perName.set(key, ctx);
    }
    return resolveSpan(gaz, text, inListOfDivisions(gaz, text, spans, k, doc.base), containerAfter(text, spans, k), ctx);
  });
  const owned = withinOwnerTown(gaz, text, resolved);
  for (const i of withinOwnerCountry(gaz, text, resolved)) owned.add(i);
  const usGulf = withinUsGulf(gaz, text, resolved);
  if (usGulf >= 0) owned.add(usGulf);
  // One place per name and story: `Paris, Missouri` early on makes a later bare `Paris` the same town.
  const pinned = new Map<string, number>();
  for (const r of resolved) if (r.narrowed && r.chosen >= 0) pinned.set(foldName(r.name), r.chosen);
  // ...and so does a reading the words around one mention chose among the name's places (`New York`
  // in a list of states, `Nyanza province`, `the governor of Georgia`): a bare `New York` or `Georgia`
  // elsewhere in that story is the state too. The words may have chosen when the mention was found
  // (a state's office), so the choice is against the most places any mention of the name could be.
  const readings = new Map<string, number>();
  for (const s of spans) {
    const key = foldName(s.name);
    readings.set(key, Math.max(readings.get(key) ?? 0, s.candidates.length));
  }
  const chose = (r: ResolvedSpan, k: number): boolean =>
    !r.narrowed &&
    !r.local &&
    r.chosen >= 0 &&
    r.ranked.length < Math.max((spans[k] as FoundSpan).candidates.length, readings.get(foldName(r.name)) ?? 0);
  resolved.forEach((r, k) => {
    const key = foldName(r.name);
    if (chose(r, k) && !pinned.has(key)) pinned.set(key, r.chosen);
  });
  if (pinned.size === 0) return resolved;
  return resolved.map((r, k) => {
    const at = r.narrowed || r.local || chose(r, k) ? undefined : pinned.get(foldName(r.name));
    const known = r.candidates.some((c) => c.index === at) || (at !== undefined && owned.has(at));
    return at !== undefined && at !== r.chosen && known ? { ...r, chosen: at } : r;
  });
}

/**
 * `the U.S. Gulf`, `the Louisiana Gulf`, `FOB Texas Gulf`: the Gulf of Mexico's coast, where US grain
 * and crude are priced, not the Persian Gulf; and so is a bare `Gulf` elsewhere in that story (`loadings
 * at the Gulf`). Returns the Gulf of Mexico's entry when it stands for such names, else -1 (updates
 * `resolved` in place).
 */
function withinUsGulf(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): number {
  const isGulf = (r: ResolvedSpan): boolean => foldName(r.name) === 'gulf';
  // What stands right before mention k: a place of the US (`U.S. Gulf`), another name (`Mideast Gulf`), or none.
  const prefix = (k: number): 'us' | 'other' | null => {
    const prev = resolved[k - 1];
    if (!prev || !/^\.?[ \t\n]$/.test(text.slice(prev.end, (resolved[k] as ResolvedSpan).start))) return null;
    return inUs(gaz, prev.chosen) ? 'us' : 'other';
  };
  if (!resolved.some((r, k) => isGulf(r) && prefix(k) === 'us')) return -1;
  const mexico = exactCandidates(gaz, 'gulf of mexico').find((c) => gaz.kind(c.index) === 'region');
  if (!mexico) return -1;
  // A bare `Gulf` goes with them unless the story is also about the Persian Gulf's shores (`In the
  // Mideast Gulf, propane eased`, `Saudi exports from Gulf ports`).
  const persian = resolved.some((r) => r.chosen >= 0 && PERSIAN_GULF_COUNTRIES.has(gaz.country(r.chosen)));
  resolved.forEach((r, k) => {
    if (!isGulf(r)) return;
    const p = prefix(k);
    if (p === 'us' || (p === null && !persian)) resolved[k] = { ...r, chosen: mexico.index };
  });
  return mexico.index;
}

/** The countries on the Persian Gulf (the region list's own). */
const PERSIAN_GULF_COUNTRIES = new Set(REGIONS.find((r) => r.name === 'Persian Gulf')?.countries ?? []);

/** Whether entry i is the United States or a place in it. */
function inUs(gaz: Gazetteer, i: number): boolean {
  return i >= 0 && gaz.country(i) === 'US';
}

const POSSESSIVE_GAP = /^['’]s\s+$/;

/** Each span right after the possessive of a place of this kind (`Iran's Kharg`, `Cairo's Abbasiya`): its index, the owner, the span. */
function* afterPossessive(
  gaz: Gazetteer,
  text: string,
  resolved: readonly ResolvedSpan[],
  kind: 'country' | 'city',
): Generator<[number, ResolvedSpan, ResolvedSpan]> {
  for (let k = 1; k < resolved.length; k++) {
    const r = resolved[k] as ResolvedSpan;
    const owner = resolved[k - 1] as ResolvedSpan;
    if (owner.chosen >= 0 && gaz.kind(owner.chosen) === kind && POSSESSIVE_GAP.test(text.slice(owner.end, r.start))) yield [k, owner, r];
  }
}

/**
 * `Iran's Kharg island`, `Britain's Halifax`: a name after a country's possessive lies in that
 * country. Its best candidate there wins; when it has none, a name of lesser towns only (none a
 * country, division or region, none well known) is a place there the gazetteer lacks (an island, an oil field, a port) and
 * stands for the country, not for a namesake village abroad. Returns the countries that now stand for
 * such names (updates `resolved` in place).
 */
function withinOwnerCountry(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): Set<number> {
  const owners = new Set<number>();
  for (const [k, owner, r] of afterPossessive(gaz, text, resolved, 'country')) {
    // A sea or region read as such stays one (`America's New England`, `Britain's North Sea`).
    const kind = r.chosen >= 0 ? gaz.kind(r.chosen) : '';
    if (kind === 'region' || kind === 'continent') continue;
    const cc = gaz.country(owner.chosen);
    const inside = r.ranked.find((c) => gaz.country(c.index) === cc) ?? r.candidates.find((c) => gaz.country(c.index) === cc);
    if (inside) {
      resolved[k] = { ...r, chosen: inside.index, narrowed: true };
      continue;
    }
    // A famous town keeps its name (`Chad's Paris embassy`).
    if (r.chosen < 0 || isWellKnown(gaz, r.candidates)) continue;
    owners.add(owner.chosen);
    resolved[k] = { ...r, chosen: owner.chosen, narrowed: true };
  }
  return owners;
}

/** A name that reads only as a city of 100,000+ (no country or division of the name). */
function isCityOnly(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return !isKindStrong(gaz, cands) && maxPop(gaz, cands) >= 100_000;
}

/**
 * `Giza's Haram district`, `Cairo's Abbasiya neighbourhood`: a name after a town's possessive lies in
 * that town. Its own candidate near the town wins; when it has none (a quarter the gazetteer lacks,
 * its name borne by villages far away) it stands for the town itself. Names of countries and
 * divisions keep their reading (`Texas's Harris County` is no quarter of a town). Returns the towns
 * that now stand for such names (updates `resolved` in place).
 */
function withinOwnerTown(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): Set<number> {
  const owners = new Set<number>();
  for (const [k, owner, r] of afterPossessive(gaz, text, resolved, 'city')) {
    if (isKindStrong(gaz, r.candidates)) continue;
    const town: Candidate[] = [{ index: owner.chosen, primary: true, viaSkeleton: false }];
    const near = r.ranked.find((c) => closestKm(gaz, [c], town) <= OWNER_TOWN_KM);
    // A famous town keeps its name (`Morgan Guaranty Trust Co of New York's London office`).
    if (!near && isWellKnown(gaz, r.candidates)) continue;
    const chosen = near ? near.index : owner.chosen;
    if (!near) owners.add(owner.chosen);
    resolved[k] = { ...r, chosen, narrowed: true };
  }
  return owners;
}

/** How far a quarter may lie from the town it belongs to. */
const OWNER_TOWN_KM = 50;

const LIST_GAP = /^\s*(,\s*(and\s+|or\s+)?|\s(and|or)\s+)$/;

/**
 * The span that may say where span k lies: the next one, or past a list of names the one after
 * `in` (`London and Paris in Ontario`: Ontario for London too).
 */
function containerAfter(text: string, spans: readonly FoundSpan[], k: number): FoundSpan | undefined {
  const s = spans[k] as FoundSpan;
  const next = spans[k + 1];
  if (!next || !LIST_GAP.test(text.slice(s.end, next.start))) return next;
  for (let j = k + 2; j < spans.length && j <= k + 6; j++) {
    const prev = spans[j - 1] as FoundSpan;
    const gap = text.slice(prev.end, (spans[j] as FoundSpan).start);
    if (LIST_GAP.test(gap)) continue;
    return IN_CONTAINER_GAP.test(gap) ? spans[j] : next;
  }
  return next;
}

/**
 * A name in a list of first-level divisions is one too: `Oregon, Utah, Washington and Wisconsin` are
 * four states, not three and the capital. Applies when a listed neighbour reads as a division on its
 * own and the name has a division among its candidates.
 */
function inListOfDivisions(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], k: number, base: ResolveContext): FoundSpan {
  const s = spans[k] as FoundSpan;
  const listedCountry = inListOfCountries(gaz, text, spans, k, base);
  if (listedCountry) return listedCountry;
  const divisions = s.candidates.filter((c) => c.primary && gaz.kind(c.index) === 'admin1');
  if (divisions.length === 0 || divisions.length === s.candidates.length) return s;
  // A neighbour in the list that reads as a division on its own, and this name's divisions in its
  // country (`WA and Portland` lists no Jamaican parish).
  const listedWith = (n: FoundSpan | undefined, gap: string): Candidate[] => {
    if (!n || !LIST_GAP.test(gap)) return [];
    const top = rankCandidates(gaz, n.candidates, base)[0];
    if (!top || gaz.kind(top.index) !== 'admin1') return [];
    return divisions.filter((c) => gaz.country(c.index) === gaz.country(top.index));
  };
  const prev = spans[k - 1];
  const next = spans[k + 1];
  const listedBefore = prev ? listedWith(prev, text.slice(prev.end, s.start)) : [];
  // `Santa Ana, California`: a town of the name inside the next division is a town and its state;
  // not inside a list of states (`Virginia, Washington, West Virginia and Wyoming`).
  // ...nor when the list goes on past that division (`in Washington, Pennsylvania and California`).
  const afterNext = spans[k + 2];
  const goesOn = !!next && !!afterNext && listedWith(afterNext, text.slice(next.end, afterNext.start)).length > 0;
  const townState = listedBefore.length === 0 && !goesOn && !!next && /^,\s?$/.test(text.slice(s.end, next.start));
  const nextDivisions = new Set(next && townState ? next.candidates.filter((c) => gaz.kind(c.index) === 'admin1').map((c) => c.index) : []);
  if (s.candidates.some((c) => c.primary && gaz.kind(c.index) === 'city' && nextDivisions.has(gaz.admin1[c.index] ?? -1))) return s;
  const listed = listedBefore.length > 0 ? listedBefore : next ? listedWith(next, text.slice(s.end, next.start)) : [];
  return listed.length > 0 ? { ...s, candidates: listed } : s;
}

/**
 * A name in a list of countries is the country of the name (`Mali, Niger, and Senegal` is no
 * Nigerian state, even in a story about Nigeria): when a listed neighbour reads as a country on its own.
 */
function inListOfCountries(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], k: number, base: ResolveContext): FoundSpan | null {
  const s = spans[k] as FoundSpan;
  const countries = s.candidates.filter((c) => c.primary && gaz.kind(c.index) === 'country');
  if (countries.length === 0 || countries.length === s.candidates.length) return null;
  const listedCountry = (n: FoundSpan | undefined, gap: string): boolean => {
    if (!n || !LIST_GAP.test(gap)) return false;
    const top = rankCandidates(gaz, n.candidates, base)[0];
    return !!top && gaz.kind(top.index) === 'country';
  };
  const prev = spans[k - 1];
  const next = spans[k + 1];
  // `Georgia, Russia`: a neighbour written as `X, Y` may be a division and its country; only a list
  // of three or more, or one joined by `and`/`or`, says so.
  const gapBefore = prev ? text.slice(prev.end, s.start) : '';
  const gapAfter = next ? text.slice(s.end, next.start) : '';
  const both = listedCountry(prev, gapBefore) && listedCountry(next, gapAfter);
  const joined =
    (listedCountry(prev, gapBefore) && /\b(and|or)\s+$/.test(gapBefore)) ||
    (listedCountry(next, gapAfter) && /\b(and|or)\s+$/.test(gapAfter));
  return both || joined ? { ...s, candidates: countries } : null;
}

/**
 * The entry a story's dateline names, in the context of its body's places, or -1. A dateline names
 * where the reporter filed from, a town: a town of the name wins over a division or country of it
 * (`WASHINGTON` is the capital, `NEW YORK` the city).
 */
export function resolveDateline(gaz: Gazetteer, name: string, doc: DocumentContext, body: readonly ResolvedSpan[] = []): number {
  // `SPRINGFIELD, Va.`: the town, among those of the state, province or country after it.
  const { town, qualifier } = splitDateline(name);
  const cands = withinQualifier(gaz, datelineCandidates(gaz, town), qualifier);
  if (cands.length <= 1) return cands[0]?.index ?? -1;
  // A dateline without its state that names a national capital is the capital (`WASHINGTON` over a
  // story of SEC filings by `Far Hills, N.J.` investors is no Washington, New Jersey): the wires
  // qualify a lesser town's dateline. Unless the body itself names the town with its state, or a
  // bigger town bears the name too (`SAN JOSE` alone is California's as often as Costa Rica's).
  // (A capital bearing the name itself: `PHILADELPHIA` is no Amman, `SALVADOR` no San Salvador.)
  const capital = qualifier === null ? cands.find((c) => c.primary && gaz.fcode(c.index) === 'PPLC') : undefined;
  if (capital && cands.every((c) => (gaz.pop[c.index] ?? 0) <= (gaz.pop[capital.index] ?? 0))) {
    const key = foldName(town);
    const named = body.find((r) => r.narrowed && r.chosen >= 0 && foldName(r.name) === key && cands.some((c) => c.index === r.chosen));
    return named ? named.chosen : capital.index;
  }
  return rankCandidates(gaz, cands, contextFor(doc, town))[0]?.index ?? -1;
}

/** Candidates of dateline names, memoised: a wire's datelines repeat (`NEW YORK`, `LONDON`) story after story. */
const datelineMemo = new WeakMap<Gazetteer, Map<string, Candidate[]>>();

function datelineCandidates(gaz: Gazetteer, name: string): Candidate[] {
  let memo = datelineMemo.get(gaz);
  if (!memo) datelineMemo.set(gaz, (memo = new Map<string, Candidate[]>()));
  const hit = memo.get(name);
  if (hit) return hit;
  const cands = queryCandidates(gaz, name).candidates;
  const towns = cands.filter((c) => gaz.kind(c.index) === 'city');
  const out = towns.length > 0 ? towns : cands;
  // Bounded: a feed of odd datelines must not grow it without end.
  if (memo.size >= 2_000) memo.clear();
  memo.set(name, out);
  return out;
}

function toMention(gaz: Gazetteer, name: string, start: number, end: number, i: number): PlaceMention {
  if (i < 0) return { name, start, end, geonameId: null, countryCode: null, lat: null, lon: null };
  const p = gaz.place(i);
  return { name, start, end, geonameId: p.id, countryCode: p.countryCode || null, lat: p.lat, lon: p.lon };
}

/**
 * First-level divisions named by a common word (`Delta`, `Plateau`, `Lakes`, `Centre`, `Littoral`):
 * alone, the word is more often a rocket, a car or a product line (`a Delta rocket`, `the VME Delta
 * Series`, `the Danube Delta`) than Nigeria's state. (Words the news uses even more, `Central`,
 * `Northern`, `Capital`, are never places on their own: see STOP.)
 */
const WORD_DIVISIONS = new Set(['delta', 'plateau', 'plateaux', 'lakes', 'savanes', 'centre', 'littoral', 'maritime', 'lagunes']);

/** Such a division is one only in a story of its country: another of the story's places, or its dateline, is there. */
function withoutStrayWordDivisions(gaz: Gazetteer, mentions: readonly PlaceMention[], datelineCountry: string | null): PlaceMention[] {
  const stray = (m: PlaceMention): boolean =>
    m.geonameId !== null && WORD_DIVISIONS.has(foldName(m.name)) && gaz.kind(gaz.indexOfId(m.geonameId)) === 'admin1';
  const countries = new Set(mentions.filter((m) => !stray(m) && m.countryCode !== null).map((m) => m.countryCode));
  if (datelineCountry) countries.add(datelineCountry);
  return mentions.filter((m) => !stray(m) || countries.has(m.countryCode));
}

/** Recognise and resolve: what ingest stores for each story (the dateline's place first, when given). */
export function findPlaceMentions(gaz: Gazetteer, text: string, base: ResolveContext, dateline?: string | null): PlaceMention[] {
  const spans = recognizeSpans(gaz, text);
  const ctx = documentContext(gaz, spans, base);
  const resolved = resolveSpans(gaz, text, spans, ctx);
  const name = dateline?.trim();
  const i = name ? resolveDateline(gaz, name, ctx, resolved) : -1;
  const townKey = name ? foldName(splitDateline(name).town) : '';
  const found = withoutStrayWordDivisions(
    gaz,
    (i >= 0 ? resolved.map((r) => ({ ...r, chosen: datelineTown(gaz, r, townKey, i) ?? datelineHome(gaz, r, i) })) : resolved).map((r) =>
      toMention(gaz, r.name, r.start, r.end, r.chosen),
    ),
    i >= 0 ? gaz.place(i).countryCode || null : null,
  );
  const mentions = [...found, ...containedPlaces(gaz, text, found)].sort((a, b) => a.start - b.start);
  if (!name || i < 0) return mentions;
  return [{ ...toMention(gaz, name, DATELINE_SPAN.start, DATELINE_SPAN.end, i), dateline: true }, ...mentions];
}

/**
 * The body's mentions of the dateline's own town (entry i, folded name `townKey`) are that town (`SAN
 * JOSE, Calif.` and `its San Jose National Bank subsidiary`): one place per name and story, the dateline included.
 */
function datelineTown(gaz: Gazetteer, r: ResolvedSpan, townKey: string, i: number): number | undefined {
  // (Only where the body read a town without its state: `Madison, Wis.` under MADISON, Ind. is another
  // town, and `New York state` or `the Quebec government` are the divisions.)
  if (gaz.kind(i) !== 'city' || r.chosen === i || r.narrowed || r.chosen < 0 || gaz.kind(r.chosen) !== 'city') return undefined;
  if (foldName(r.name) !== townKey) return undefined;
  return r.candidates.some((c) => c.index === i) ? i : undefined;
}

/**
 * A name that can be the state (or province) or the country the story was filed from is that one: a
 * story datelined ATLANTA means the US state by `Georgia`, one from TBILISI the country. Only between
 * divisions and countries (a town keeps the reading the body gave it).
 */
function datelineHome(gaz: Gazetteer, r: ResolvedSpan, dateline: number): number {
  if (r.chosen < 0 || gaz.kind(r.chosen) === 'city') return r.chosen;
  const homes = [gaz.place(dateline).admin1Index, gaz.countryIndex(gaz.country(dateline))];
  if (homes.includes(r.chosen)) return r.chosen;
  const home = r.candidates.find((c) => homes.includes(c.index) && gaz.kind(c.index) !== 'city');
  return home ? home.index : r.chosen;
}

export type { Ranked };
