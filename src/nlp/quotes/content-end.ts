/**
 * Where a reported clause ends: `contentEnd` walks from the start of a report's content to the sentence end and
 * stops at a second attribution, a sign-off, a new clause after a comma, a dash or relative clause that closes,
 * and the like. It is the longest single rule of the extractor, with its own word lists, so it has a module of
 * its own.
 */
import { SIGN_OFF_SPEAKER, signsOff } from './attribution-tails.js';
import { AUX_WORDS, DETERMINERS, SPEECH_VERBS } from './lexicon.js';
import { PAST_VERBS } from './noun-phrases.js';
import { findIndex } from './token-spans.js';
import type { Token } from './tokens.js';
import { CORE_SPEECH, FINITE, isInfinitive, speechAct, SUBJECT_PRONOUN, SUBORDINATOR, WANTS_COMPLEMENT } from './word-classes.js';

/**
 * Where reported content that follows its cue ends: at the sentence end, or before a second
 * attribution joined on ("..., and said ...", "... but added ...", "..., and he urged ..."), at a
 * semicolon or a parenthesis, or where the writer's own clause takes over ("While his advisers have
 * suggested X, Mr. Obama is ...").
 */
export function contentEnd(tokens: readonly Token[], from: number, last: number, isCue: (k: number) => boolean, cue: number): number {
  // a cue inside a fronted subordinate clause or "Despite ..."/"Amid ..." phrase: its content ends with it
  const opener = tokens[0]?.lower ?? '';
  // ("Among the factors cited were A, B and C": an "among" phrase runs into the main clause, whose commas list)
  const fronted =
    (SUBORDINATOR.test(opener) || /^(despite|amid|amidst)$/.test(opener)) && !tokens.slice(1, cue).some((t) => t.text === ',');
  // (so does a relative clause on the subject: "McClendon, who said he would vote for X, has argued ...")
  let rel = cue - 1;
  while (rel > 0 && /^(has|have|had|was|were|is|are|also|later|once|previously|recently)$/.test(tokens[rel]!.lower)) rel--;
  const participleAside =
    (/ing$/.test(tokens[cue]?.lower ?? '') && tokens[cue - 1]?.text === ',') ||
    (/^(who|which)$/.test(tokens[rel]?.lower ?? '') && tokens[rel - 1]?.text === ',');
  // until the content has a verb, an aside belongs to its subject: "that Pat Smith, whose son was killed
  // there, will attend", "the 2013 race, which brought new revelations, had been exasperating",
  // "that Gov. Pat McCrory (R) and other officials have used ...", "that the candidate - who has chafed - has decided"
  // (only where a clause is expected: "the health of Donald Trump, who is 70" is an object and its comment)
  const coreCue = CORE_SPEECH.test(tokens[cue]?.lower ?? '');
  let verbSeen = !(coreCue || tokens[from]?.lower === 'that');
  // "46 percent said yes, compared with 23 percent who ...", "75 percent said yes, but 55 percent say ...": a one-word answer
  // ends at the writer's comparison or contrast
  if (
    tokens[from]?.lower !== 'that' &&
    tokens[from + 1]?.text === ',' &&
    /^(compared|but|while|whereas)$/.test(tokens[from + 2]?.lower ?? '') &&
    tokens[from + 3]?.lower !== 'that'
  )
    return from;
  for (let k = from + 2; k <= last; k++) {
    const t = tokens[k]!;
    const p = tokens[k - 1]!;
    if (
      !verbSeen &&
      p.isWord &&
      p.text === p.lower &&
      k - 1 > from &&
      (FINITE.test(p.lower) || /^(\w+ed|\w+s)$/.test(p.lower)) &&
      !/(ss|us|is)$/.test(p.lower) &&
      // ("said the talks, which began in May, had stalled": after a determiner the word is a noun or an adjective)
      (FINITE.test(p.lower) || !NOUN_DETERMINER.test(tokens[k - 2]?.lower ?? ''))
    )
      verbSeen = true;
    const aside =
      !verbSeen &&
      (t.text === '(' ||
        t.text === '--' ||
        CLAUSE_BREAK.test(t.text) ||
        (t.text === ',' && /^(which|who|whose|whom)$/.test(tokens[k + 1]?.lower ?? '')));
    if (aside) continue;
    // ("that the top 1 percent of taxpayers -- those with incomes of more than $750,000 -- would face ...": a pair of
    // dashes that a verb of the main clause follows sets off an aside inside the content, which goes on after it)
    const dashed = embeddedDashEnd(tokens, k, last);
    if (dashed > 0) {
      k = dashed;
      continue;
    }
    // ("that Mr. Trump (and others like him) pay at least some tax", "were rated ... (54%) ...": a parenthesis that the
    // sentence goes on after is an aside inside the content; dev's gold keeps all 19 such, and ends before none)
    if (t.text === '(') {
      const close = findIndex(tokens, k + 1, (x) => x.text === ')' || x.text === '(' || /^[.!?;]$/.test(x.text), Math.min(last, k + 30));
      const after = tokens[close + 1];
      // (not before the writer's own clause: "to satisfy the International Monetary Fund (IMF) which has promised to lend")
      if (
        close > 0 &&
        tokens[close]!.text === ')' &&
        close + 1 <= last &&
        (after?.text === ',' || (after?.isWord && !NEW_CLAUSE.test(after.lower)))
      ) {
        k = close;
        continue;
      }
      // ("to sell Maxicare Alabama L.P. to (Complete Health Inc).": after a preposition or an article the parenthesis is
      // the object it governs)
      if (close > 0 && tokens[close]!.text === ')' && WANTS_COMPLEMENT.test(p.lower)) {
        // (and a period after it ends the sentence, whether or not the splitter saw it)
        if (/^[.!?]$/.test(tokens[close + 1]?.text ?? '')) return close;
        k = close;
        continue;
      }
    }
    if (t.text === ';' || t.text === '(' || t.text === '--') return k - 1;
    if (CLAUSE_BREAK.test(t.text) && !(t.text === '-' && tokens[k - 1]!.end === t.start)) {
      // ("those old - and previously unreported - postings": a pair of dashes sets off an aside inside the content)
      const pair = findIndex(tokens, k + 2, (x) => x.text === t.text, Math.min(last, k + 10));
      if (pair < 0 || pair >= last - 1) return k - 1;
      k = pair;
      continue;
    }
    // (what follows holds at a comma only: the tests below are skipped for every other token)
    if (t.text === ',') {
      if (fronted) return k - 1;
      // "... is expected to raise rates, sources told Reuters.": a speaker and a core speech verb closing the sentence
      // after a comma sign off everything before it, so another cue's content stops there
      if (k > from && signsOffAt(tokens, k, last, isCue)) return k - 1;
      // "The union, citing safety concerns, has refused to return": a participle between the subject and its
      // verb reports up to the comma that gives the sentence back to its verb
      const next = tokens[k + 1];
      if (
        participleAside &&
        next?.isWord &&
        next.text === next.lower &&
        (FINITE.test(next.lower) || PAST_VERBS.has(next.lower) || /[^e]ed$/.test(next.lower))
      )
        return k - 1;
      // "52 percent said X would win, compared with 41 percent for Y", "..., double the number who ...", "..., a move
      // that ...": a comparison or an appositive comment appended to a finished statement is the writer's
      if (verbSeen && (k > from + 3 || tokens[k + 1]?.lower === 'compared') && COMMENT_AFTER.test(tokens[k + 1]?.lower ?? '')) return k - 1;
      // the statement ends where the writer's own clause begins: "..., which ...", "..., but ..."
      // ("said that X, but that Y": a second "that" continues the same complement)
      const secondThat = /^(but|and)$/.test(tokens[k + 1]?.lower ?? '') && tokens[k + 2]?.lower === 'that';
      // (after a core speech verb a contrast or concession goes on with what was said: "Clinton says she hopes to be
      // elected, but she knows that ...", "that families still want their schools, despite ...", "..., even if ...";
      // a second attribution still ends it, below)
      const goesOn = coreCue && cue < from && SAID_GOES_ON.test(tokens[k + 1]?.lower ?? '') && !speakerActAt(tokens, k + 2, isCue);
      // ("that the special entities, which include structures in Liechtenstein, are still under his control", "to form a
      // task force, which would include the military, to crack down on hackers": a relative clause closed by a comma
      // that a verb or an infinitive follows sits inside the content, which goes on after it)
      const embedded = embeddedRelativeEnd(tokens, k, last);
      if (embedded > 0 && !signsOffAt(tokens, embedded, last, isCue)) {
        k = embedded;
        continue;
      }
      if (NEW_CLAUSE.test(tokens[k + 1]?.lower ?? '') && !secondThat && !goesOn) return k - 1;
      // "including suggestions that troops should leave Asia, Carter stressed ...": a subject and its reporting verb after
      // the comma open the sentence's main clause, so the content before was a fronted phrase of it
      // (not an interrupting attribution, "that the plan, officials said, would fail")
      // ("Asked what form he thought X might take, Fluegel said ...": the fronted question is read as the question asked)
      if (verbSeen && !!tokens[k + 1]?.isCap && tokens[0]?.lower !== 'asked' && mainClauseCue(tokens, k + 1, last, isCue)) return k - 1;
      // ("One company says there are 2,400 billionaires, another says there are 1,800": a second source with a speech
      // verb and a complement of its own after the comma reports the next clause, not this one; "..., he said, ..."
      // interrupts and is left to the attribution)
      if (verbSeen && SECOND_SOURCE.test(tokens[k + 1]?.lower ?? '') && secondReport(tokens, k + 2, last, isCue)) return k - 1;
      if (/^(and|but|while|whereas)$/.test(tokens[k + 1]?.lower ?? '')) {
        // "..., and he urged ...", "..., and Republicans want ...": a second attribution with a subject of its own
        for (let j = k + 3; j <= Math.min(last, k + 6); j++) {
          if (!tokens[j - 1]!.isWord || /^(that|to)$/.test(tokens[j - 1]!.lower)) break;
          if (isCue(j)) return k - 1;
        }
      }
    }
    // ("The plan failed, but ...": the writer's clause; after a core speech verb a "but" with no comma before it
    // and no subject of its own after it goes on with what was said: "They said they had misgivings about her but
    // could not bear to insult him"; "Baker said the accord was operative but he strongly criticised ..." does not)
    if (
      t.lower === 'but' &&
      k > from + 3 &&
      tokens[k + 1]?.lower !== 'that' &&
      !(coreCue && sharedSubject(tokens[k + 1]) && !speakerActAt(tokens, k + 1, isCue))
    )
      return tokens[k - 1]!.text === ',' ? k - 2 : k - 1;
    // (a quotation may close before the comma: `... "founded ISIS," saying they were nitpicking`)
    const closed = (tokens[k - 1]!.text === '"' || tokens[k - 1]!.text === '”') && tokens[k - 2]?.text === ',' && k - 2 > from;
    if (isCue(k) && (/^(and|but|,)$/.test(tokens[k - 1]!.lower) || closed)) {
      if (closed) return k - 1;
      if (clauseGoesOn(tokens, from, k, cue)) continue;
      // ("He said that Leeds, in fact, said as much when ...", "said the work, scheduled for completion in early 1989,
      // involves ...": before the content has a verb, a cue after a comma and an aside is that verb, not a second
      // attribution; not in a relative clause, "X, which has said it is considering ..., said it raised ...")
      if (
        !verbSeen &&
        !participleAside &&
        tokens[k - 1]!.text === ',' &&
        tokens[k - 2]?.isWord &&
        k - 2 > from &&
        !!tokens[k + 1]?.isWord &&
        !/ing$/.test(t.lower) &&
        !tokens.slice(Math.max(0, cue - 4), cue).some((x) => /^(who|which|that)$/.test(x.lower))
      )
        continue;
      let e = k - 1;
      while (e > from && /^(and|but|,|also)$/.test(tokens[e]!.lower)) e--;
      return e;
    }
  }
  return last;
}

/**
 * "Police say he posed a deadly threat and refused to drop the gun", "Reynolds says the two met ... and decided to
 * co-host the show": after a present speech verb whose content is a clause with a subject of its own, a past verb joined
 * by a bare "and" cannot share the speaker's tense, so it shares the clause's subject. With both in the past the verb is
 * the speaker's ("He said no date has been set and declined to comment"), and a verb of saying always is.
 */
function clauseGoesOn(tokens: readonly Token[], from: number, k: number, cue: number): boolean {
  const t = tokens[k]!;
  if (cue > from || !PRESENT_SPEECH.test(tokens[cue]!.lower) || tokens[k - 1]!.lower !== 'and' || tokens[k - 2]?.text === ',' || t.isCap)
    return false;
  // (an infinitive or a bare object is no clause)
  const first = tokens[from]?.lower === 'that' ? tokens[from + 1] : tokens[from];
  if (!first?.isWord || /^(to|not)$/.test(first.lower)) return false;
  return (/[^e]ed$|ied$/.test(t.lower) || PAST_VERBS.has(t.lower)) && !speechAct(t.lower);
}

const PRESENT_SPEECH = /^(say|says|tell|tells|adds|reports|writes|believe|believes|think|thinks)$/;

/** Subjects that open a second report after a comma without a capital: "another says", "others said", "one said". */
const SECOND_SOURCE = /^(another|others|one|some|many|most|he|she|they|we)$/;

/** Whether a speech verb stands at `j` (or one adverb or auxiliary later) and takes a complement: no comma or end after it. */
function secondReport(tokens: readonly Token[], j: number, last: number, isCue: (k: number) => boolean): boolean {
  let v = j;
  if (v < last && AUX_WORDS.has(tokens[v]!.lower)) v++;
  const verb = tokens[v];
  if (!verb?.isWord || !CORE_SPEECH.test(verb.lower) || !isCue(v)) return false;
  const next = tokens[v + 1];
  return v + 2 <= last && !!next?.isWord;
}

/** Whether the comma at `k` opens ", SPEAKER VERB (hearer) (time)." closing the sentence (see signsOff). */
function signsOffAt(tokens: readonly Token[], k: number, last: number, isCue: (k: number) => boolean): boolean {
  for (let m = k + 2; m <= Math.min(last, k + SIGN_OFF_SPEAKER); m++) {
    const t = tokens[m]!;
    if (!t.isWord) return false;
    if (CORE_SPEECH.test(t.lower) && isCue(m)) return signsOff(tokens, m, true);
  }
  return false;
}

/**
 * "..., but did not elaborate", "... but gave no details", "..., but told reporters ...", "... but doubted it could ...":
 * a reporting verb or the speaker's own refusal within the first words after a "but" is the speaker's, a second
 * attribution, not more of what was said.
 */
function speakerActAt(tokens: readonly Token[], j: number, isCue: (k: number) => boolean): boolean {
  for (let m = j; m < Math.min(tokens.length, j + 3); m++) {
    const t = tokens[m]!;
    if (!t.isWord) return false;
    // (a verb of speech the model takes for a cue; "continued" also goes on with the content's subject: "has continued in ...")
    if ((isCue(m) && SPEECH_VERBS.has(t.lower) && !/^continue/.test(t.lower)) || SPEAKER_ACT.test(t.lower)) return true;
  }
  return false;
}
const SPEAKER_ACT =
  /^(elaborate|elaborated|details|declined|refused|comment|commented|say|said|added|gave|give|provide|provided|disclose|disclosed|specify|specified|identify|identified|name|named)$/;

/** Whether the word after a "but" goes on with the subject before it: a lower-case word that opens no subject. */
function sharedSubject(t: Token | undefined): boolean {
  return (
    !!t?.isWord && !t.isCap && !DETERMINERS.has(t.lower) && !SUBJECT_PRONOUN.test(t.text) && !/^(it|there|this|these|those)$/.test(t.lower)
  );
}

/** Whether a short capitalised subject and a reporting verb that is no aside start at token `k` ("Carter stressed ..."). */
function mainClauseCue(tokens: readonly Token[], k: number, last: number, isCue: (k: number) => boolean): boolean {
  for (let j = k + 1; j <= Math.min(last - 1, k + 4); j++) {
    const t = tokens[j]!;
    if (!t.isWord || FINITE.test(t.lower)) return false;
    if (t.isCap) continue;
    return isCue(j) && tokens[j + 1]?.text !== ',' && !/ing$/.test(t.lower);
  }
  return false;
}

/**
 * The closing comma of a relative clause set off at the comma `k` (", which ...," / ", who ...,") when the clause sits
 * inside a longer phrase: right after the closing comma comes a lower-case verb of the main clause ("are", "will",
 * "said" of a subject, a past verb) or an infinitive ("to crack down"). -1 otherwise.
 */
function embeddedRelativeEnd(tokens: readonly Token[], k: number, last: number): number {
  if (!/^(which|who|whose|whom)$/.test(tokens[k + 1]?.lower ?? '')) return -1;
  for (let j = k + 3; j < Math.min(last, k + 16); j++) {
    const t = tokens[j]!;
    if (t.isWord) continue;
    if (t.text !== ',') return -1;
    const next = tokens[j + 1];
    if (!next?.isWord || next.isCap) return -1;
    return FINITE.test(next.lower) || (next.lower === 'to' && isInfinitive(tokens, j + 1)) ? j : -1;
  }
  return -1;
}

/**
 * The dash at `k`, if one: "--" (two hyphens, as the tokenizer splits them), "—", "–", or a spaced "-"; null for a
 * hyphen joined to the word before ("state-run") and for the second hyphen of a "--".
 */
function dashAt(tokens: readonly Token[], k: number): string | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.text === '—' || t.text === '–') return t.text;
  if (t.text !== '-' || tokens[k - 1]?.end === t.start) return null;
  return tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end ? '--' : '-';
}

/**
 * The last token of the closing dash of a pair opening at `k` when a lower-case finite verb follows it within the
 * sentence: the pair sets off an aside of the subject before that verb ("that the top 1 percent of taxpayers -- those
 * with incomes of more than $750,000 -- would face ..."). -1 otherwise.
 */
function embeddedDashEnd(tokens: readonly Token[], k: number, last: number): number {
  const dash = dashAt(tokens, k);
  if (!dash) return -1;
  const width = dash === '--' ? 2 : 1;
  for (let j = k + width + 1; j < Math.min(last, k + 24); j++) {
    const x = tokens[j]!;
    if (x.text === ';' || x.text === '(' || /^[.!?]$/.test(x.text)) return -1;
    if (dashAt(tokens, j) !== dash) continue;
    const next = tokens[j + width];
    return next?.isWord && !next.isCap && FINITE.test(next.lower) ? j + width - 1 : -1;
  }
  return -1;
}

const CLAUSE_BREAK = /^[—–-]$/;
const COMMENT_AFTER = /^(compared|double|twice|a|an)$/;
const NOUN_DETERMINER = /^(the|a|an|his|her|its|their|our|my|your|this|these|those|some|many|several|two|three|new|other)$/;
/** Words after a comma that go on with a core speech verb's content (4-fold CV on dev: each fold as good or better). */
const SAID_GOES_ON = /^(but|despite|while|whereas|even|yet)$/;
const NEW_CLAUSE = /^(which|who|whose|whom|where|but|although|though|whereas|even|despite|while|yet|following|using)$/;
