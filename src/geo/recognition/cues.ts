/**
 * The words around a name that say what it is, as recognition reads them: a place (`in Tyler`, `the
 * village of Ranya`, `, Virginia`), a person (titles, first names, `said`), a firm (`Inc`, `and Co`), an
 * institution or a street; the word lists and patterns, with the small tests built on them.
 */
import { foldName } from '../fold.js';
import type { Gazetteer } from '../gazetteer.js';
import { firstNames } from '../first-names.js';
import { exactCandidates, type Candidate } from '../resolve.js';
import type { Token } from './spans.js';
import { joinable } from './tokens.js';
import { isFamousCity, isWellKnown, isWidelyNamedTown, liesIn, namesPlace, namesPlaceKey } from './candidate-kinds.js';

/** Lower-case words allowed inside a place name (`Deir al-Zour`, `Stratford upon Avon`, `Rio de Janeiro`). */
export const CONNECTORS = new Set([
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
export const CAPS_OK = new Set(['us', 'uk', 'usa', 'uae', 'nsw', 'drc', 'act', 'ny', 'nyc']);

/** Aliases that are also English words: places only when written in capitals (`ACT`, not `the Act`). */
export const CAPS_ONLY = new Set(['act', 'ny', 'nyc']);

/** Capitalised function words: before a name they say nothing about it (`In Paris`, `The Hague`). */
export const FUNCTION_WORDS = new Set(
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
export const MODIFIERS = new Set(
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

export const FIRST_NAMES = new Set(
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

export const PERSON_BEFORE = new Set([...TITLES.split(' '), ...FIRST_NAMES]);

/** Titles that a person's full name follows (`Minister Andreas Papandreou`); not a saint's or a king's, whose names are places too. */
export const NAME_TITLES = new Set(
  TITLES.split(' ').filter((w) => !/^(saint|father|brother|sister|king|queen|prince|princess|officer|spokesman|spokeswoman)$/.test(w)),
);

export const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);

/** Words that say when in a year (`Early 1989`, `Mid 1987`): with the year after them, no place. */
export const PART_OF_YEAR = new Set(['early', 'late', 'mid']);

/** A title or an initial with its dot, one space before a name (`Mr. Baker`, `R. T. Lim`, `Gov. Perry`). */
export const DOTTED_PERSON_BEFORE = /^(\p{Lu}|mr|mrs|ms|dr|sen|gov|rep|gen|col|lt|sgt|capt|cpl|const|prof|rev)\.$/iu;

/** Particles between a first name and a surname (`Michael de Jong`, `Ludwig van Beethoven`, `Hassan el Bushra`). */
export const SURNAME_PARTICLE_AFTER = /^\s+(de|da|do|dos|das|di|du|del|della|van|von|der|den|le|la|bin|ibn|ben|el|al)\s+\p{Lu}/u;

/** A first name and a surname's particle before a name (`Ronnie de Mel`, `Ludwig van Beethoven`). */
export const SURNAME_PARTICLE_BEFORE = /\b(\p{Lu}\p{Ll}+)\s+(de|da|do|dos|das|di|du|del|della|van|von|der|den|le|la|bin|ibn|ben)\s+$/u;

/** A word of kin before a name (`his wife Nancy`, `her son Jordan`). */
export const KIN_BEFORE =
  /\b(wife|husband|son|daughter|sons|daughters|brother|sister|mother|father|widow|niece|nephew|grandson|granddaughter|fiancee?|girlfriend|boyfriend)\s+$/i;

/** Capitalised words after a place that name an institution of it: `Kentucky State Police`, `Montreal Mayor`. */
export const INSTITUTION_AFTER = new Set(
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
export const TOWN_OFFICE_AFTER =
  /^\s+((Superior|District|Crown|County|Municipal|Circuit|Magistrates['’]?|Provincial|Family|Juvenile) Court|((Vice|Deputy)[- ])?Mayor|City Council|Town Council|City Hall|Town Hall|Village Hall|(Town|Village) Board|Board of (Education|Finance|Selectmen|Aldermen|Supervisors)|Planning (Board|Commission)|Chamber of Commerce|Public Library|Historical Society|(Volunteer )?Fire (Department|Station|Chief|Company)|Police (Department|Service|Chief)|OPP|RCMP)\b/u;

/**
 * The people of a town, after its name: `Roselle police ticketed`, `Torrington firefighters`, `Winona
 * residents` (not `Alcoa officials`, `Boeing officers`: a firm's people).
 */
export const TOWN_PEOPLE_AFTER = /^\s+(police|firefighters|residents|natives|voters|councillors)\b/u;

/** An event after the name of the town that holds it, within three words (`International Film Festival`). */
const EVENT_AFTER =
  /^(\s+\p{Lu}[\p{L}'’-]*){0,3}?\s+(Festival|Summit|Grand Prix|Biennale|Marathon|Olympics|Games|Accords?|Protocol|Conference)\b/u;

/**
 * An event held in a town the world names in many languages is named after it (`Venice International
 * Film Festival`, `Cannes Grand Prix`, `Venice Economic Summit`): the name is a place, and one of
 * those towns (not Venice, Los Angeles, in a story about Washington's trade policy). Null when no
 * such event follows.
 */
export function hostTownsOfEvent(gaz: Gazetteer, text: string, end: number, cands: readonly Candidate[]): Candidate[] | null {
  if (!EVENT_AFTER.test(text.slice(end, end + 60))) return null;
  const hosts = cands.filter((c) => c.primary && isWidelyNamedTown(gaz, c.index));
  return hosts.length > 0 ? hosts : null;
}

/** Nouns that end an institution's name when `for` or `of` follows (`Center for Computer Security`). */
export const INSTITUTION_NOUN = /^(Center|Centre|Institute|Foundation|Society|Hall|Museum|Library|School|College|Academy)$/;

/** An office of a city after its `City`: `Dublin City Council`, `City Manager`, `City Hall`. */
export const CITY_OFFICE = /^\s+(Council|Manager|Hall|Commission|Attorney|Clerk|Schools)\b/u;

/** Capitalised words after a name that make it a newspaper or company (`Los Angeles Times`, `British Airways`). */
export const MEDIA_AFTER = new Set(
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
export const CLUB_BEFORE = new Set(
  'real atletico atlético athletic deportivo sporting racing dynamo dinamo olympique olympiacos borussia inter ac fc radio virgin'.split(
    ' ',
  ),
);

export const CLUB_AFTER = new Set('united rovers wanderers hotspur albion'.split(' '));

/**
 * Capitalised words after a name that make it the name of a university, a school, a zoo or a daily
 * paper (`Michigan State University`, `Tehran University`, `Box Elder School District`, `Auckland
 * Zoo`): named after the place, not about it; and after a possessive, a hospital or a church named
 * after a saint (`St. Paul's Hospital`, `St. Mark's Cathedral`).
 */
export const NAMESAKE_AFTER =
  /^((['’]s)?\s+(State\s+)?(University|School|School\s+District|Zoo|Daily\s+News)|['’]s\s+(Hospital|Church|Cathedral|Chapel|Abbey|College))\b/u;

/**
 * A saint's name and its possessive before a capitalised word names what bears the saint's name (`St.
 * Peter's Square`, `St. Mark's Coptic Orthodox Cathedral`, `St. Patrick's Day`), not the town or
 * parish called after the saint (Saint Peter, Minnesota; Saint Mark Parish, Grenada).
 */
export const SAINT_NAME = /^(st|ste|saint|sainte)\.?\s/i;

export const POSSESSIVE_BEFORE_NAME = /^['’]s\s+\p{Lu}/u;

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
export function nameGoesOn(text: string, tokens: readonly Token[], j: number): number {
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
export function townOfContainerAfter(gaz: Gazetteer, after: string, cands: readonly Candidate[]): boolean {
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

/** A name made of compass words only (`Far North`, `North West`, `Western`). */
export const DIRECTIONS_RE =
  /^(far |mid )?(north|south|east|west|northern|southern|eastern|western|central|upper|lower)( ?(east|west|eastern|western))?$/;

/** Lower-case words after a name that make it a virus, a disease or a strain (`Marburg virus`, `Reston ebolavirus`). */
export const DISEASE_AFTER = /^\s+(virus|viruses|ebolavirus|fever|haemorrhagic|hemorrhagic|strain)\b/i;

/** An age before a name (`Nine-year-old Georgia Stevens`, `the 22-year-old Paris`): a person follows. */
export const AGE_BEFORE = /\b(\d+|[a-z]+(-[a-z]+)?)[-‐ ]years?[-‐ ]old\s+$/i;

/** A capitalised word after a first name that reads as a surname: no country, division or big town of that name. */
export function isSurname(gaz: Gazetteer, t: Token): boolean {
  return !namesPlaceKey(gaz, foldName(t.text.replace(/\.$/, '')));
}

/**
 * Capitalised words that carry on a place's or an institution's name rather than a person's
 * (`Sydney Harbour`, `Denver International Airport`, `Madison Square Garden`): no surname.
 */
export const NAME_PART_WORDS = new Set(
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
export function isSurnameAfterFirstName(gaz: Gazetteer, t: Token, isLowerWord: (word: string) => boolean): boolean {
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
export function isFirstNameWord(gaz: Gazetteer, t: Token, isLowerWord: (word: string) => boolean, notPlace = true): boolean {
  const word = t.text.toLowerCase();
  if (t.text.endsWith('.') || !firstNames().has(word)) return false;
  if (STOP.has(word) || FUNCTION_WORDS.has(word) || MODIFIERS.has(word) || CONNECTORS.has(word) || isLowerWord(word)) return false;
  return !notPlace || !namesPlace(gaz, t);
}

/** A capitalised word and `and` or `&` before a name (`Wagner and Brown`). */
export const PARTNER_BEFORE = /(\p{Lu}[\p{L}'’-]+)\s+(?:and|&)\s+$/u;

/** A word of nearness that puts a firm's namesake town on the map (`near Kinross`, unlike `via Drexel`). */
export const FIRM_TOWN_PLACED_BEFORE = /\b(near|outside|around)\s+$/i;

/** Words that end a firm's name (`Drexel Burnham Lambert Inc`, `Peabody Holding Co`). */
export const FIRM_END =
  /^(inc|corp|corporation|co|cos|ltd|llc|plc|lp|ag|sa|nv|bv|gmbh|spa|holding|holdings|group|bancorp|securities|associates)$/;

/**
 * Whether the capitalised words after a name run on to a firm's ending within four words (`Drexel
 * Burnham Lambert Inc`, wrapped or not): the name is the firm's, here and alone later in the story.
 */
export function startsFirmName(text: string, tokens: readonly Token[], j: number): boolean {
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
export function isAcronymOfNameBefore(text: string, start: number, end: number): boolean {
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
export function firmPhrase(a: Token, b: Token): string {
  return `${foldName(a.text)} ${foldName(b.text.replace(/\.$/, ''))}`;
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
export function keepsPlace(gaz: Gazetteer, text: string, start: number, cands: readonly Candidate[]): boolean {
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
export const FIRM_AFTER =
  /^(\s+and\s+\p{Lu}[\p{L}'’-]*)?(['’]s)?\s+(stakes?|shares|stock|stockholders|shareholders|subsidiary|subsidiaries|management|directors|board|offer|bid|takeover|merger|spokesman|spokeswoman|common)\b|^['’]s\s+(revenues?|earnings|profits?|sales|chairman|president|decision|unit|stake|offer|bid|shares)\b/u;

/**
 * A list of names after it that ends in a firm's ending: the name opens a partnership's (`Brown,
 * Baldwin, Nisker Ltd`, `Bear, Stearns and Co`, `Smith, Barney, Harris Upham and Co`).
 */
export const FIRM_LIST_AFTER =
  /^(\s*,\s*(and\s+)?\p{Lu}[\p{L}'’-]*(\s+\p{Lu}[\p{L}'’-]*)?){1,3}\s*,?\s+((and|&)\s+(\p{Lu}[\p{L}'’-]*\s+)?)?(Inc|Corp|Co|Ltd|LLC|Plc|PLC|Group|Holdings|Associates|Partners)\b/u;

/** A verb of business after a name: a firm or a person acts (`Bally agreed to buy`, `Hutton is offering`), a small place seldom does. */
export const FIRM_VERB_AFTER =
  /^(\s+(and|&)\s+\p{Lu}[\p{L}'’-]*)?\s+((has|had|is|was)\s+)?(agreed|agrees|offered|offering|offers|bought|buys|acquired|acquires|sold|sells|owns|plans|announced|posted|earned|rejected|launched|wants|invented)\b/u;

/** A title, then one or two capitalised words, before a name: it ends a person's name (`President Leon Febres Cordero`). */
export const TITLED_NAME_BEFORE =
  /\b(Mr|Mrs|Ms|Dr|Sir|President|Minister|Ambassador|Governor|Premier|Chancellor|Senator|Sheikh|Emir|General|Gen)\.?\s+(\p{Lu}[\p{L}'’-]+\.?\s+){1,2}$/u;

/** Reporting verbs around a surname: `Hartl said`, `said Clifford`. */
// (Not after a comma: `the member of parliament for Isiolo, said` closes an appositive.)
export const SPEECH_AFTER = /^(['’]s)?(\s+(said|says|told|added|explained|stated|commented|noted|wrote|argued|insisted)|,?\s+who)\b/;

/** ...a reporting verb only (a name of several words before `, who` may be a place: `on the Sunshine Coast, who`). */
export const SPEECH_VERB_AFTER = /^(['’]s)?\s+(said|says|told|added|explained|stated|commented|noted|wrote|argued|insisted)\b/;

export const SPEECH_BEFORE = /\b(said|says|told)\s+$/;

/** Words before a small town that say "place" (`in Tyler`, `near Dugway`, `the port of Foynes`, `fired on Qamishli`). */
const STRONG_CUES = String.raw`\b(in|at|near|into|outside|across|around|toward|towards|between|via|through|from|downtown|suburban|town|city|village|villages|towns|cities|county|province|state|(near|next) to)|\b(town|city|village|county|province|district|region|island|municipality|port|suburbs?|outside|outskirts|areas?|residents|people|mayor|streets|coast|shores|enclave|north|south|east|west|northeast|northwest|southeast|southwest)\s+of|\b(attacks?|assaults?|advanced?|marched|raids?|strikes?|fired|shelling|offensive|closing in) on`;

/** ...and those of a list or a heading, which say nothing of a village (`Foua and Kfraya`, but `Volkswagen and Ford`). */
const LIST_CUES = String.raw`\b(and|or)|[;:(]|^|\n[ \t]*\n`;

/** What may stand between the cue and the name: `in the northern`, `across rural`. */
const CUE_TAIL = String.raw`\s*(the\s+)?((north|south)?(east|west)?(ern)?\s+|(north|south)(ern)?\s+|central\s+|rural\s+)?$`;

export const LOCATIVE_BEFORE = new RegExp(`(${STRONG_CUES}|${LIST_CUES})${CUE_TAIL}`, 'i');

export const STRONG_LOCATIVE_BEFORE = new RegExp(`(${STRONG_CUES})${CUE_TAIL}`, 'i');

/**
 * A comma before a small town is a cue only when the name is an item of a list or an appositive that
 * ends there (`in Haris, Tyler and Boston`, `near Tarbes, Lourdes.`), not the subject of a clause after
 * an opening phrase (`Under a February 21 deal, Bally agreed`). A line break is a cue only at a
 * paragraph's start: news wires wrap their lines anywhere (`the sale of\nthe Fairchild stake`).
 */
export const COMMA_BEFORE = /,\s*(the\s+)?$/;

export const ITEM_AFTER = /^(\s*[,;:.)!?]|\s+(and|or)\s|[ \t]*\n|[ \t]{2,}|\s*$)/;

/** People a village has at most: below, a name needs a strong cue of place (see acceptSpan). */
export const VILLAGE_POP = 2_000;

/** Words after a town's name that make it a place: its people, offices and parts (`Dadaab camps`, `a Dugway spokesperson`). */
const PLACE_NOUNS = String.raw`areas?|districts?|regions?|county|province|city|town|villages?|camps?|slums?|suburbs?|neighbou?rhoods?|townships?|residents?|natives?|police|spokesperson|hospital|airport|prison|jail|market|dam`;

/** After a small town: its state or country (`Paris, Texas`), a list, or a place noun (`Kibera slum`). */
export const LOCATIVE_AFTER = new RegExp(
  String.raw`^(,\s*\p{Lu}|\s+(${PLACE_NOUNS}|woman|man|spokesman|spokeswoman)\b|\s*[,;:)]?\s*$)`,
  'u',
);

/** After a village: a place noun, or `based` (`from Irwindale based Ready Pac`). */
export const VILLAGE_NOUN_AFTER = new RegExp(String.raw`^\s+(${PLACE_NOUNS}|based)\b`, 'u');

/** Whether one or two capitalised words name a place by its own name (of `minPop` people at least). */
function ownPlaceName(gaz: Gazetteer, first: string, second: string | undefined, minPop = 0): boolean {
  const own = (key: string): boolean => exactCandidates(gaz, key).some((c) => c.primary && (gaz.pop[c.index] ?? 0) >= minPop);
  const key = foldName(first);
  return own(key) || (!!second && own(`${key} ${foldName(second.trim())}`));
}

/** A comma, then a place by its own name: a list of places or the village's state (`Innisfail, Red Deer`). */
export function placeAfterComma(gaz: Gazetteer, after: string): boolean {
  const m = /^,\s*(\p{Lu}[\p{L}'’-]*)(\s+\p{Lu}[\p{L}'’-]*)?/u.exec(after);
  if (!m) return false;
  return ownPlaceName(gaz, m[1] ?? '', m[2], VILLAGE_POP) || namesPlaceKey(gaz, foldName(m[1] ?? ''));
}

/** `and` or `or`, then the first one or two capitalised words of the next name. */
export const JOINED_NAME_AFTER = /^\s+(and|or)\s+(\p{Lu}[\p{L}'’-]*)(\s+\p{Lu}[\p{L}'’-]*)?/u;

/**
 * A list of places after a small town (`Foua and Kfraya`, `Tyler or New Boston`) is a cue only when the
 * next name is a place by its own name: a partner's name (`Wagner and Brown`, `Harper and Row`) is not.
 */
export function placeJoinedAfter(gaz: Gazetteer, after: string): boolean {
  const m = JOINED_NAME_AFTER.exec(after);
  if (!m) return false;
  // (`the Etoumbi and Mbomo districts`: a plural place noun after the list names both.)
  if (/^\s+(districts|villages|towns|areas|regions|provinces|counties|camps|suburbs|cities|islands)\b/i.test(after.slice(m[0].length)))
    return true;
  return ownPlaceName(gaz, m[2] ?? '', m[3]);
}

/** A preposition of place and the first names of a list before a name: `peasants in Wello, Tigre and ...`. */
export const LIST_IN_PLACE_BEFORE = /\b(in|near|from|across|throughout)\s+\p{Lu}[\p{L}'’-]*(\s*,\s*\p{Lu}[\p{L}'’-]*)*\s*,\s*$/u;

/** One word of a list of names (`Weiss`, `O'Melveny`), and what joins the list's words. */
const LIST_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
const LIST_JOIN = String.raw`(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)`;
const LIST_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'’.-])((?:${LIST_WORD}${LIST_JOIN})+)$`, 'u');
/** (Each word after the name stands alone: `and Sons Inc` or `and Democratic Sens.` is no word of the list.) */
const LIST_AFTER = new RegExp(String.raw`^(?:${LIST_JOIN}${LIST_WORD}(?![\p{L}'’-]|\s+\p{Lu}))+`, 'u');

/** What places a list of names on the map (`in Wello, Tigre and Hararghe`, `four villages: Kampungu, ...`). */
const LIST_PLACED_BEFORE =
  /(\b(in|at|near|from|to|into|across|throughout|between|around|via|through|outside|and)|\b(towns?|cit(y|ies)|villages?|communit(y|ies)|count(y|ies)|provinces?|districts?|regions?|areas?|states?|ports?|cent(er|re)s?|islands?)(\s+of|:))\s*$/i;

/** A plural place noun right after a list of names (`the Etoumbi and Mbomo districts`). */
const LIST_PLACED_AFTER =
  /^\s+(districts|provinces|counties|villages|towns|cities|regions|states|areas|municipalities|governorates|prefectures|islands)\b/i;

/**
 * `Paul, Weiss, Rifkind, Wharton and Garrison`, `Donaldson, Lufkin and Jenrette`, `Chapmann and
 * Graham`: a name in a list of single names joined by commas and a last `and`, where another name of
 * the list is no place's at all, is a partner of a firm (or a person of a list), unless a preposition
 * or a place noun before the list places it (`in Wellsville, Amity and Scio`).
 */
export function inListOfPartners(gaz: Gazetteer, text: string, start: number, end: number): boolean {
  const before = LIST_BEFORE.exec(text.slice(Math.max(0, start - 120), start))?.[1] ?? '';
  const after = LIST_AFTER.exec(text.slice(end, end + 120))?.[0] ?? '';
  if (!before && !after) return false;
  const joins = (before + ' X ' + after).match(/\s(?:and|&)\s/g) ?? [];
  // One `and`, the last join: a list, not two names each with its partner.
  if (joins.length !== 1 || !/(?:\s(?:and|&)\s+)\p{Lu}[\p{L}'’-]*$/u.test(before + 'X' + after)) return false;
  const listStart = start - before.length;
  const lead = text.slice(Math.max(0, listStart - 16), listStart);
  // (A first word that ends a longer name, `James Baker and Shultz`, is no single name.)
  // (Nor after a particle inside one: `Ceamurlia de Jos, Maliuc and Caraorman`.)
  if (
    LIST_PLACED_BEFORE.test(lead) ||
    /(\p{Lu}[\p{L}'’.-]*|\b(de|da|do|du|des|del|della|di|la|le|el|al|van|von|der|den))[ \t\n]+$/u.test(lead)
  )
    return false;
  // `the Etoumbi and Mbomo districts`: a plural place noun after the list places it too.
  if (LIST_PLACED_AFTER.test(text.slice(end + after.length, end + after.length + 20))) return false;
  const others = [...(before + after).matchAll(/\p{Lu}[\p{L}'’-]*/gu)].map((m) => m[0]);
  return others.some((w) => w.length > 1 && exactCandidates(gaz, foldName(w)).length === 0 && !STOP.has(foldName(w)));
}

/** Whether `and` and a partner's name follow a name: one no place bears as its own. */
export function partnerAfter(gaz: Gazetteer, after: string): boolean {
  const m = JOINED_NAME_AFTER.exec(after);
  if (!m || m[1] !== 'and') return false;
  return !placeJoinedAfter(gaz, after) && !m[3] && !/^\s*(,|\s(and|or)\s)/.test(after.slice(m[0].length));
}

/** A preposition of place or a place noun before a name: the strongest cue (not `and`, not a comma). */
export const PLACED_BEFORE =
  /\b(in|at|near|into|outside|around|toward|towards|via|through|(near|next) to|(town|city|village|county|province|district|region|municipality|suburb) of)\s+$/i;

/**
 * A place noun that names what follows (`the village of Ranya`, and each name of a list after a plural
 * one: `the towns of Haris and Varzaqan`) or what precedes (`Puge county`).
 */
export const PLACE_NOUN_OF =
  /\b([Tt]owns?|[Cc]ity|[Cc]ities|[Vv]illages?|[Cc]ount(y|ies)|[Pp]rovinces?|[Dd]istricts?|[Rr]egions?|[Mm]unicipalit(y|ies)|[Ss]uburbs?|[Tt]ownships?|[Gg]overnorates?) of\s+(\p{Lu}[\p{L}'’-]*(\s+\p{Lu}[\p{L}'’-]*)?(\s*,|\s*,?\s+and|\s*,?\s+or)\s+){0,4}$/u;

export const PLACE_NOUN_AFTER = /^\s+(county|district|province|village|town|neighbou?rhood|township|governorate|prefecture)\b/i;

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
export function isPersonOfTown(before: string): boolean {
  const m = PERSON_OF_BEFORE.exec(before);
  if (!m) return false;
  const first = (m[1] ?? '').toLowerCase().replace(/(.)\.$/, '$1');
  const last = (m[2] ?? '').toLowerCase();
  if (!(/^\p{L}\.$/u.test(first) || firstNames().has(first) || /^(mr|mrs|ms|miss|dr)$/.test(first))) return false;
  if (PERSON_BEFORE.has(last) || OFFICE_WORDS.has(last)) return false;
  return !NAME_PART_WORDS.has(last) && !INSTITUTION_AFTER.has(last) && !MEDIA_AFTER.has(last) && !STOP.has(last);
}

/** The end of a street address before a name: its town (`of 1 Carrowclough Road, Tipperary, who`). */
export const STREET_BEFORE =
  /\b(Street|St|Road|Rd|Drive|Dr|Avenue|Ave|Lane|Ln|Way|Court|Ct|Boulevard|Blvd|Place|Terrace|Crescent|Close|Highway|Hwy)\.?,\s+$/u;

/** A preposition before a name makes it a place even before a reporting verb (`a resident of Tabriz told`). */
export const PLACE_BEFORE = /\b(in|at|of|from|near|to|into|outside|across|around|via|toward|towards)\s+$/i;

/**
 * Capitalised words that are gazetteer names somewhere but almost always something else in English news.
 * Hand-made while developing on the dev split (issue 6: "context rules to avoid common-word false hits").
 */
export const STOP = new Set(
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
export const COURT_DISTRICT = /^(?:northern|southern|eastern|western|central|middle) district$/;

/** Multi-word names that are institutions far more often than the towns that bear them. */
export const STOP_PHRASES = new Set([
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
export const LANGUAGE_BEFORE = /\b(in|into|from|speaks?|spoke|speaking|fluent)\s+$/i;

export const LANGUAGE_AFTER = /^\s*([,.;:!?)"”’]|\s(and|or|as|with|at|to|on|when|but|which|is|was)\b|$)/;

/** The end of a sentence before a word, with its closing and opening quotes (`so. "Can`, `asked: Can`). */
export const AFTER_SENTENCE_END = /(^|[.!?:;]["”’)]?\s+["“‘(]?)$/;

/**
 * Whether a word starts a sentence (where a capital says nothing). Wire copy wraps its lines inside
 * sentences (`Treasury Secretary James\nBaker`): a line break starts one only after the punctuation
 * that ends a sentence, a blank line, or before an indented line (a new paragraph).
 */
export function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  let newline = false;
  while (i >= 0 && /[\s"“‘'([]/.test(text.charAt(i))) {
    if (text.charAt(i) === '\n') {
      if (newline || /^[ \t]/.test(text.charAt(i + 1))) return true;
      newline = true;
    } else if (text.charAt(i) !== ' ' && text.charAt(i) !== '\t' && text.charAt(i) !== '\r') newline = false;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text.charAt(i));
}

export const POSSESSIVE_GAP = /^['’]s\s+$/;

export const LIST_GAP = /^\s*(,\s*(and\s+|or\s+)?|\s(and|or)\s+)$/;
