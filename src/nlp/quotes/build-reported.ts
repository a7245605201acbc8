/**
 * A reported quote's bounds and speaker for one cue: `buildReported` decides on which side of the cue the
 * content lies, where it starts and ends, and who the source is, from the fronted clauses, object and content
 * ends and speaker rules of the modules it imports. Separate from cue scoring (reported-speech.ts), which
 * decides whether a word is a cue at all.
 */
import type { Span } from '../types.js';
import { attributionTailComma, hearerEnd, speakerActAfterBut } from './attribution-tails.js';
import { contentEnd } from './content-end.js';
import {
  asClauseCloses,
  askedBefore,
  askedClause,
  framedClause,
  framingPhraseEnd,
  frontedAdverbial,
  frontedAs,
  frontedClauseEnd,
  insertedAccording,
  lastClauseStart,
  openingPhrase,
  timeAdjunctEnd,
} from './fronted-clauses.js';
import { DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import { extendToSentenceEnd, pastVerbAfterNoun, phraseAfter, phraseBefore, phraseSpan, type SourcePhrase } from './noun-phrases.js';
import {
  chainedCueObject,
  nounClauseEnd,
  objectEnd,
  objectPosition,
  participleInObject,
  shortObject,
  subjectObjectEnd,
} from './object-end.js';
import { notASpeaker, ownerOfSaying, passiveByAgent, relativeSubject, wholeSubject } from './reported-speaker.js';
import type { RawQuote } from './resolve-speakers.js';
import { isSpeechAct } from './speech-act.js';
import { closesSentence, figureComma, findIndex, finiteWithin, hasVerb, lastContentIndex, MIN_REPORTED_WORDS } from './token-spans.js';
import type { Token } from './tokens.js';
import {
  APPROXIMATED,
  CORE_SPEECH,
  evidenceBefore,
  FINITE,
  isInfinitive,
  isPossessive,
  OBJECT_TAKING,
  PREPOSITION_START,
  SHOW,
  WANTS_COMPLEMENT,
} from './word-classes.js';

/**
 * Verbs that invert with a common-noun speaker after a comma ("Prices will rise, said the ministry.", "..., says the
 * report."); other verbs take that noun phrase as their object ("..., noted the rule", "..., telling the broadcaster").
 */
const INVERTING_VERB = /^(said|says|added|adds|wrote|writes|asked|asks|explained|explains|continued|continues)$/;

/** Nouns that name who was told: "told reporters", "told a news conference", "told Reuters". */
const HEARER =
  /^(reporters|journalists|analysts|investors|lawmakers|legislators|parliament|congress|conference|briefing|meeting|reuters|committee|delegates|shareholders|supporters|audience|newspaper|agency|television|radio)$/;

/** Content and source for the cue at tokens [a, b] of one sentence. */
export function buildReported(
  body: string,
  tokens: readonly Token[],
  a: number,
  b: number,
  inDirect: readonly boolean[],
  isCue: (k: number) => boolean,
): RawQuote | null {
  const cue = tokens[a]!;
  // the cue as a reader says it: with its auxiliaries ("was cited ... as saying") and "according to"
  let va = a;
  while (
    va > 0 &&
    /^(was|were|is|are|has|have|had|will|would|did|does|do|not|been|be)$/.test(tokens[va - 1]!.lower) &&
    // ("George Will wrote": the name, no auxiliary)
    !(tokens[va - 1]!.text === 'Will' && va - 1 > 0)
  )
    va--;
  const vb = cue.lower === 'according' && tokens[b + 1]?.lower === 'to' ? b + 1 : b;
  const verb = body.slice(tokens[va]!.start, tokens[vb]!.end);
  // a copula or auxiliary alone ("the army is advancing", "is also advancing") reports nothing
  let onlyAux = true;
  for (let k = a; k <= b && onlyAux; k++)
    onlyAux = /^(is|was|are|were|be|been|has|have|had|do|does|did|will|would|also|still|now|already|not)$/.test(tokens[k]!.lower);
  if (onlyAux) return null;
  // "has never been charged", "was later reinforced by ...", "is hardly the first time": a cue group ending in an
  // adverb after a copula, or before "been", is a passive or a predicate, not a report (an adverb before an active
  // verb often is one: "has repeatedly hammered", "openly admires")
  const lastCue = tokens[b]!;
  const after = tokens[b + 1];
  if (
    b > 0 &&
    !lastCue.isCap &&
    (/ly$/.test(lastCue.lower) || /^(never|hardly|later|often|still|long|once|already|ever)$/.test(lastCue.lower)) &&
    !!after?.isWord &&
    !after.isCap &&
    (/^(been|be|being)$/.test(after.lower) || /^(is|was|are|were|be|been)$/.test(tokens[b - 1]!.lower))
  )
    return null;

  // "seemed palpable", "appeared to be a camera", "has appeared on websites": a verb of appearance reports only an
  // attitude it infers ("seemed to agree", "appeared to suggest that ..."), never a state or a place
  // (impersonal "it appears he has little chance" infers a whole clause, and reports it)
  if (/^(seem|seems|seemed|appear|appears|appeared)$/.test(tokens[b]!.lower) && tokens[a - 1]?.lower !== 'it') {
    const next = tokens[b + 2];
    if (tokens[b + 1]?.lower !== 'to' || !next?.isWord || next.isCap || next.lower === 'be') return null;
  }
  // "The New Yorker's long profile of ...", "Mr. Trump's staunch ally Chris Christie", "in secret talks": a cue word
  // right after a determiner or a possessive is a noun or an adjective; it reports only through its complement
  // ("her decision to ...", "his claim that ...", "Trump's attacks on ...")
  const det = tokens[a - 1];
  const follow = tokens[b + 1];
  if (
    a === b &&
    !!det &&
    (/^(the|a|an|his|its|their|our|this|these|those|in)$/.test(det.lower) || isPossessive(det)) &&
    !!follow?.isWord &&
    !follow.isCap &&
    !/^(that|to|of|for|about|on|against|with|from|over|by|as|in|at|whether|is|was|are|were)$/.test(follow.lower)
  )
    return null;
  // "It's worth noting that ..." is the writer's aside, not an attribution
  if (tokens[a - 1]?.lower === 'worth') return null;
  const last = lastContentIndex(tokens);
  let src: SourcePhrase | null;
  let from: number;
  let to: number;

  // (whether the content is the object of a reporting verb chained on by an infinitive: "declined to endorse Trump")
  let chained = false;
  const fronted = askedClause(tokens, a, b, body) ?? frontedAs(tokens, a, b, body);
  const passive = fronted ? null : passiveByAgent(tokens, va, b, body);
  if (passive) {
    // "The plan was denounced by the mayor": the agent speaks and the subject is what is spoken of
    src = passive.src;
    from = passive.from;
    to = passive.to;
  } else if (fronted) {
    // "Asked (by Starnes) whether ..., Carson said ...": the question is what was asked, up to the comma
    src = fronted.src;
    from = fronted.from;
    to = fronted.to;
  } else if (cue.lower === 'according') {
    // according to X, CONTENT. | CONTENT, according to X.
    const toIdx = tokens[a + 1]?.lower === 'to' ? a + 2 : a + 1;
    // "According to the report, prices rose": what follows the comma is the content, not an appositive
    src = phraseAfter(tokens, toIdx, tokens.length, body, a > 1);
    // (what read as an appositive may be the clause: "according to new filings, the committee had spent ...")
    if (src && a > 1 && src.end > src.to && insertedAccording(tokens, a, src.to, last) && hasVerb(tokens, src.to + 1, src.end - 1))
      src = { ...src, end: src.to, description: null };
    // ("The deal, according to two people familiar with the matter, is worth $2 billion": the source runs to its comma)
    const sourceComma = findIndex(tokens, toIdx, (t) => t.text === ',', Math.min(last, toIdx + 15));
    if (
      src &&
      a > 1 &&
      src.end < sourceComma &&
      !tokens.slice(src.end, sourceComma).some((t) => /^["“”]$/.test(t.text) || (t.text === t.lower && FINITE.test(t.lower))) &&
      insertedAccording(tokens, a, sourceComma, last)
    )
      src = { ...src, end: sourceComma };
    const inserted = a > 1 && src !== null && insertedAccording(tokens, a, src.end, last);
    if (src && a > 1 && !inserted) src = extendToSentenceEnd(tokens, src, tokens.length, body);
    const comma = findIndex(tokens, toIdx, (t) => t.text === ',');
    if (inserted) {
      // "By Sept. 30, according to new filings, the committee had spent $28 million": the statement is the
      // sentence around the attribution (a fronted phrase alone states nothing)
      from = 0;
      to = last;
    } else if (a <= 1 && comma >= 0) {
      // "According to a poll released Monday by Quinnipiac, ...": the source runs to the comma
      if (src && src.end < comma && comma - toIdx <= 20 && !tokens.slice(toIdx, comma).some((t) => /^["“”]$/.test(t.text)))
        src = { ...src, end: comma };
      from = comma + 1;
      to = last;
    } else {
      to = a - 1;
      while (to >= 0 && /^[,—–]$/.test(tokens[to]!.text)) to--;
      // ("..., which would cut its rate, according to X": the clause the attribution follows)
      from = Math.max(frontedClauseEnd(tokens, to), lastClauseStart(tokens, to));
    }
  } else {
    const after = last - b; // words after the cue
    const beforeSrc = phraseBefore(tokens, a, 0, body);
    // `..., X said` or `... "quoted words," X said`
    // (a relative pronoun opens a clause of its own: "The mayor met X, who said ..." is no "CONTENT, X said")
    // ("..., as The New York Times reported on Tuesday.": an "as" between the comma and the speaker of a core speech
    // verb attributes the same way; `asLead` skips it)
    // (not one inside its clause: "the result, as he later explained, was a bubble")
    const asLead =
      !!beforeSrc &&
      beforeSrc.from > 2 &&
      tokens[beforeSrc.from - 1]!.lower === 'as' &&
      tokens[beforeSrc.from - 2]!.text === ',' &&
      CORE_SPEECH.test(cue.lower) &&
      asClauseCloses(tokens, b, last);
    const precededByComma =
      beforeSrc &&
      beforeSrc.from > 0 &&
      !/^(who|which)$/.test(tokens[beforeSrc.from]!.lower) &&
      ((tokens[beforeSrc.from - 1]!.text === ',' && !figureComma(tokens, beforeSrc.from - 1)) ||
        asLead ||
        (/^["”]$/.test(tokens[beforeSrc.from - 1]!.text) && tokens[beforeSrc.from - 2]?.text === ','));
    // "..., said John Smith." (not "..., spoke on Monday.")
    const next = tokens[b + 1];
    const afterComma = a > 0 && (tokens[a - 1]!.text === ',' || (/^["”]$/.test(tokens[a - 1]!.text) && tokens[a - 2]?.text === ','));
    // (only when the speaker closes the sentence: in "Mitchell, who served as ambassador, said Clinton reached
    // out ..." the capitalised word after the cue opens the content)
    const invertedSrc =
      afterComma &&
      !!next &&
      next.isWord &&
      ((next.isCap && !NON_NAME_CAPS.has(next.lower)) || (DETERMINERS.has(next.lower) && INVERTING_VERB.test(cue.lower)))
        ? phraseAfter(tokens, b + 1, tokens.length, body)
        : null;
    // ("..., said Julie Mason, host of "The Press Pool" on Sirius XM radio.": a long appositive closes it too)
    // (and when only a relative clause on the speaker follows: "..., said Jane Roe, head of the group, whose members ...")
    const relativeAt = (k: number): boolean => tokens[k]?.text === ',' && /^(who|whom|whose)$/.test(tokens[k + 1]?.lower ?? '');
    const extended =
      invertedSrc && tokens[invertedSrc.to]?.text === ',' ? extendToSentenceEnd(tokens, invertedSrc, tokens.length, body) : null;
    const inverted =
      !!invertedSrc &&
      (closesSentence(tokens, invertedSrc.end, last) ||
        relativeAt(invertedSrc.end) ||
        (!!extended && (extended.end > last || (extended.end > invertedSrc.end && relativeAt(extended.end)))));
    const hasThat = findIndex(tokens, b + 1, (t) => t.lower === 'that', b + 6) >= 0;
    // "To understand X, Chief Justice Roberts said, one should visit ...": the attribution interrupts its content
    // ("It is unlikely ..., officials said, although they said ...": a clause of the writer's after the attribution
    // makes it one that closes its content)
    // ("The difference now, he told me on Friday, is that ...": the hearer and the time belong to the attribution)
    const closing = tokens[b + 1]?.text === ',' ? b + 1 : CORE_SPEECH.test(cue.lower) ? attributionTailComma(tokens, b + 1) : -1;
    const after1 = tokens[closing + 1];
    const trailing =
      !!after1 &&
      (/^(although|though|whereas)$/.test(after1.lower) ||
        (closing > b + 1 && /ing$/.test(after1.lower) && !after1.isCap) ||
        /^(adding|noting)$/.test(after1.lower) ||
        // the speaker's own act: "..., the agency said, without giving figures", "..., but gave no details" (a clause after
        // "but" with a subject of its own may go on with what was said: "..., he said, but growth will be flat")
        after1.lower === 'without' ||
        (after1.lower === 'but' && speakerActAfterBut(tokens, closing + 2)));
    // (an "as" clause is an adverbial on the clause before it, whatever follows: "..., as the Times reported on Tuesday,
    // and he will ..." reports only what precedes it)
    // (nor is a fronted question the first part of what its answer's speaker said: `Asked why ..., Foley said, "..."`)
    const interrupting =
      precededByComma && closing > b && beforeSrc.from >= 2 && last - closing >= 3 && !asLead && !askedBefore(tokens, beforeSrc.from);
    if (asLead) {
      src = beforeSrc;
      to = beforeSrc.from - 3;
      from = frontedClauseEnd(tokens, to);
    } else if (interrupting && trailing) {
      src = beforeSrc;
      to = beforeSrc.from - 2;
      from = frontedClauseEnd(tokens, to);
    } else if (interrupting) {
      src = beforeSrc;
      from = 0;
      to = last;
      // ("The test, officials said, was the largest yet, although ...": the content resumes and ends at such a clause)
      for (let k = closing + 2; k < last; k++)
        if (tokens[k]!.text === ',' && /^(although|though|whereas)$/.test(tokens[k + 1]?.lower ?? '')) {
          to = k - 1;
          break;
        }
    } else if (
      // ("..., the Pentagon said in a statement late on Tuesday.", "..., he told The Washington Post earlier this week.":
      // a longer frame, after the hearer of "told", that closes the sentence too)
      ((after <= 5 || (CORE_SPEECH.test(cue.lower) && closesSentence(tokens, hearerEnd(tokens, b) + 1, last))) &&
        !hasThat &&
        (precededByComma || inverted) &&
        !(!inverted && frontedAdverbial(tokens, beforeSrc!.from, b, last)) &&
        // ("Asked whether the rate was fair, he said it was", "When asked ..., Heyman declined to comment": the question
        // before the answer's subject is what he was asked, not what he said)
        !(!inverted && askedBefore(tokens, beforeSrc!.from)) &&
        // ("Ayrault, the minister, said the vote was a failure.": a clause after the verb is what was said)
        !(!inverted && finiteWithin(tokens, b + 2, last))) ||
      (inverted && !hasThat)
    ) {
      // CONTENT, X said (on Tuesday). | CONTENT, said X.
      if (inverted) {
        src = phraseAfter(tokens, b + 1, tokens.length, body);
        if (src) src = extendToSentenceEnd(tokens, src, tokens.length, body);
        to = a - 2;
      } else {
        src = beforeSrc;
        to = beforeSrc!.from - 2;
      }
      from = frontedClauseEnd(tokens, to);
    } else {
      // X said (that) CONTENT. | X told reporters (that) CONTENT.
      // (an object before the cue, "unleashed a series of tweets saying", is not who speaks: the sentence's subject is)
      src = beforeSrc && !(objectPosition(tokens, beforeSrc.from) && /^(a|an|no)$/.test(tokens[beforeSrc.from]!.lower)) ? beforeSrc : null;
      // (nor is the object of a past verb after its subject, "Band's memo provided data showing", "Iranian envoys toured
      // Gulf Arab states saying", "Reagan made no mention", "the company reported net income declined": that subject
      // speaks; not the subject of a finite cue, "Wall Street speculated the board was discussing", a possessor of a
      // noun cue, "The agency cited SCI's announcement", nor for a cue that modifies a noun, "approved a previously
      // announced proposal", or that a determiner makes one, "signed a letter of intent")
      const verbBefore = beforeSrc ? beforeSrc.from - 1 : -1;
      if (beforeSrc && pastVerbAfterNoun(tokens, verbBefore, 0)) {
        // (a noun after its determiner reports only when it names a saying: "Obama sounded a call for ...", "Melania Trump
        // made her first public comments", not "SAS signed a letter of intent", "Swissair confirmed an order")
        if (NOUN_CUE_DETERMINER.test(tokens[beforeSrc.to - 1]!.lower) && !isSpeechAct({ kind: 'reported', verb: cue.text })) return null;
        if (va === a && !participleInObject(tokens, a) && !tokens.slice(beforeSrc.from, beforeSrc.end).some(isPossessive))
          src = phraseBefore(tokens, verbBefore, 0, body);
      }
      if (src) src = wholeSubject(tokens, src, a);
      from = b + 1;
      const that = findIndex(tokens, b + 1, (t) => t.lower === 'that', b + 7);
      let framed = framingPhraseEnd(tokens, b + 1, last);
      // ("Trump said after the convention he would not ...": without "that", a pronoun subject and its verb end the frame)
      if (framed < 0 && CORE_SPEECH.test(tokens[b]!.lower)) framed = framedClause(tokens, b + 1, last);
      if (that >= 0 && (OBJECT_TAKING.test(cue.lower) || that <= b + 1)) from = that;
      else if (framed >= 0) from = framed;
      else if (OBJECT_TAKING.test(cue.lower)) {
        // "told reporters the plan was dead": the hearers are not content; "urged Congress to act": the request holds them
        const obj = phraseAfter(tokens, b + 1, tokens.length, body);
        // ("warned the plant could close": a noun phrase with a finite verb after it is the subject of the content,
        // not a hearer; "told him" and "told reporters" are hearers whatever follows, and a passive's subject is
        // the hearer: "The voters were asked if the mayor could stay" says nothing of the voters')
        const subjectOfContent =
          !!obj &&
          !/^(was|were|is|are|be|been|being)$/.test(tokens[a - 1]?.lower ?? '') &&
          obj.end === obj.to &&
          !/^(me|us|him|her|them|you|reporters|journalists)$/.test(tokens[b + 1]!.lower) &&
          tokens[obj.to]?.text === tokens[obj.to]?.lower &&
          FINITE.test(tokens[obj.to]?.lower ?? '');
        // ("told a news conference sales are forecast ...", "told analysts Pennzoil would ...": the hearer's own noun ends
        // it, and the words after it are the content's subject)
        let hearer = -1;
        if (subjectOfContent) for (let h = obj.from; h < obj.to - 1; h++) if (HEARER.test(tokens[h]!.lower)) hearer = h;
        if (hearer >= 0) from = hearer + 1;
        else if (obj && tokens[obj.to]?.lower !== 'to' && !subjectOfContent) {
          // ("told supporters in Florida on Tuesday evening that ...", "told voters this weekend he would ...": the
          // circumstances after the hearers are not content either)
          const framedAfter = framingPhraseEnd(tokens, obj.to, last);
          from = framedAfter >= 0 ? framedAfter : timeAdjunctEnd(tokens, obj.to, last);
        }
      } else if (
        PARTICLE_CUE.test(tokens[b + 1]?.lower ?? '') &&
        !CORE_SPEECH.test(cue.lower) &&
        tokens[b + 2]?.isWord &&
        !PREPOSITION_START.test(tokens[b + 2]!.lower)
      ) {
        // "called for a moratorium", "called on Trump to stop", "referring to GOP nominee Donald Trump": the particle belongs to the cue
        if (!(tokens[b + 1]!.lower === 'to' && isInfinitive(tokens, b + 1))) from = b + 2;
      } else {
        // ("Authorities announced on Friday the arrest of a man", "endorsed last week a plan to ...": when it was said
        // stands between the verb and its object, and is not what was said)
        // (not before another circumstance, "was quoted today as saying", "said yesterday in The Hague ...", left as it was)
        const time = timeAdjunctEnd(tokens, b + 1, last);
        const next = tokens[time]?.text === ',' ? tokens[time + 1] : tokens[time];
        if (!PREPOSITION_START.test(next?.lower ?? '')) from = time;
      }
      while (from <= last && /^[,:—–]$/.test(tokens[from]!.text)) from++;
      const objectFrom = chainedCueObject(tokens, b, from, last);
      chained = objectFrom > from;
      from = objectFrom;
      to = contentEnd(tokens, from, last, isCue, a);
      // "The union's claim that the pumps were unsafe was rejected": a noun's "that" clause ends before the verb
      // of the sentence it is the subject of
      if (tokens[from]?.lower === 'that' && nominalCue(tokens, a)) to = Math.min(to, nounClauseEnd(tokens, from, to));
      // "Trump's attacks on Curiel are highly unusual": a noun's object inside the subject ends before the verb of the
      // sentence it is the subject of
      // (not a verb after a company's name: "Moody's said Resorts already has ...")
      else if (a === b && nominalCue(tokens, a) && !SPEECH_VERBS.has(cue.lower) && !/(ed|ing)$/.test(cue.lower) && !hasVerb(tokens, 0, a))
        to = Math.min(to, subjectObjectEnd(tokens, from, to));
      // (the verb of a cue group is its last word: "also said")
      if (!CORE_SPEECH.test(cue.lower) && !CORE_SPEECH.test(tokens[b]!.lower)) to = objectEnd(tokens, from, to);
    }
  }
  // ("Citing weak demand, the company cut its forecast": what the opening phrase reports ends at its comma, and the
  // subject of the clause after it speaks)
  const opening = !fronted && !passive && from > b && to > b ? openingPhrase(tokens, a, b, to, body) : null;
  if (opening && to > opening.comma) {
    to = opening.comma - 1;
    if (!src || src.from < opening.comma) src = opening.subject;
  }
  if (
    !fronted &&
    !passive &&
    !contentReadsAsClause(tokens, from, to, cue.lower, from < a, SHOW.test(cue.lower) && evidenceBefore(tokens, a))
  )
    return null;
  // "has pointed out", "boasted about": a lone verb form or particle before the cue is no speaker
  if (src && notASpeaker(tokens, src)) src = null;
  // ("McConnell, who in 2010 said ...": the relative pronoun, not the sentence's subject)
  if (!src && cue.lower !== 'according' && from > b) src = relativeSubject(tokens, a);
  // a "speaker" ending in an article ("declared an | offensive against IS") shows the cue is a noun, not a report
  if (src && NOUN_CUE_DETERMINER.test(tokens[src.to - 1]!.lower)) return null;
  // ("his harsh criticism of ...", "his stern warning that ...": an adjective between a possessive and a noun cue
  // describes the saying, and the possessor alone speaks)
  if (
    src &&
    src.end === src.to &&
    src.to === a &&
    src.to - src.from === 2 &&
    /^(his|her|their|its|our|my)$/.test(tokens[src.from]!.lower) &&
    !tokens[a - 1]!.isCap &&
    NOUN_CUE.test(cue.lower)
  )
    src = { ...src, to: src.from + 1, end: src.from + 1 };
  // ("His remarks indicated ...", "North Korea's claims about ...", "Mrs. Clinton's plan is intended to ...": what
  // someone said, claimed or proposed speaks for its owner, who is the speaker; a paper keeps its own voice, "Band's
  // memo says")
  if (src) src = ownerOfSaying(tokens, src);
  // never swallow a direct quote's words into reported content
  while (from <= to && inDirect[from]) from++;
  const untrimmed = to;
  while (to >= from && inDirect[to]) to--;
  // (`... his new nominee to head the CIA, "understands ..."`: a quotation the report runs into is a quote of its own;
  // its opening mark, and the comma or "and" that led into it, are not the report's words: it read `... the CIA, "`;
  // nor is the "that" that introduced it: `Takeshita said in a telephone conversation Tuesday morning that "his ...`)
  const intoQuotation = inDirect[to + 1] === true;
  if (intoQuotation) {
    let k = to;
    while (k >= from && /^["“‘']$/.test(tokens[k]!.text)) k--;
    const bare = k;
    while (k >= from && /^[,:;"“‘']$/.test(tokens[k]!.text)) k--;
    if (k < to && k >= from && /^(and|but|or|that)$/i.test(tokens[k]!.text)) k--;
    while (k >= from && /^[,:;]$/.test(tokens[k]!.text)) k--;
    // (`... against most European currencies and added "I do not regard ..."`: the second verb of saying and its "and"
    // lead into the quotation, which is theirs)
    if (k > from + 1 && k === bare && SPEECH_VERBS.has(tokens[k]!.lower) && /^(and|but)$/.test(tokens[k - 1]!.lower)) k -= 2;
    // ("on a hostile plan to "takeover the company ..."", "resulted from "merchandising, refurbishing and expense
    // control."": a report that breaks off on a word wanting its complement goes on into the quotation, which
    // finishes its clause)
    to = k >= from && k === bare && WANTS_COMPLEMENT.test(tokens[k]!.lower) ? untrimmed : k;
  }
  // ("salary savings ... at 50 mln stg and while loss of income ...", "discussed the offer but after three hours ...": a
  // coordinator or an article closing the content belongs to what the content's end cut off)
  while (to > from && /^(and|or|but|the|a|an|,)$/.test(tokens[to]!.lower)) to--;
  // ("Azpurua said that according to the agreement, the new interest rate ...": a report ending on its own "that" is
  // another's attribution whose content the cue after it interrupts, not what the cue reports)
  if (
    to < a &&
    tokens[to]?.lower === 'that' &&
    to > from &&
    (SPEECH_VERBS.has(tokens[to - 1]!.lower) || (to - 1 > from && SPEECH_VERBS.has(tokens[to - 2]!.lower)))
  )
    return null;
  if (to < from) return null;
  let words = 0;
  for (let k = from; k <= to; k++) if (tokens[k]!.isWord) words++;
  // (what leads into a quotation, "scolded him:", "asked the crowd,", is no report of its own however short its object)
  if (words < MIN_REPORTED_WORDS && (intoQuotation || !(words >= 1 && (passive || chained || shortObject(tokens, a, b, from, to)))))
    return null;
  const start = tokens[from]!.start;
  let end = tokens[to]!.end;
  // keep a partial quotation whole: `as "illegitimate."` ends after its closing mark
  if ((body.slice(start, end).match(/["“”]/g) ?? []).length % 2 === 1) {
    const close = /^[.,!?]?["”]/.exec(body.slice(end, end + 2));
    if (close) end += close[0].length;
  }
  const mention: Span | null = src ? phraseSpan(tokens, src) : null;
  const name: Span | null = src ? phraseSpan(tokens, src, true) : null;
  return {
    start,
    end,
    text: body.slice(start, end),
    kind: 'reported',
    mention,
    name,
    description: src?.description ?? null,
    verb: passive?.verb ?? verb,
  };
}

/** Cue words that are nouns by their ending: "criticism", "warning", "statement", "insistence". */
const NOUN_CUE = /..(ism|ions?|ments?|ances?|ences?|ity|ings)$|^warning$/;

/** The determiners before a cue word that make it a noun ("signed a | letter", "renewed his | call"). */
const NOUN_CUE_DETERMINER = /^(a|an|the|his|her|their|its|our|my|some|another)$/;

/** Whether the cue at `a` follows a determiner or a possessive ("his claim", "Trump's insistence", "the notion"). */
function nominalCue(tokens: readonly Token[], a: number): boolean {
  const det = tokens[a - 1];
  if (!det) return false;
  return /^(the|a|an|his|her|its|their|our|this|these|those)$/.test(det.lower) || isPossessive(det);
}

/**
 * Reported content is a proposition. "declared an offensive against IS" or "is seen by the U.S. as ..."
 * carry no statement: content that opens with a preposition, or (after a verb outside the core
 * speech verbs) opens with "a/an" and has no finite verb in its first clause, is dropped.
 */
function contentReadsAsClause(
  tokens: readonly Token[],
  from: number,
  to: number,
  cue: string,
  contentFirst: boolean,
  evidence = false,
): boolean {
  if (cue === 'according') return true;
  const first = tokens[from];
  if (!first) return false;
  // content before its cue may open with an adverbial ("In all, hackers compromised ..., the report said");
  // "wants to triple the size ...", "declined to threaten Moscow": an infinitive is what is wanted or refused
  // ("said about 400 workers will be laid off": "about" before a figure rounds it and opens no prepositional phrase)
  const rounding = first.lower === 'about' && APPROXIMATED.test(tokens[from + 1]?.lower ?? '');
  if (PREPOSITION_START.test(first.lower) && !contentFirst && !rounding && !(first.lower === 'to' && isInfinitive(tokens, from)))
    return false;
  // ("citing a more progressive platform", "cited a report", "Polls show a close contest": what is cited, or what polls
  // and records show, is what is given as said, whatever its article; "the balance of payments showed a surplus" is no
  // report)
  if (CORE_SPEECH.test(cue) || /^cit(e|es|ed|ing)$/.test(cue) || evidence || !/^(a|an)$/.test(first.lower)) return true;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';') break;
    if (t.text !== t.lower) continue; // "IS" (Islamic State) is not "is"
    if (FINITE.test(t.lower) || (/ed$/.test(t.lower) && k > from)) return true;
  }
  return false;
}

const PARTICLE_CUE = /^(for|on|to|against|about|of)$/;
