/**
 * Reported speech: `extractReported` scores every word of a sentence with the learned cue model, then keeps or
 * drops a candidate cue by the rules here (a quantity after "added", "notes due 1999", "asked not to be
 * identified", an evidential adverb, a sign-off or interruption ...) and hands a kept cue to `buildReported` for
 * its content and speaker. Separate from direct quotations, which start from quotation marks, not from cue
 * words.
 */
import type { Sentence, Span } from '../types.js';
import { anonymityRequest, interrupts, signsOff } from './attribution-tails.js';
import { buildReported } from './build-reported.js';
import { candidateFilter, cueScore, reportingClass, type CueModel } from './cue-model.js';
import { tokenFlags } from './direct-quotes.js';
import { askedOpenerAt, askedQuestionEnd } from './fronted-clauses.js';
import { DETERMINERS, MONTH, NON_NAME_CAPS, OPENING_PREPOSITION, SPEECH_VERBS, WEEKDAY } from './lexicon.js';
import { PAST_VERBS, phraseAfter, phraseBefore, phraseSpan, type SourcePhrase } from './noun-phrases.js';
import type { QuotedSpan } from './quoted-spans.js';
import type { RawQuote } from './resolve-speakers.js';
import { sentenceSpeaker } from './sentence-subject.js';
import { clauseAt, datelineEnd, lastWord } from './token-spans.js';
import type { Token } from './tokens.js';
import { APPROXIMATED, CORE_SPEECH, evidenceBefore, FINITE, isAdverb, nounLike, PRONOUN_SUBJECT, SHOW, speechAct } from './word-classes.js';

export function extractReported(
  body: string,
  sentences: readonly Sentence[],
  sentenceTokens: readonly (readonly Token[])[],
  quoted: readonly QuotedSpan[],
  used: ReadonlySet<number>,
  direct: readonly RawQuote[],
  model: CueModel,
): RawQuote[] {
  const out: RawQuote[] = [];
  const isCandidate = candidateFilter(model);
  const second = model.second;
  const isSecondCandidate = second ? candidateFilter(second) : undefined;
  // (most stories quote nobody directly: no cue word is taken, and no token need be looked up)
  const anyUsed = used.size > 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const tokens = sentenceTokens[si]!;
    if (tokens.length < 4) continue;
    const { inQuote, inDirect } = tokenFlags(tokens, quoted, direct);
    const ctx = { inQuote, sentenceHasQuote: inQuote.some(Boolean) };
    // 1. score candidate cue words
    const scores = new Array<number>(tokens.length).fill(0);
    // ("Asked why he thought the House was willing to support higher taxes, Foley said ...": the question's words are
    // what was asked, and a verb among them reports nothing of its own)
    const questionEnd = askedQuestionEnd(tokens, body);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const first = isCandidate(t);
      if (
        inDirect[i] ||
        (anyUsed && used.has(t.start)) ||
        !(first || isSecondCandidate?.(t)) ||
        namingCalled(tokens, i) ||
        pluralSubjectNoun(tokens, i)
      )
        continue;
      if (i <= questionEnd && tokens[i]!.lower !== 'asked') continue;
      // "NOTE: 1986 net includes ...", "Note: initial public listing": a label before its colon, the wire's
      // own note under an earnings table, is no verb of anyone's
      if (body.charAt(t.end) === ':' && /^\p{Lu}/u.test(t.text)) continue;
      // "who asked not to be identified", "who declined to be named": a source's wish to stay unnamed is nothing it said
      if (anonymityRequest(tokens, i)) continue;
      // ("The nation has added 178,000 jobs", "Stocks added 10 points", "the economy is adding roughly 182,000 jobs": to
      // add a quantity is to gain it, no saying)
      if (addsQuantity(tokens, i) || securityNoun(tokens, i)) continue;
      // "said about 400 workers will be laid off", "handles about 95 pct of grain": "about" before a figure rounds it
      if (t.lower === 'about' && APPROXIMATED.test(tokens[i + 1]?.lower ?? '')) continue;
      // "Bankers Trust said", "Mortgage and Realty Trust said": a capitalised word after a capitalised word is part of a
      // name, not a verb of the name before it; but the wire capitalises a verb after an abbreviation ("the U.S. Said it
      // intended"), and a verb of saying stays one
      if (
        t.isCap &&
        !SPEECH_VERBS.has(t.lower) &&
        i > 0 &&
        tokens[i - 1]!.isWord &&
        tokens[i - 1]!.isCap &&
        !tokens[i - 1]!.text.endsWith('.') &&
        /^\p{Ll}/u.test(tokens[i + 1]?.text ?? '')
      )
        continue;
      scores[i] = first ? cueScore(model, tokens, i, ctx) : 0;
      if (second && scores[i]! < model.threshold && isSecondCandidate!(t) && cueScore(second, tokens, i, ctx) >= second.threshold)
        scores[i] = model.threshold;
      // (and unmakes one it scores below its veto, outside the verbs of saying and the reporting lexicon: "stopped paying
      // debt due on letters of credit", "thanks to the need of many companies"; "Moody's said it expected that ..." stays)
      else if (
        second?.veto !== undefined &&
        scores[i]! >= model.threshold &&
        !SPEECH_VERBS.has(t.lower) &&
        reportingClass(t.lower) === undefined &&
        isSecondCandidate!(t) &&
        cueScore(second, tokens, i, ctx) < second.veto
      )
        scores[i] = 0;
      // "told reporters at a rally in Ohio that ...": a core reporting verb with its "that" complement reports,
      // however far its circumstances push the "that" from it
      if (
        scores[i]! < model.threshold &&
        THAT_REPORTER.test(t.text) &&
        !inQuote[i] &&
        (thatFollows(tokens, i) || signsOff(tokens, i) || interrupts(tokens, i))
      )
        scores[i] = model.threshold;
      // "..., he said, adding he would never vote for her", "..., saying the plan had failed": a participle of saying set off
      // by a comma reports the clause after it, with or without "that"
      if (
        scores[i]! < model.threshold &&
        !inQuote[i] &&
        REPORTING_PARTICIPLE.test(t.lower) &&
        tokens[i - 1]?.text === ',' &&
        // (a clause, not an object: "..., adding a 1,200 dlr rebate on all models" adds no saying)
        clauseAt(tokens, i + 1, tokens.length - 1)
      )
        scores[i] = model.threshold;
      // "Polls show a close race", "..., FEC records show.", "Emails show that ...": records and polls showing something
      // attribute it to them, however rarely the model saw the noun before the verb
      if (scores[i]! < model.threshold && !inQuote[i] && SHOW.test(t.lower) && evidenceBefore(tokens, i)) scores[i] = model.threshold;
    }
    // 2. group adjacent cue words ("has said", "according to") and build each attribution
    const found: { q: RawQuote; score: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (scores[i]! < model.threshold) continue;
      let j = i;
      // a reporting verb ends its cue: in "said praise from Putin would ..." the noun is content
      while (j + 1 < tokens.length && scores[j + 1]! >= model.threshold && !SPEECH_VERBS.has(tokens[j]!.lower)) j++;
      // "one questioner claimed", "the ministry's statement said": nouns the model scored before a reporting verb
      // head its subject; the verb alone is the cue
      // ("The council on Friday said": the day it was said is no part of the cue; a participle's is left as it was)
      const day = (t: Token): boolean => WEEKDAY.test(t.lower) && !/ing$/.test(tokens[j]!.lower);
      // ("George Will wrote": a capitalised "Will" before a past verb is a name, no auxiliary)
      const name = (t: Token): boolean => t.isCap && t.lower === 'will' && /ed$|^(said|wrote|told)$/.test(tokens[j]!.lower);
      if (j > i && SPEECH_VERBS.has(tokens[j]!.lower) && tokens.slice(i, j).every((t) => nounLike(t) || day(t) || name(t))) i = j;
      // ("A new poll conducted Monday shows", "A poll published on Sunday showed": the day a source came out, with its
      // participle, dates the source; the verb after it is the cue)
      else if (
        j > i &&
        verbAt(tokens, j) &&
        !/ing$/.test(tokens[j]!.lower) &&
        tokens.slice(i, j).every((t) => SOURCE_DATING.test(t.lower)) &&
        WEEKDAY.test(tokens[j - 1]!.lower) &&
        tokens.slice(Math.max(0, i - 2), j).some((t) => PARTICIPLE_DATING.test(t.lower))
      )
        i = j;
      // "pointed out", "ruled out": the particle is the verb's ("ruled out a devaluation"); "called off", "blasted off",
      // "laid off": a cancellation, a launch or a dismissal, no report ("brushed off" a question still judges it)
      if (tokens[j + 1]?.lower === 'out' && /^(point(ed|s|ing)?|rul(e|es|ed|ing))$/.test(tokens[j]!.lower)) j++;
      else if (tokens[j + 1]?.lower === 'off' && PARTICLE_OFF.test(tokens[j]!.lower)) {
        i = j;
        continue;
      }
      // "was cited by local media as saying", "was quoted as saying": one cue
      for (let k = j + 1; k < Math.min(tokens.length, j + 6); k++) {
        if (!tokens[k]!.isWord) break;
        if (scores[k]! >= model.threshold && /^(saying|telling|describing|calling)$/.test(tokens[k]!.lower)) {
          j = k;
          break;
        }
      }
      // "he strongly criticised ...", "experts have similarly discounted ...": an adverb is never a cue's verb by itself
      // (else the verb it modifies opens the content); the verb after it joins the cue, and with none ("sold very
      // strongly abroad") the adverb reports nothing. An evidential adverb reports on its own ("reportedly met").
      // (after a copula the verb is a predicate, "is regularly sending", which buildReported drops, or a passive
      // with its agent, "was strongly criticised by")
      const copula = /^(is|was|are|were|be|been)$/.test(tokens[j - 1]?.lower ?? '') && tokens[j + 2]?.lower !== 'by';
      if (adverbsOnly(tokens, i, j) && !EVIDENTIAL_ADVERB.test(tokens[j]!.lower) && !copula) {
        // (through auxiliaries: "generally don't expect", "originally had proposed", "generally would require")
        let v = j + 1;
        while (v < tokens.length && (FINITE.test(tokens[v]!.lower) || tokens[v]!.lower === 'not')) v++;
        if (!verbAt(tokens, v) || inQuote[v]) {
          i = j;
          continue;
        }
        j = v;
      }
      // (a direct quote's own cue ends reported content before it: "He praised those who left but said, "...")
      const q = buildReported(body, tokens, i, j, inDirect, (k) => scores[k]! >= model.threshold || used.has(tokens[k]!.start));
      // ("On September 27 they published", "McConnell met her and came away convinced", "but stopped short of calling"):
      // words that are no noun phrase name no speaker; the sentence's speaker is looked for below
      if (q?.mention && !nounPhraseMention(tokens, q.mention)) {
        q.mention = null;
        q.name = null;
        q.description = null;
      }
      // "Prices rose, the ministry said, adding that ...": a "speaker" that holds an attribution found before it (its
      // content, its speaker and its verb) is no subject of the participle; the attribution's speaker is (below)
      const afterComma = /ing$/.test(tokens[i]!.lower) && tokens[i - 1]?.text === ',';
      const holds = (m: Span, f: RawQuote): boolean => !!f.mention && m.start <= f.mention.start && m.end >= f.mention.end;
      if (q?.mention && afterComma && found.some((f) => holds(q.mention!, f.q))) {
        q.mention = null;
        q.name = null;
        q.description = null;
      }
      // ("Prices rose, officials said, adding ...": the attribution's content was too short to keep, its subject speaks)
      const said = i - 2;
      if (q?.mention && afterComma && CORE_SPEECH.test(tokens[said]?.lower ?? '') && q.mention.end === tokens[said]!.end) {
        const subject = phraseBefore(tokens, said, 0, body);
        q.mention = subject ? phraseSpan(tokens, subject) : null;
        q.name = subject ? phraseSpan(tokens, subject, true) : null;
        q.description = subject?.description ?? null;
      }
      // ("X criticised Y after she attacked Z and blamed W", "..., where she gave a speech blaming W": a verb joined on
      // inside a subordinate clause speaks with that clause's subject, not the sentence's)
      const clause = q && tokens[i]!.lower !== 'according' ? subordinateSubject(tokens, i, body) : null;
      if (q && clause && (!q.mention || q.mention.end <= tokens[clause.from]!.start)) {
        q.mention = phraseSpan(tokens, clause);
        q.name = phraseSpan(tokens, clause, true);
        q.description = clause.description;
      }
      // (a fronted question's unnamed asker is as sure a reading as a named speaker)
      let askedQuestion = false;
      if (q && !q.mention && tokens[i]!.lower !== 'according') {
        // "..., McConnell said in June, citing ...": a participle after a comma speaks with the attribution before it
        // (and so does a verb after ", but" with no subject of its own: "..., Androsch said, but declined to give a figure")
        const butAct = tokens[i - 1]?.lower === 'but' && tokens[i - 2]?.text === ',';
        const before =
          (/ing$/.test(tokens[i]!.lower) && tokens[i - 1]?.text === ',') || butAct
            ? found.filter((f) => f.q.mention && f.q.mention.end <= tokens[i]!.start && CORE_SPEECH.test(lastWord(f.q.verb))).pop()?.q
            : undefined;
        // "He praised X and said ...", "..., saying ...": the sentence's speaker speaks again
        let fallback = before?.mention
          ? { mention: before.mention, name: before.name ?? before.mention, description: before.description }
          : sentenceSpeaker(body, tokens, direct, s);
        // ("Randall Stephenson, AT&T's chief executive, defended the deal, saying ...": as the sentence's own attribution
        // wrote the subject, with its appositive)
        // (only its appositive after a comma, or the head after a possessive, "Scott's family": a longer "mention" that
        // runs on into a verb is no better)
        const same =
          fallback &&
          found.find(
            (f) =>
              f.q.mention?.start === fallback!.mention.start &&
              f.q.mention.end > fallback!.mention.end &&
              (/^\s*,/.test(body.slice(fallback!.mention.end, f.q.mention.end)) ||
                /['’]s$/.test(body.slice(fallback!.mention.start, fallback!.mention.end))),
          )?.q;
        if (fallback && same?.mention && same.mention.end <= tokens[i]!.start)
          fallback = { mention: same.mention, name: same.name ?? same.mention, description: same.description };
        // ("Amid suggestions that ..., Baker said": the suggestions in the opening adverbial are not Baker's)
        const fronted = OPENING_PREPOSITION.has(tokens[0]!.lower) && !!fallback && fallback.mention.start > tokens[i]!.start;
        // ("Asked if the measures were forced on it, Boesze said ...": who was asked answers; the asker, unnamed, asked)
        askedQuestion = askedOpenerAt(tokens, datelineEnd(tokens)) === i && !!fallback && fallback.mention.start > tokens[i]!.start;
        if (fallback && !fronted && !askedQuestion) {
          q.mention = fallback.mention;
          q.name = fallback.name;
          q.description = fallback.description;
        }
      }
      // ("The bank is expected to raise rates, sources told Reuters.": a core speech verb signing off the sentence
      // attributes all of it, an expectation or a belief inside included, so it goes first; a speech act inside stays
      // the sentence's own report: "Democrats denounced the plan, Reid argued in a letter")
      const signing =
        !!q?.mention &&
        q.mention.start >= q.end &&
        CORE_SPEECH.test(lastWord(q.verb)) &&
        found.some((f) => !!f.q.mention && f.q.mention.start >= q.start && f.q.mention.end <= q.end && !speechAct(lastWord(f.q.verb)));
      if (q) found.push({ q, score: Math.max(...scores.slice(i, j + 1)) + (q.mention || askedQuestion ? 1 : 0) + (signing ? 1 : 0) });
      i = j;
    }
    // 3. two cues claiming mostly the same words: keep the surer one (one with a speaker first)
    found.sort((x, y) => y.score - x.score);
    const kept: RawQuote[] = [];
    for (const { q } of found) {
      const clash = kept.some(
        (k) => Math.min(k.end, q.end) - Math.max(k.start, q.start) > 0.5 * Math.min(k.end - k.start, q.end - q.start),
      );
      if (!clash) kept.push(q);
    }
    out.push(...kept);
  }
  return out;
}

/**
 * Verbs and nouns the cue model takes for cues ("added that ...", "declined to comment", "offered his support", "voted
 * against the bill") that, before a quantity, name a gain, a fall, an output, an offer of securities or money, a
 * comparison or a table's row: "added 8p", "loans declined 114 mln dlrs", "produced 540 mln kilos", "is offering 100
 * mln dlrs of notes", "issued 400 mln dlrs of securities", "rose 2.1 pct against 2.3 pct", "Group orders 11.03 billion".
 */
const QUANTITY_TAKING =
  /^(add|adds|added|adding|decline|declines|declined|declining|produce|produces|produced|producing|offer|offers|offered|offering|issue|issues|issued|issuing|against|orders|interest|shares|shed|sheds|owns|owned)$/;

/**
 * "capital notes due 1999", "certificate of deposit notes", "exchangeable preferred stock": "notes" and "preferred" name
 * a security there, not a saying or a liking (the cue model reads them as "he notes that ...", "she preferred ...").
 */
function securityNoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!.lower;
  const next = tokens[i + 1]?.lower ?? '';
  const prev = tokens[i - 1]?.lower ?? '';
  if (t === 'notes' || t === 'note')
    return (
      next === 'due' ||
      /^(capital|deposit|senior|subordinated|floating|rate|convertible|promissory|exchangeable|mortgage|guaranteed|secured|coupon|euronotes|zero)$/.test(
        prev,
      )
    );
  if (t === 'preferred')
    return (
      /^(stock|stocks|share|shares|dividends?|holders|stockholders|shareholders)$/.test(next) ||
      /^(convertible|exchangeable|cumulative|redeemable|participating|auction)$/.test(prev)
    );
  return false;
}

/** Whether a word of QUANTITY_TAKING at `i` takes a quantity for its object ("added 178,000 jobs", "adds about 10 pct"). */
function addsQuantity(tokens: readonly Token[], i: number): boolean {
  if (!QUANTITY_TAKING.test(tokens[i]!.lower)) return false;
  let k = i + 1;
  // ("an offer of 74 dlrs a share", "an initial offering of 100 mln dlrs": the noun's "of" and its sum)
  if (/^offer(ing)?$/.test(tokens[i]!.lower) && tokens[k]?.lower === 'of') k++;
  while (
    /^(roughly|about|some|nearly|almost|around|only|just|another|over|more|less|than|up|to|a|further|currently)$/.test(
      tokens[k]?.lower ?? '',
    )
  )
    k++;
  const t = tokens[k];
  if (!t || k - i > 4) return false;
  if (
    !/^[$£€¥]?\d/.test(t.text) &&
    !/^(one|two|three|four|five|six|seven|eight|nine|ten|half|dozens?|hundreds?|thousands?|millions?|billions?)$/.test(t.lower)
  )
    return false;
  // ("He added nine other EC states backed an extension": the quantity opens a clause with a verb of its own, and is said)
  for (let m = k + 1; m < Math.min(tokens.length, k + 6); m++) {
    const w = tokens[m]!;
    if (!w.isWord || /^(to|at|in|on|for|from|of|by|and|or|a|an|the|per|pct|percent)$/.test(w.lower)) return true;
    if (!w.isCap && (FINITE.test(w.lower) || PAST_VERBS.has(w.lower) || /[^e]ed$/.test(w.lower))) return false;
  }
  return true;
}
const REPORTING_PARTICIPLE = /^(adding|saying|noting|arguing|explaining|insisting|warning|stressing|acknowledging|claiming)$/;

/**
 * "Christie criticised Clinton after she attacked the police and blamed them", "Smith spoke at the convention, where she
 * gave a speech blaming Clinton": a cue at `i` with no subject of its own, joined by "and" to the verb of a subordinate
 * clause ("after", "when", "where", "because" ...) or a participle right after that clause's object, speaks with the
 * clause's subject. Null when a comma, a quotation mark or another clause stands between (a participle after a comma
 * goes with the main clause: "Prices fell after the data came out, prompting ...").
 */
function subordinateSubject(tokens: readonly Token[], i: number, body: string): SourcePhrase | null {
  const cue = tokens[i]!;
  const joined = tokens[i - 1]?.lower === 'and';
  if (!joined && !(/ing$/.test(cue.lower) && tokens[i - 1]?.isWord)) return null;
  for (let k = i - 1; k >= Math.max(1, i - 20); k--) {
    const t = tokens[k]!;
    if (!t.isWord && !/^['’-]$/.test(t.text)) return null;
    if (!CLAUSE_OPENER.test(t.lower) || t.isCap) continue;
    const subject = phraseAfter(tokens, k + 1, i, body, false);
    if (!subject || subject.end >= i - 1) return null;
    const first = tokens[subject.from]!;
    if (!(PRONOUN_SUBJECT.test(first.lower) || first.isCap || DETERMINERS.has(first.lower)) || /^(it|that|which|who)$/.test(first.lower))
      return null;
    // the subject's own verb follows it: a lower-case finite or past form
    const verb = tokens[subject.end]!;
    const present = (x: Token, at: number): boolean =>
      x.isWord &&
      !x.isCap &&
      /[^su]s$/.test(x.lower) &&
      !/^(this|his|its|thus|as)$/.test(x.lower) &&
      !DETERMINERS.has(tokens[at - 1]?.lower ?? '');
    const finite = (x: Token): boolean => x.isWord && !x.isCap && (FINITE.test(x.lower) || PAST_VERBS.has(x.lower) || /ed$/.test(x.lower));
    if (!finite(verb) && !present(verb, subject.end)) return null;
    // (the main clause has its verb before the opener: in "The legislation before the committee would ..." "before"
    // is a preposition inside the subject)
    if (!tokens.slice(0, k).some((x, at) => finite(x) || SPEECH_VERBS.has(x.text) || present(x, at))) return null;
    // (a coordinated cue takes the same form as the clause's verb: "attacked ... and blamed", not "is ... and blamed")
    // (a participle joined to a participle goes on with it: "a speech blaming X and accusing Y")
    if (joined && !/ing$/.test(cue.lower) && /ed$/.test(cue.lower) !== (/ed$/.test(verb.lower) || PAST_VERBS.has(verb.lower))) return null;
    return subject;
  }
  return null;
}

/** Words that date a source between it and its verb: "released on Friday", "conducted Monday", "out Thursday". */
const PARTICIPLE_DATING = /^(released|published|conducted|taken|issued|out)$/;
const SOURCE_DATING =
  /^(released|published|conducted|taken|issued|out|on|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const CLAUSE_OPENER = /^(after|when|where|because|while|since|before|until|once|whereas)$/;

/**
 * "a new test, called ViraPap, identifies ...", "a venture called Desktop Express", "the unit will be called Acme Corp":
 * "called" that names a thing reports nothing (a speaker "calls" something: "Kemp called the tax a money grab").
 */
function namingCalled(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]!.text !== 'called') return false;
  const next = tokens[i + 1];
  if (!next || !((next.isWord && next.isCap && !NON_NAME_CAPS.has(next.lower)) || /^["“]$/.test(next.text))) return false;
  // ("the letter called Oz a quack", "called Mr. Obama's remarks "a wake-up call"": a name with its complement is spoken of)
  if (/^(mr|mrs|ms|dr|president|sen|senator|gov|governor|rep)\.?$/.test(next.lower)) return false;
  let n = i + 1;
  while (n < tokens.length && (tokens[n]!.isCap || /^["“”'’]$|^['’]s$/.test(tokens[n]!.text))) n++;
  if (/^(a|an|the|his|her|their|its)$/.test(tokens[n]?.lower ?? '')) return false;
  let k = i - 1;
  while (k > 0 && /^(commonly|also|so|now|formerly|tentatively|officially|informally|sometimes|often|to)$/.test(tokens[k]!.lower)) k--;
  const before = tokens[k];
  if (!before) return false;
  if (/^(be|is|was|are|were|been|being)$/.test(before.lower)) return true;
  // (a singular common noun: "officials called Reagan's plan ...", "what he called "an overhang"" name a speaker)
  const noun = (t: Token | undefined): boolean =>
    !!t &&
    nounLike(t) &&
    !/s$/.test(t.lower) &&
    !DETERMINERS.has(t.lower) &&
    !/^(he|she|it|they|we|i|you|who|which|that|what)$/.test(t.lower);
  if (before.text !== ',') return noun(before);
  // ("Minyon Moore, a senior adviser to the campaign, called ...": the comma closes an appositive on the speaker)
  for (let c = k - 1; c > Math.max(0, k - 12); c--) {
    const t = tokens[c]!;
    if (t.isWord && t.text === t.lower && (FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower) || PAST_VERBS.has(t.lower))) break;
    if (t.text === ',' && DETERMINERS.has(tokens[c + 1]?.lower ?? '')) return false;
  }
  return noun(tokens[k - 1]);
}

/** Words in -s that are no plural nouns ("has always stressed", "perhaps"). */
const NOT_PLURAL = /^(always|perhaps|sometimes|afterwards|towards|besides|whereas|nevertheless|nonetheless|regardless|overseas|thus|news)$/;

/**
 * "Wheat estimates ranged from 11 to 14 mln bushels", "initial estimates suggest ...", "press reports said ...": a
 * plural noun right before its clause's verb heads the subject; it reports nothing itself.
 */
function pluralSubjectNoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.isCap || !/^[a-z]{3,}[^su']s$/.test(t.lower) || NOT_PLURAL.test(t.lower) || !next?.isWord || next.isCap) return false;
  return FINITE.test(next.lower) || PAST_VERBS.has(next.lower) || /^[a-z]+[^e]ed$/.test(next.lower) || SPEECH_VERBS.has(next.lower);
}

/** Verbs that with "off" cancel, launch, dismiss workers or sell ("called off the strike", "laid off 790 workers"). */
const PARTICLE_OFF =
  /^(call|calls|called|calling|blast|blasted|knock|knocked|lay|lays|laid|laying|kick|kicked|sold|sell|sells|selling|spun|spin|spins|set|sets)$/;

/**
 * Whether the tokens of `mention` may be a speaker's noun phrase: not only a date or an opening adverb ("September",
 * "One month", "Once", "Besides"), nor lower-case words opened by a past verb or closed by a preposition ("came away",
 * "stopped short of", "made").
 */
function nounPhraseMention(tokens: readonly Token[], mention: Span): boolean {
  const words = tokens.filter((t) => t.start >= mention.start && t.end <= mention.end && t.isWord);
  if (words.length === 0) return true;
  const time = (t: Token): boolean =>
    WEEKDAY.test(t.lower) ||
    MONTH.test(t.lower) ||
    /^\d+$/.test(t.text) ||
    /^(once|month|months|year|years|week|weeks|day|days)$/.test(t.lower) ||
    (t.lower === 'one' && words.length > 1);
  if (words.every(time)) return false;
  const first = words[0]!;
  if (
    words.length === 1 &&
    first.isCap &&
    NON_NAME_CAPS.has(first.lower) &&
    !/^(he|she|it|they|we|i|you|this|that|these|those)$/.test(first.lower) &&
    !DETERMINERS.has(first.lower)
  )
    return false;
  if (words.some((t) => t.isCap)) return true;
  return !(PAST_VERBS.has(first.lower) || /^(of|to|for|about|with|on|in|at)$/.test(words[words.length - 1]!.lower));
}

/** Whether cue tokens [i, j] are adverbs, with at most auxiliaries or "also"/"still" beside them ("has repeatedly", "strongly"). */
function adverbsOnly(tokens: readonly Token[], i: number, j: number): boolean {
  let adverb = false;
  for (let k = i; k <= j; k++) {
    const t = tokens[k]!;
    if (isAdverb(t)) adverb = true;
    else if (!FINITE.test(t.lower) && !/^(also|still|now|already|not|never|often|even|just|once|ever|always|first)$/.test(t.lower))
      return false;
  }
  return adverb;
}

/** Whether token `k` can be the verb an adverb before it modifies: a lower-case word that is no function word, number or adverb. */
function verbAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t?.isWord || t.isCap || /\d/.test(t.text) || isAdverb(t) || DETERMINERS.has(t.lower)) return false;
  return !NOT_A_VERB.test(t.lower);
}
const NOT_A_VERB =
  /^(been|being|to|that|than|as|of|in|on|at|for|with|by|from|about|into|over|under|after|before|abroad|and|or|but|nor|so|yet|if|when|while|because|it|he|she|they|we|i|you|him|her|them|us|me|this|these|those|there|here|who|which|what|very|more|less|much|enough|too|against|between|through|during|without|within|across|up|down|out|off)$/;

/** Adverbs that attribute by themselves: "He reportedly met the envoy", "the allegedly forged letters". */
const EVIDENTIAL_ADVERB = /^(reportedly|allegedly|purportedly|supposedly|reputedly|ostensibly)$/;

const THAT_REPORTER = /^(said|says|told|tells|added|adds|wrote|writes|stated|announced|noted|argued|insisted|warned|reported)$/;

/** Whether a "that" opens a complement within a few plain words after token `i` (no clause or quotation between). */
function thatFollows(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 10); k++) {
    const t = tokens[k]!;
    if (t.lower === 'that') return true;
    if (!t.isWord && t.text !== ',') return false;
    if (FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower)) return false;
  }
  return false;
}
