/**
 * The knobs of event grouping (`GroupingOptions`) and their defaults, each with the reason for its
 * value: kept apart from the algorithm so that a reader tuning the digest finds every threshold in one place.
 */
export interface GroupingOptions {
  /** Time-decayed cosine similarity to an event's centroid needed to join it. */
  threshold: number;
  /** Cosine of two events' centroids above which the merge step joins them. */
  mergeThreshold: number;
  /** Distinct shared event words (not places) a story needs with an event to join it: one word alone never makes an event. */
  minSharedWords: number;
  /** A word in more than this share of the window's stories (and at least `minMaxDf`) is common today… */
  maxDocShare: number;
  minMaxDf: number;
  /** …and says nothing about an event unless it is this many times as common today as in the rest of the store (a burst). */
  burstRatio: number;
  /**
   * A story with a body of its own (more words than its headline) joins an event, and an event holding
   * one merges with another, only on a shared anchor: a name-like word, one that the rest of the store's
   * rate puts in fewer than this many of a day's stories (a company, a person, a body like the ICO), held
   * by a fair part of the event and in a headline on each side. Words a wire uses every day on a topic
   * ("bond", "coupon", "dividend", "computer") are shared by different issuers' stories: alone they make a
   * topic, not an event. Unknown (every word an anchor) without a background as large as the window.
   */
  anchorExpected: number;
  /**
   * A subject both sides name (`subjectsDiffer`) ties them, whatever else each names, when the rest of
   * the store's rate puts it in fewer than this many of a day's stories: a company or a person in the
   * news today ("Viacom", "Guinness"), not a regulator or a cartel named every day ("SEC", "OPEC").
   */
  sharedSubjectExpected: number;
  /** Shared anchor words without a name that make an anchor together (`anchored`). */
  describingWords: number;
  /** Terms a story's vector keeps at most, the heaviest (a headline has far fewer). */
  maxTerms: number;
  /** Weight of a place key beside a word: places place an event, they do not make one. */
  placeWeight: number;
  /** Event words of a headline at most: a story with more needs a higher similarity (`lengthFactor`)… */
  lengthReference: number;
  /** …up to `storyThreshold` (instead of `threshold`) for a story of this many event words or more. */
  storyWords: number;
  storyThreshold: number;
  /** Share of an event's stories that must hold a word for a full story to count it as shared (less for shorter, none for a headline). */
  storyHolderShare: number;
  /** Passes that move each story to its best event once all events exist (single-pass order effects). */
  refinePasses: number;
  /** Time between a story and an event's newest story over which the similarity halves. */
  decayHalfLifeMs: number;
  /** Age at which a story's recency weight halves (ranking). */
  recencyHalfLifeMs: number;
  /** Weight of log2(distinct datelines of the group's own-worded stories) in the rank. */
  datelineWeight: number;
  /** A story weighs in full from this many body words on, proportionally less below… */
  fullStoryWords: number;
  /** …but never less than this share. */
  minStoryWeight: number;
  /**
   * Members an event needs before a smaller group of headlines (one left alone, a few, a side thread)
   * may join it on one core word (`attachStrays`)… Infinity turns the step off.
   */
  attachMinSize: number;
  /**
   * …a word (not a place) held by at least this share of the event's members, of the window's stories
   * holding it, and of the group's own members.
   */
  attachCoreShare: number;
  /**
   * A burst: a word in the headlines of at least `burstHeadlines` distinct reported stories of the
   * window (a body of their own, no ticker, not a routine series; `burstTerms`) and `burstShare` of
   * them, whose reported stories hold it `burstZ` standard deviations more often than the rest of the
   * store's rate predicts, and, given a history of at least `burstHistoryDays` days (`HeadlineHistory`),
   * in at least `burstHistoryRatio` times the share of headlines it held on those days and in the
   * headlines of fewer than `burstHistoryDayShare` of the days (a word in the headlines most days is a
   * beat: "futures", "closes"). It is what a day's big story is told in ("stock", "market" on 19-20
   * October 1987): a common word, not a name nor rare in the store (`burstTerms`), many times more
   * common today. Two sides sharing `burstWords`
   * bursts, one in both headlines, are tied (`burstTied`): events merge at `burstMergeThreshold` (the
   * bar of a headline, the tie being the evidence) instead of the merge bar for full stories, which
   * events of reported stories told in different words almost never reach (~0.77).
   */
  burstHeadlines: number;
  /** …and at least this share of them: a day's big story is told in many of its reports. */
  burstShare: number;
  burstZ: number;
  burstHistoryDays: number;
  burstHistoryRatio: number;
  /** A word in the headlines of at least this share of the history's days is a beat, however many of today's hold it. */
  burstHistoryDayShare: number;
  /** Bursts two sides must share to be tied by them (`burstTied`)… */
  burstWords: number;
  /**
   * …two of them written together in the headlines of at least this many distinct reported stories: the
   * words of one story ("stock" and "market" on 20 October 1987, "oil" and "attack" the day before). Two
   * bursts the day's headlines hold apart are two stories' words ("export" figures and bond "issues" on
   * 3 March 1987), and a story that happens to hold both is neither's.
   */
  burstPairHeadlines: number;
  /**
   * A word in the headlines of as many reported stories as a burst needs, but short of `burstZ` (an
   * everyday word the store holds in a tenth of its stories), is a burst too when at least this share of
   * those stories hold one burst, `burstPairHeadlines` of them in the headline (`burstCompanions`).
   */
  burstCompanionShare: number;
  /** …and it is this many standard deviations above the store's rate (as `burstZ` measures): more common today, beyond chance… */
  burstCompanionZ: number;
  /** …and not a beat by the history (`burstHistoryDayShare`, `burstHistoryRatio`) given this many days of it. */
  burstCompanionHistoryDays: number;
  burstMergeThreshold: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = {
  threshold: 0.05,
  mergeThreshold: 0.2,
  minSharedWords: 2,
  maxDocShare: 0.04,
  minMaxDf: 5,
  burstRatio: 1.5,
  // A prior, not fitted: a word an ordinary window holds in a couple of stories at most.
  anchorExpected: 3,
  // A prior, not fitted: a name a wire writes less than daily is today's news; one it writes daily, a beat.
  sharedSubjectExpected: 1,
  // A prior, not fitted: a kind of news is named in one or two words (a rate, a load factor, a rig count).
  describingWords: 3,
  lengthReference: 8,
  storyWords: 30,
  // The bar full stories were grouped at before headlines were (Reuters, 1987-03-02, by eye).
  storyThreshold: 0.35,
  storyHolderShare: 0.34,
  placeWeight: 0.5,
  maxTerms: 20,
  // One pass: the passes after it move the same few dozen stories of a busy day back and forth
  // between two events (43, then 36 and 36 on a 1,141-story day), each costing as much as the single
  // pass; events dev B-cubed F1 0.851 with one, 0.852 with three, the same Reuters 1987-03-03 digest.
  refinePasses: 1,
  decayHalfLifeMs: 3 * 86_400_000,
  recencyHalfLifeMs: 12 * 3_600_000,
  datelineWeight: 0.5,
  // Reuters notices (payouts, results, price tables) run 20-80 words, reported stories 150-700 (by eye, 1987-03-02/04-07).
  fullStoryWords: 200,
  minStoryWeight: 0.25,
  // Priors, not fitted: an event of five is established, and a word half of it holds is what it is about.
  attachMinSize: 5,
  attachCoreShare: 0.5,
  // A story many bureaus file on (eight headlines of their own, a twentieth of the day's reports), far
  // beyond chance, judged against over a week of history where there is one, tying on two bursts (one
  // is shared by other news told in it). Set by reading Reuters 1987-10-20/21 (the crash: "stock",
  // "market"; the Gulf attack: "attack", "oil") against 03-02, 03-17, 04-08 and 06-01, where routine
  // market reports burst against the store's rates ("futures" over 10 sd on 04-08) but were in the headlines
  // of about half the days before; events dev unchanged (its stores are too small to tell bursts by).
  burstHeadlines: 8,
  burstShare: 0.05,
  burstZ: 4.5,
  burstHistoryDays: 5,
  burstHistoryRatio: 3,
  burstHistoryDayShare: 1 / 3,
  burstWords: 2,
  // A prior, not fitted: one headline holding both is chance, two are a way the day's story is told.
  burstPairHeadlines: 2,
  // A prior, not fitted: most of the word's headline reports are the burst's story.
  burstCompanionShare: 0.5,
  // A prior, not fitted: the usual two standard deviations.
  burstCompanionZ: 2,
  // A prior, not fitted: one day may be the story's own first hours (a window cut by a zone's midnight).
  burstCompanionHistoryDays: 2,
  burstMergeThreshold: 0.05,
};
