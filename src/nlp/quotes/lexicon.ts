/** Word lists the quote extractor's rules lean on. Lower-case. */

/** Verbs that attribute a direct quotation (`"...," she said` / `He told reporters: "..."`). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say saying told tells tell telling added adds adding asked asks asking wrote writes write writing ' +
    'explained explains explaining noted notes noting continued continues replied replies responded responds ' +
    'declared declares insisted insists argued argues arguing recalled recalls warned warns warning tweeted tweets ' +
    'stated states joked jokes quipped concluded claimed claims claiming acknowledged acknowledges admitted admits ' +
    'remarked exclaimed shouted yelled announced announces observed stressed emphasized emphasised suggested ' +
    'suggests countered conceded complained complains predicted promised vowed pledged urged posted reported ' +
    'reports wondered mused cautioned boasted chimed lamented laughed thundered scoffed agreed agrees testified ' +
    'confirmed confirms denied denies repeated reiterated assured read reads continued pointed charged blasted ' +
    'mocked retorted interjected recounted described describes wrote opined explained whispered screamed ' +
    'cited quoted quoting texted emailed messaged posted captioned implored fumed gushed elaborated reacted ' +
    'sighed commented blurted sang sings marveled marvelled explains cracked'
  ).split(' '),
);

/** "isn't", "didn’t": never part of a name, may stand before a verb. */
const NEGATED_AUX: readonly string[] = [
  'isn',
  'wasn',
  'aren',
  'weren',
  'doesn',
  'didn',
  'don',
  'won',
  'can',
  'hasn',
  'haven',
  'hadn',
  'wouldn',
  'couldn',
  'shouldn',
].flatMap((w) => [`${w}'t`, `${w}’t`]);

/** Words that may stand between a subject and its reporting verb ("has also repeatedly said"). */
export const AUX_WORDS: ReadonlySet<string> = new Set(
  (
    'has have had also was were is are would will later previously repeatedly then recently already once again ' +
    'further reportedly publicly privately simply just often not never did does do has long been being even ' +
    'still first later initially subsequently since quickly flatly explicitly told now together earlier so far ' +
    // sentence adverbs between a subject and its verb: "Carter however said", "Smith meanwhile warned"
    'however though meanwhile nonetheless nevertheless therefore instead'
  )
    .split(' ')
    .concat(NEGATED_AUX),
);

export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'i', 'we', 'you']);
export const THING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they']);
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that']);

/**
 * Prepositions that open an adverbial ("Amid suggestions that ...", "took place despite warnings ..."): never a speaker
 * or part of one, so the walk left from a cue for its source stops at them.
 */
const OPENING_PREPOSITIONS: readonly string[] = 'amid amidst among amongst despite'.split(' ');
export const OPENING_PREPOSITION: ReadonlySet<string> = new Set(OPENING_PREPOSITIONS);

/** Sentence-initial capitalised words that are not part of a name. */
export const NON_NAME_CAPS: ReadonlySet<string> = new Set(
  (
    'but and yet so in on at still however meanwhile now then also when after while asked as if though although ' +
    'because since before during for from with without by of to the a an this that these those there here it he ' +
    'she they we i you his her their its our my speaking writing instead indeed moreover later earlier last ' +
    'separately similarly finally first second third again today yesterday tuesday monday wednesday thursday ' +
    'friday saturday sunday according all some many most over under despite said says asked told like unlike both ' +
    'each every no not only even just what who why how where whether recently previously additionally ' +
    'subsequently currently eventually apparently notably besides including excluding beyond nevertheless nonetheless furthermore likewise ' +
    // the wire's own labels under a table or a story ("NOTE: 1986 net includes ..."), no one's name
    'note notes correction'
  )
    .split(' ')
    .concat(OPENING_PREPOSITIONS),
);

/** Words that cannot be inside a subject noun phrase (stop the leftward walk). */
export const NP_STOPS: ReadonlySet<string> = new Set(
  (
    'that which who whom whose and or but if when where as because while after before since said says say told ' +
    'is was are were be been has have had in on at to for with by from about into over than then also not ' +
    'would will could should can may might must do does did this these those there here what why how ' +
    'it he she they we i you him them us me said saying says according even just only'
  )
    .split(' ')
    .concat(NEGATED_AUX, OPENING_PREPOSITIONS),
);

export const DETERMINERS: ReadonlySet<string> = new Set(
  'the a an another his her their its our my some many several two three four most other both each one'.split(' '),
);

/** Nouns that name an organisation rather than a person, for pronoun resolution and demonym qualification. */
export const GENERIC_ORG_HEADS: ReadonlySet<string> = new Set(
  (
    'government ministry army military police council committee party administration campaign company ' +
    'agency department office state court parliament cabinet presidency coalition group forces'
  ).split(' '),
);

/** Words that make a capitalised run an organisation, not a person. */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  (
    'council forces army party ministry committee department agency house court senate congress post times ' +
    'news journal network association union group company corp inc co bank university institute foundation ' +
    'campaign administration government office commission center centre state states republicans democrats ' +
    'police coalition cnn fbi cia gop reuters xinhua'
  ).split(' '),
);

/** A weekday's name, lower-cased (`on Monday`: a time, never a speaker). */
export const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** A month's name, lower-cased (`in late May`). */
export const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * Words that may carry an attribution though the cue model's training articles never showed them as
 * one (issue 15: most reported speech a held-out model misses is a long tail of such words), by class,
 * from Levin's/VerbNet's verb classes: judgement and characterisation (33 praise, criticise, blame;
 * 29.2 call, label, portray; endorsement and opposition) and attitude (29.5 conjecture, 29.9 consider,
 * 31.2 admire, 31.3 marvel; belief, fear, hope). Base forms only: the cue model finds their inflections
 * by stem ("decried", "fears"). Communication (37.x: "estimate", "lobby"), plan and want (32.1), and
 * their nouns were tried as classes too: the 4-fold cross-validation on dev (scripts/quotes-cv.ts) found
 * their unseen words cues too seldom (under half of what they add) to pay for their false alarms.
 */
export const REPORTING_LEXICON: Readonly<Record<'judge' | 'attitude', string>> = {
  judge:
    'praise applaud hail laud commend celebrate salute tout extol credit blame accuse charge fault criticize ' +
    'criticise condemn denounce decry deplore blast slam lambaste attack assail bash knock chastise rebuke reprimand ' +
    'scold berate castigate chide admonish mock ridicule deride taunt disparage belittle dismiss reject repudiate ' +
    'disavow downplay minimize minimise call label brand dub term characterize characterise portray depict describe ' +
    'paint cast liken compare frame define nickname endorse back support champion defend oppose challenge ' +
    'nominate recommend interpret',
  attitude:
    'believe think feel know suspect fear worry hope wish want expect anticipate doubt assume presume suppose reckon ' +
    'figure consider regard view deem judge find conclude realize realise understand recognize recognise remember ' +
    'forget imagine trust distrust admire respect like love hate dislike despise detest loathe resent regret dread ' +
    'prefer favor favour appreciate enjoy fret agonize envision foresee perceive sense see',
};

/** Irregular forms the stemmer does not bring back to a base form of REPORTING_LEXICON. */
export const REPORTING_IRREGULAR: Readonly<Record<string, string>> = {
  thought: 'think',
  felt: 'feel',
  knew: 'know',
  known: 'know',
  saw: 'see',
  seen: 'see',
  understood: 'understand',
  forgot: 'forget',
  forgotten: 'forget',
  foresaw: 'foresee',
  foreseen: 'foresee',
  found: 'find',
  cast: 'cast',
};

/**
 * Verbs of saying that follow a speaker's name right away: what stands before them is never a
 * possessive's owner, so a name ending in 's keeps it (`Moody's said`, `McDonald's told`).
 */
export const SAYING_AFTER_NAME: ReadonlySet<string> = new Set(
  'said says told tells added adds noted notes estimated estimates predicted predicts reported reports warned warns announced announces stated states'.split(
    ' ',
  ),
);

/** Bodies a single word names ("the Treasury and Federal Reserve Board" are two). */
export const STANDALONE_BODY =
  /^(treasury|bundesbank|fed|opec|ec|gatt|imf|nato|un|parliament|congress|senate|house|cabinet|pentagon|kremlin|usda)$/i;
/** Heads of a public or collective body's name: what "X and Y <head>" makes one body of. */
export const BODY_HEAD =
  /^(commission|committee|ministry|department|administration|board|council|agency|bureau|office|authority|service|association|institute|federation|union|league|society|organisation|organization|fund)$/i;
