/**
 * Speaker resolution: `resolveSpeakers` turns each raw attribution (`RawQuote`) into a speaker, a name as
 * written resolved to the fullest form the story gives, a pronoun, role or continued quotation to the most
 * recent compatible person or organisation, and what nothing names left unnamed. It reads the story's names
 * (name-mentions.ts, with titles.ts and speaker-words.ts), what the story's usage says of a word
 * (story-words.ts), the context of a mention (mention-context.ts), speakers opening on a figure
 * (figure-speakers.ts) and "it"/"they" standing for a body (pronoun-subjects.ts); the per-quote rules that only
 * it uses stay here.
 */
import type { Quote, QuoteKind, Sentence, Span } from '../types.js';
import { FIGURE_OPENING, figureSpeaker, groupBefore } from './figure-speakers.js';
import { DETERMINERS, GENERIC_ORG_HEADS, NON_NAME_CAPS, ORG_WORDS, SAYING_AFTER_NAME, SPEECH_VERBS } from './lexicon.js';
import { afterPreposition, dominantDemonym, setOffName, subjectOfVerb } from './mention-context.js';
import { COMPANY_FORM, ENVOY, findNameMentions, orgFits, type NameMention } from './name-mentions.js';
import { resolveThing, type Resolution } from './pronoun-subjects.js';
import { isOrgWord, MORE_ORG_WORDS, ORG_ROLES, PERSON_ROLES } from './speaker-words.js';
import { capitalisedMidSentence, lazySet, lazyValue, lowerCaseWords, namesAlone } from './story-words.js';
import { afterTitles, isTitle, officeHolderStart, officeStartBefore } from './titles.js';
import { ARABIC_PARTICLE, tokenize, type Token } from './tokens.js';

/**
 * A possessive pronoun that speaks (v78: "His remarks echoed ..." is spoken by "His") stands for whom its subject form would ("its" is left alone: in "The market is sticking to its recent prediction" the last organisation named is not it).
 * (Compared, not looked up as a key of an object: every quote's mention asked, and a fresh string as a key is interned first.)
 */
function ownerAsSubject(lower: string): string {
  return lower === 'his' ? 'he' : lower === 'her' ? 'she' : lower === 'their' ? 'they' : lower;
}

/** An attribution before its speaker is resolved to a name. */
export interface RawQuote extends Span {
  text: string;
  kind: QuoteKind;
  /** The speaker as written, with its appositive or parenthesis when it has one. */
  mention: Span | null;
  /** The part of `mention` that names the speaker ("Michael Mulgrew" of "Michael Mulgrew, president of …"). */
  name?: Span | null;
  description: string | null;
  verb: string | null;
  /** A run-on quotation takes the speaker of this earlier/later quote. */
  inheritedFrom?: RawQuote;
}
/** People named by their role, several of them ("officials", "sources"): nobody's name, whatever the case it is written in. */
const PLURAL_ROLE =
  /^(officials|sources|analysts|economists|traders|dealers|bankers|diplomats|experts|executives|officers|spokesmen|negotiators|delegates|lawmakers|legislators|brokers|investors|producers|exporters|importers)$/i;
const HONORIFIC = /\b(mr|mrs|ms|dr|sen|rep|gov|gen|senator|president|secretary|minister|judge|governor|mayor)\b/;
/** Heads of a phrase that stands for one unnamed person ("a spokesman", "the regional manager", "one trade official"). */
const SOMEONE = /^(aide|source|spokes\w+|\w+man|\w+woman|\w+person|\w+ist|\w+er|\w+or|official|executive|chief|head|director)$/;

/** Heads of a body's name that a "for" or "on" goes on ("Organisation for Economic Cooperation", "Commission on ..."). */
const ORG_BEFORE_PREPOSITION =
  /^(organisation|organization|institute|commission|committee|council|cent(?:er|re)|office|bureau|board|foundation|association|federation|league|union|agency|authority|society|academy|chamber|fund|coalition|alliance|campaign|conference|forum|movement|party)$/i;

/**
 * Resolve each quote's speaker (issues 5 and 15). A name as written is its own speaker ("Baker" →
 * "James Baker" when the story named him in full); a pronoun, a role ("the treasury secretary", "the
 * company") or a continued quotation goes to the most recent compatible named person or organisation
 * before it, never to a name inside quotation marks (`"All Mr. Baker did …," he said` is not Baker's).
 * What nothing names ("one U.S. analyst", a "he" with no one before it) keeps `speakerResolved: null`:
 * an honest "unnamed" beats a guess.
 */
export function resolveSpeakers(
  body: string,
  sentences: readonly Sentence[],
  raw: readonly RawQuote[],
  sentenceTokens: readonly (readonly Token[])[] = sentences.map((s) => tokenize(body, s.start, s.end)),
  quotedRanges: readonly (readonly [number, number])[] = [],
): Quote[] {
  // most wire stories quote nobody: nothing to resolve, no name index to build
  if (raw.length === 0) return [];
  const inQuotes = (offset: number): boolean => quotedRanges.some(([a, b]) => offset > a && offset < b);
  const midSentence = capitalisedMidSentence(sentenceTokens);
  // (only a lone capitalised word asks it: built on the first question, as most stories never ask)
  const lowerCase = lazySet(() => lowerCaseWords(sentenceTokens));
  // every name the story gives outside quotation marks (for full names and roles), and those that could be "he" or "the company"
  const allNames = findNameMentions(body, sentenceTokens, midSentence).filter((n) => !inQuotes(n.start));
  // (the names that may stand for a pronoun or a role: most quotes name their speaker, so made when first needed)
  const names = lazyValue(() => allNames.filter((n) => !afterPreposition(body, n.start)));
  // (asked only of "the government"-like speakers: most stories never need it, and it reads the whole body)
  const demonym = lazyValue(() => dominantDemonym(body));
  const done = new Map<RawQuote, Resolution>();

  /** The full name an earlier mention gave for a surname or titled name ("Baker" → "James Baker"). */
  const canonical = (name: string, at: number, person: boolean): { name: string; mention: NameMention | null } => {
    const words = name.split(/\s+/);
    if (!person || words.length > 2) return { name, mention: null };
    const surname = words[words.length - 1]!;
    const full = allNames.findLast(
      (n) =>
        n.start < at &&
        n.person &&
        n.name !== name &&
        ((n.name.split(/\s+/).length > words.length && n.name.endsWith(' ' + surname)) ||
          // ("said de Clercq" after "De Clercq": the story's own capitals)
          n.name.toLowerCase() === name.toLowerCase()),
    );
    return full ? { name: full.name, mention: full } : { name, mention: null };
  };

  /** The mentions of organisations the story named before `at` whose names open with `short` and a space, in story order. */
  const companiesOpenedBy = (short: string, at: number): NameMention[] =>
    allNames.filter((n) => !n.person && n.start < at && n.name.startsWith(`${short} `));

  /** Most recent named person before `at` outside quotation marks and outside `exclude`, or an earlier resolved quote speaker. */
  const previousPerson = (at: number, exclude: readonly Span[], gender: 'm' | 'f' | null): Resolution | null => {
    // the latest person who spoke before, named or not: after "a spokesman said ...", "he" is the spokesman
    let best: Resolution | null = null;
    let bestQuote: RawQuote | null = null;
    for (const [q, r] of done) {
      if (!(r.person || r.someone) || r.at >= at || r.speaker === 'unknown') continue;
      if (!best || r.at > best.at) [best, bestQuote] = [r, q];
    }
    // What that speaker said is not who speaks next: after `Sinai said he thought Volcker was one of the
    // best`, "he predicted" is Sinai. A plural speaker ("bankers said Smith would …") is no "he" or "she",
    // so a name in what they said stays a candidate. The same holds for someone the story does not name:
    // after `the spokesman said. He said … bases in Japan and South Korea …`, "he said" is the spokesman.
    const said = best && bestQuote && !isPlural(best.speaker) ? bestQuote : null;
    // (a name that is itself the subject of a verb of saying in what a news agency reported speaks after the agency:
    // `Antara reported that Siregar said the government wanted …` then `"…," he said` is Siregar; in what a person
    // said, `Reagan said Baker told him …`, the next "he" stays Reagan)
    const relayed = said !== null && /^report/.test(said.verb ?? '');
    const reportsInside = (n: NameMention) =>
      relayed && SPEECH_VERBS.has(/^\s+(?:also\s+)?(\p{Ll}+)/u.exec(body.slice(n.end, n.end + 20))?.[1] ?? '');
    const outside = (n: NameMention) =>
      n.end <= at &&
      !exclude.some((x) => n.start >= x.start && n.start < x.end) &&
      !(said && n.start >= said.start && n.start < said.end && !reportsInside(n));
    // a lone capitalised word ("London", "DIHT") is someone only as the surname of a person named in full;
    // a name in a list or an object ("negotiated by ... Trial Staff") is not who "he" goes back to: a subject is
    const compatible = (n: NameMention) =>
      n.person &&
      n.subject &&
      (gender === null || n.gender === null || n.gender === gender) &&
      // ("Mr. Sloan", "Sen. Warren": an honorific makes a lone surname a person)
      (n.name.includes(' ') || HONORIFIC.test([...n.roles].join(' ')) || canonical(n.name, n.start, true).mention !== null);
    const name = names().findLast((n) => outside(n) && compatible(n));
    // ("Robert Watson, a program manager ... at the U.S. National Aeronautics and Space Administration said": the
    // appositive that speaks for the organisation describes the name right before it)
    if (name && (!best || name.start > best.at || (best.someone && best.at - name.end <= 3))) {
      const c = canonical(name.name, name.start, true);
      return {
        speaker: c.name,
        description: null,
        resolved: { name: c.name, start: name.nameStart, end: name.end },
        person: true,
        at: name.start,
      };
    }
    if (!best || !bestQuote) return null;
    if (best.resolved && !best.someone) return best;
    // Someone the story does not name ("a company spokesman said …. He said …"): the reply says who, unnamed,
    // rather than a bare "he"; `speakerResolved` stays null (an honest "unnamed" beats a guess).
    const phrase = best.resolved && bestQuote.mention ? body.slice(bestQuote.mention.start, bestQuote.mention.end) : best.speaker;
    return { speaker: asUnnamed(phrase), description: null, resolved: null, person: true, at: best.at, someone: true };
  };

  /**
   * "They said …" right after "…, bankers said.": the speakers of the attribution just before (in this
   * sentence or the one before), when several people or an organisation; not the subject of that
   * sentence ("Paul Volcker's resignation creates a vacuum, bankers said").
   */
  const previousGroup = (at: number): Resolution | null => {
    const idx = sentences.findIndex((s) => at >= s.start && at < s.end);
    // (a few sentences back: "..., money traders said. Of the total, ... The repurchase yields compare ... .
    // "The operation will ...," they said." A singular speaker in between is no "they", so it does not block)
    const from = sentences[Math.max(0, idx - 3)]?.start ?? 0;
    let best: Resolution | null = null;
    for (const [q, r] of done) {
      const mentionAt = q.mention?.start ?? -1;
      if (mentionAt < from || mentionAt >= at || r.speaker === 'unknown') continue;
      // (several people, or an organisation the story names: not whatever phrase a cue found before "said")
      if (!isPlural(r.speaker) && (r.person || !r.resolved)) continue;
      if (!best || r.at > best.at) best = r;
    }
    return best;
  };

  /**
   * "Acme Corp unveiled two computers. In addition, it announced …": "it" that speaks is the latest
   * organisation the story named as such (Corp, Ministry, Bank …) before it, outside the quotation.
   */
  const previousOrganisation = (at: number, q: RawQuote): Resolution | null => {
    const org = [...names()]
      .reverse()
      .find((n) => n.end <= at && !n.person && !(n.start >= q.start && n.start < q.end) && n.name.split(/\s+/).some(isOrgWord));
    return org
      ? { speaker: org.name, description: null, resolved: { name: org.name, start: org.nameStart, end: org.end }, person: false, at }
      : null;
  };

  /**
   * "CMS Energy Corp said ... . CMS reported ... . It said ...": a company's short name is the full name the story gave it
   * before, when what the full name adds is only its legal form and words of a company's name ("Energy Corp", "Co").
   */
  const fullCompanyName = (r: Omit<Resolution, 'at'>, at: number): Omit<Resolution, 'at'> => {
    const short = r.resolved!.name;
    const full = allNames.find(
      (n) =>
        n.start < at &&
        !n.person &&
        n.name.startsWith(`${short} `) &&
        n.name
          .slice(short.length + 1)
          .split(/\s+/)
          .every((w) => COMPANY_FORM.test(w) || isOrgWord(w)),
    );
    return full ? { ...r, speaker: full.name, resolved: { name: full.name, start: full.nameStart, end: full.end } } : r;
  };

  /** "It said": a subject that names someone ("the Syrian government"), else the latest organisation named, else what the subject reads. */
  const itSpeaker = (
    subject: (Omit<Resolution, 'at'> & { reportedIn?: RawQuote }) | null,
    at: number,
    q: RawQuote,
  ): Omit<Resolution, 'at'> | null => {
    // ("Ecolab Co signed a contract ..., the New China News Agency said. It said ...", "Thailand exported 84,960 tonnes
    // ..., the Commerce Ministry said. It said ...": a subject that only stands in what an organisation reported is what
    // it spoke of; the "it" that goes on speaking is that organisation. After a person's report, "Acme will close two
    // plants, chairman John Smith said. It said ...", the "it" is what the person spoke of)
    const reporter = subject?.reportedIn ? resolveOne(subject.reportedIn) : null;
    if (reporter && !reporter.person && !reporter.someone && reporter.resolved) return fullCompanyName(reporter, at);
    if (subject?.resolved) return fullCompanyName(subject, at);
    // ("The Commission, headed by ..., forecast ... . ..., it said": a subject that is an organisation's capitalised
    // name after "the" is what "it" takes up, when it is the latest organisation named)
    const named = previousOrganisation(at, q);
    const head = subject && /^the(?:\s+\p{Lu}[\p{L}.&'’-]*)+$/u.exec(subject.speaker) ? subject.speaker.split(/\s+/).pop()! : null;
    if (named && head && named.speaker.endsWith(head)) return named;
    return speakingOrganisation(at) ?? named ?? subject;
  };

  /** "they" is several: not a subject that names one ("Petrobras cancelled a purchase ... after they refused", "Real GDP rose ..."). */
  const several = (r: Omit<Resolution, 'at'> | null): Omit<Resolution, 'at'> | null =>
    r && (isPlural(r.speaker) || (!r.resolved && isPlural(r.speaker.toLowerCase())) || /\s(and|&)\s/.test(r.speaker)) ? r : null;

  const resolveOne = (q: RawQuote): Resolution => {
    const known = done.get(q);
    if (known) return known;
    let out: Resolution;
    if (!q.mention) {
      if (q.inheritedFrom && q.inheritedFrom !== q) {
        const from = resolveOne(q.inheritedFrom);
        out = { ...from, description: q.description ?? from.description };
      } else out = { speaker: 'unknown', description: q.description, resolved: null, person: false, at: q.start };
      done.set(q, out);
      return out;
    }
    const named = q.name ?? q.mention;
    const text = body.slice(named.start, named.end).replace(/\s+/g, ' ');
    const mentionText = body.slice(q.mention.start, q.mention.end).replace(/\s+/g, ' ');
    // ("His remarks indicated ...": the owner of what was said speaks, and "his" stands for whom "he" would)
    const lower = ownerAsSubject(text.toLowerCase());
    const at = named.start;
    const words = text.split(' ');
    const setOff = setOffName(body, named, text, q.verb);
    // (undefined: the mention is no figure, or one that counts people, who speak as written)
    const figure = FIGURE_OPENING.test(mentionText) ? figureSpeaker(mentionText.split(' ')) : undefined;
    if (/^(he|she|i|we|you)$/.test(lower)) {
      const gender = lower === 'he' ? 'm' : lower === 'she' ? 'f' : null;
      // Not a name inside what this attribution reports, on either side of it: in `Volcker knows the
      // problems, he said, adding that …` the "he" of both parts is the same speaker, not Volcker.
      const sameMention = raw.filter((o) => o.mention && o.mention.start === q.mention!.start && o.mention.end === q.mention!.end);
      const r = previousPerson(at, [q, ...sameMention], gender);
      out = r ? { ...r, at } : { speaker: 'unknown', description: null, resolved: null, person: true, at };
    } else if (lower === 'it' && IMPERSONAL_IT.test(body.slice(named.end, named.end + 80))) {
      // "It has been reported that …", "It is not clear whether …": no one's words, not the organisation named last
      out = { speaker: 'unknown', description: null, resolved: null, person: false, at };
    } else if (/^(it|they|who|which)$/.test(lower)) {
      const r =
        lower === 'they'
          ? (previousGroup(at) ?? several(resolveThing(body, sentences, named, lower, demonym, q, { midSentence, lowerCase }, raw)))
          : lower === 'it'
            ? itSpeaker(resolveThing(body, sentences, named, lower, demonym, q, { midSentence, lowerCase }, raw), at, q)
            : resolveThing(body, sentences, named, lower, demonym, q, { midSentence, lowerCase }, raw);
      out = r ? { ...r, at } : { speaker: 'unknown', description: null, resolved: null, person: false, at };
    } else if (figure !== undefined) {
      // ("Some 79 pct of respondents said", "Of those responding, 70 pct were encouraged", "41 pct approved": a share or
      // an amount speaks for no one; the group it is a share of is the speaker, and without one nobody is named. The
      // mention stays as written)
      const group = figure ?? groupBefore(body, q.mention.start);
      out = { speaker: group ?? 'unknown', description: null, resolved: null, person: false, at };
    } else if (setOff) {
      // ("One of their leaders, Orlando dos Santos, told Reuters", "said India's delegate, S. Venkitaramanan.": the
      // name set off by commas after the phrase is whom it describes; the phrase stays the mention, which /quote shows
      // before the name: "One of their leaders — Orlando dos Santos")
      const r = resolveName(body.slice(setOff.start, setOff.end).replace(/\s+/g, ' '), setOff, true);
      out = r.resolved ? r : resolveName(text, named, subjectOfVerb(body, named.end, q.verb));
    } else if (
      DETERMINERS.has(words[0]!.toLowerCase()) &&
      words.length <= 4 &&
      (words.slice(1).every((w) => !/^\p{Lu}/u.test(w) || isTitle(w)) ||
        // ("the Shearson official": an organisation's name modifying a lower-case role noun is still a role)
        (words.length >= 3 && PERSON_ROLES.test(words[words.length - 1]!)) ||
        // ("the Bank of England said. The Bank said": an organisation's head word capitalised is the short form of its name)
        (words.length === 2 && /^\p{Lu}\p{Ll}+$/u.test(words[1]!) && ORG_ROLES.test(words[1]!.toLowerCase())))
    ) {
      out = resolveRole(words, at, q);
    } else if (words.length === 1 && /^(company|firm|group|bank)$/.test(lower)) {
      // ("NOTE - Company said ...", "Company also said": the wire's shorthand drops the article)
      out = resolveRole(['the', lower], at, q);
    } else {
      out = resolveName(text, named, subjectOfVerb(body, named.end, q.verb));
    }
    // (a description that is the resolved name itself, "India's delegate, S. Venkitaramanan", describes nothing)
    if (q.description) out = { ...out, description: q.description };
    if (out.description !== null && out.description === out.resolved?.name) out = { ...out, description: null };
    done.set(q, out);
    return out;
  };

  /**
   * "Ronald Gallatin, managing director at Shearson, said ... . The Shearson official said ...": a role modified by an
   * organisation's name ("the Shearson official", "the IBM executive") is the latest person the story named with that
   * organisation in the appositive right after the name. Without such a person it stays unnamed.
   */
  const affiliatedPerson = (words: readonly string[], at: number, q: RawQuote): Resolution | null => {
    const orgs = words.slice(1, -1).filter((w) => /^\p{Lu}/u.test(w) && !isTitle(w));
    if (orgs.length === 0) return null;
    const match = names().findLast((n) => {
      if (n.end > at || !n.person || !n.name.includes(' ') || (n.start >= q.start && n.start < q.end)) return false;
      const appositive = /^,([^,.;"“”]{0,80})/.exec(body.slice(n.end, n.end + 90))?.[1] ?? '';
      return orgs.every((o) => new RegExp(`\\b${o.replace(/[^\p{L}\p{N}]/gu, '')}\\b`, 'u').test(appositive));
    });
    if (!match) return null;
    const c = canonical(match.name, match.start, true);
    return { speaker: c.name, description: null, resolved: { name: c.name, start: match.nameStart, end: match.end }, person: true, at };
  };

  /**
   * The named speaker of the latest attribution (by where its speaker is mentioned) that ends before `at` and that
   * `fits`, as mentioned there (`at` the mention's start); null when none does.
   */
  const latestNamed = (at: number, fits: (o: RawQuote, mention: Span, r: Resolution, name: string) => boolean): Resolution | null => {
    let best: Resolution | null = null;
    for (const [o, r] of done) {
      if (!o.mention || !r.resolved || o.mention.end > at || !fits(o, o.mention, r, r.resolved.name)) continue;
      if (!best || o.mention.start > best.at) best = { ...r, at: o.mention.start };
    }
    return best;
  };

  /** The named speaker of the latest attribution before `at` that takes its speaker up with "it"/"its" ("X said it will"). */
  const itsSpeaker = (at: number): Resolution | null => {
    const r = latestNamed(
      at,
      (_, mention, r, name) =>
        !(r.person && /\s/.test(name)) &&
        /^\s+(?:also\s+)?said\s+(?:that\s+)?(?:it|its)\s/u.test(body.slice(mention.end, mention.end + 40)),
    );
    return r && { ...r, person: false };
  };

  /**
   * "Quaker Oats Co said it filed a shelf registration with the Securities and Exchange Commission. ... "...," it said":
   * a speaking "it" goes on with the organisation that has been speaking (the latest attribution to a named
   * organisation, or to a name taken up with "it"/"its"), not with whatever organisation was last named in what it said.
   */
  const speakingOrganisation = (at: number): Resolution | null => {
    const r = latestNamed(
      at,
      (_, mention, r, name) =>
        !r.person ||
        (!/\s/.test(name) && /^\s+(?:also\s+)?said\s+(?:that\s+)?(?:it|its)\s/u.test(body.slice(mention.end, mention.end + 40))),
    );
    return r && { ...r, person: false };
  };

  /**
   * The named organisation that spoke last before `at` and could be a company: a bare name ("PacifiCorp said ..."), not
   * an institution the story writes with "the" ("the Pentagon said") nor a public body ("the Agriculture Ministry").
   */
  const organisationSpeaker = (at: number): Resolution | null =>
    latestNamed(
      at,
      (_, mention, r, name) =>
        !r.person && !DETERMINERS.has(body.slice(mention.start, mention.end).split(/\s+/)[0]!.toLowerCase()) && !PUBLIC_BODY.test(name),
    );

  /** The named speaker of the latest attribution before `at` whose own words mention a statement ("X said in a statement"). */
  const statementSpeaker = (at: number): Resolution | null =>
    latestNamed(at, (o, mention) => {
      const sentence = sentences.find((x) => mention.start >= x.start && mention.start < x.end);
      if (!sentence) return false;
      // the attribution's own words: the sentence outside the quotation it attributes
      const words =
        body.slice(sentence.start, Math.max(sentence.start, o.start)) + ' ' + body.slice(Math.min(o.end, sentence.end), sentence.end);
      return /\bstatement\b/i.test(words);
    });

  /** "the treasury secretary" → the latest name titled so; "the company" → the latest organisation; "the government" → "the Syrian government". */
  const resolveRole = (words: readonly string[], at: number, q: RawQuote): Resolution => {
    const text = words.join(' ');
    const head = withoutTime(words).pop()!.toLowerCase();
    const asWritten: Resolution = {
      speaker: text,
      description: null,
      resolved: null,
      person: PERSON_ROLES.test(head) || SOMEONE.test(head),
      at,
    };
    if (PERSON_ROLES.test(head)) {
      const roles = words.slice(1).map((w) => w.toLowerCase());
      const match = [...names()]
        .reverse()
        .find((n) => n.end <= at && n.person && !(n.start >= q.start && n.start < q.end) && roles.every((r) => n.roles.has(r)));
      if (match) {
        const c = canonical(match.name, match.start, true);
        return { speaker: c.name, description: null, resolved: { name: c.name, start: match.nameStart, end: match.end }, person: true, at };
      }
      const affiliated = affiliatedPerson(words, at, q);
      if (affiliated) return { ...affiliated, at };
      return asWritten;
    }
    if (head === 'statement' && words.length <= 3) {
      // "Rainbow said in a statement. ... The statement said ...": the statement is the one that speaker issued, the
      // latest attribution before that names a statement in its own words ("said in a statement", "a statement from X")
      const issued = statementSpeaker(at);
      if (issued) return { ...issued, at };
    }
    if (ORG_ROLES.test(head) || GENERIC_ORG_HEADS.has(head)) {
      if (
        words.length === 2 &&
        GENERIC_ORG_HEADS.has(head) &&
        /^(government|army|military|police|forces|ministry|presidency|parliament|cabinet)$/.test(head) &&
        demonym()
      ) {
        const name = `the ${demonym()} ${head}`;
        return { speaker: name, description: null, resolved: { name, start: at, end: at + text.length }, person: false, at };
      }
      const fits = (n: NameMention) => n.end <= at && !n.person && !(n.start >= q.start && n.start < q.end) && orgFits(n, head);
      // ("the Bank of England said ... . The Bank said ... . The Bank added": a name that is the head alone is the role
      // again; the body it stands for is the fuller name before it, where there is one)
      const fitsFully = (n: NameMention) => fits(n) && n.name.toLowerCase().replace(/^(the|a|an)\s+/, '') !== head;
      // the company the story is about opens its sentences ("CCX Network Inc said"), its underwriters do not
      // "Utilicorp said it will request ...": a name with no company form is still the company when what it said takes
      // it up with "it" or "its" (a person is "he" or "his"); a subject so marked fits "the company"
      // "the company said" continues a company that has been speaking: a fitting name that was itself the subject of a
      // speech verb ("DTD Enterprises Inc said ... EaglesLair Development Corp had assumed control ... the company
      // said") goes before one that was the subject of another verb; else the latest fitting subject
      const spoke = (n: NameMention) => [...done.keys()].some((o) => o.mention && n.start >= o.mention.start && n.end <= o.mention.end);
      const subjectFit =
        names().findLast((n) => fitsFully(n) && n.subject && spoke(n)) ??
        names().findLast((n) => fitsFully(n) && n.subject) ??
        names().findLast((n) => fits(n) && n.subject && spoke(n)) ??
        names().findLast((n) => fits(n) && n.subject);
      // ("PacifiCorp said an offering ... through underwriters led by ... Printon, Kane and Co. The company said": a
      // company that spoke before is the one "the company" continues, rather than one in a list of its underwriters)
      const company = /^(company|firm|corporation|concern|utility|airline|partnership|insurer|retailer)$/.test(head);
      // ("Moody's Investors Service Inc said it may downgrade ... . The rating agency cited ...": a rating agency is a
      // company, and a public agency a public body; "the agency" with no name that says so is the organisation that spoke)
      const itself = subjectFit
        ? null
        : company
          ? (itsSpeaker(at) ?? organisationSpeaker(at))
          : head === 'agency'
            ? latestNamed(at, (_, __, r, name) => !r.person && AGENCY_NAME.test(name))
            : null;
      if (itself) return { ...itself, at };
      // (a company named only in what was reported, not as the subject of anything, is spoken of: "The new version, for
      // use on the Apple Computer Inc Apple IIGS, includes ..., Activision said. The company added ..." is not Apple)
      const reported = (n: NameMention) => [...done.keys()].some((o) => n.start >= o.start && n.start < o.end);
      const match = subjectFit ?? names().findLast((n) => fitsFully(n) && !reported(n)) ?? names().findLast((n) => fits(n) && !reported(n));
      if (match)
        return {
          speaker: match.name,
          description: null,
          resolved: { name: match.name, start: match.nameStart, end: match.end },
          person: false,
          at,
        };
    }
    return asWritten;
  };

  /**
   * A name as written: the capitalised run that ends it ("Republican presidential nominee Donald Trump"),
   * titles dropped ("Treasury Secretary James Baker" → "James Baker"), an affiliation split off ("Robert
   * Brusca of Nikko Securities" → "Robert Brusca", described "Nikko Securities"), a surname made the
   * full name given earlier. A phrase ending in a lower-case word ("one U.S. analyst") names no one.
   */
  const resolveName = (text: string, named: Span, subject: boolean): Resolution => {
    // "a spokesman", "one trade official", "a union leader": someone a later "he" may stand for
    const head = withoutTime(text.replace(/\s+(at|of|for|in|with|from|on|to)\s.*$/i, '').split(' '))
      .pop()!
      .toLowerCase();
    const someone = PERSON_ROLES.test(head) || SOMEONE.test(head);
    const unnamed: Resolution = { speaker: text, description: null, resolved: null, person: someone, at: named.start };
    // ("U.S. Officials said", "Some U.S. Officials complained": the wire capitalises the word after "U.S."; people named
    // by a plural role are unnamed whatever their case)
    if (/\bU\.S\.\s+\p{Lu}/u.test(text) && PLURAL_ROLE.test(text.split(' ').pop()!)) return { ...unnamed, person: true };
    // "the French said", "the Japanese say": a nationality adjective standing as a noun is a people (or, unsaid, its
    // government), not someone named "French"
    if (/^[Tt]he\s+\p{Lu}\p{Ll}+(?:ench|tch|ish|ese|ian|ians)$/u.test(text)) return { ...unnamed, person: false };
    // "The French government said": a nationality and a state body name one organisation, as "the Syrian army" does
    if (
      /^[Tt]he\s+\p{Lu}\p{Ll}+(?:ench|tch|ish|ese|ian|an|i)\s+(government|army|military|police|ministry|presidency|parliament|cabinet)$/u.test(
        text,
      )
    ) {
      const name = text.replace(/^The\b/, 'the');
      return { speaker: name, description: null, resolved: { name, start: named.start, end: named.end }, person: false, at: named.start };
    }
    const raw = [...body.slice(named.start, named.end).matchAll(/\S+/g)];
    // ("the Ministry of International Trade and Industry (MITI)": the acronym after a name glosses it, no part of it)
    if (raw.length > 1 && /^\([A-Z][A-Z.&-]*\)$/.test(raw[raw.length - 1]![0])) raw.pop();
    const words = raw.map((m) => m[0]);
    const joiner = (w: string): boolean => /^(of|de|al|bin|van|von|da|du|la|le|dos|das|del|der|and|&)$/.test(w);
    // "Stuart McKibbin of Melbourne broker A.C. Goode and Co Ltd": a person's name opening the mention before "of" is the
    // speaker, and all after "of" (lower-case words and all) is the affiliation, not a later capitalised run
    const of0 = words.indexOf('of');
    const lead = of0 > 0 ? words.slice(0, of0) : [];
    if (
      lead.length >= 2 &&
      lead.length <= 4 &&
      lead.every((w) => /^\p{Lu}/u.test(w) && !isOrgWord(w)) &&
      !isTitle(lead[lead.length - 1]!) &&
      words.slice(of0 + 1).some((w) => /^\p{Ll}/u.test(w) && w !== 'the' && !joiner(w))
    ) {
      const t = afterTitles(lead, 0);
      const start = named.start + raw[t]!.index;
      const end = named.start + raw[of0 - 1]!.index + words[of0 - 1]!.length;
      const c = canonical(lead.slice(t).join(' '), named.start, true);
      return {
        speaker: c.name,
        description: words.slice(of0 + 1).join(' '),
        resolved: { name: c.name, start, end },
        person: true,
        at: named.start,
      };
    }
    let k = words.length;
    // ("Paul Krugman of the New York Times": "of the" joins a name to its affiliation)
    const ofThe = (i: number): boolean => words[i] === 'the' && words[i - 1] === 'of' && i + 1 < words.length;
    const walkBack = (from: number): number => {
      let j = from;
      while (
        j > 0 &&
        (/^\(?[\p{Lu}\d]/u.test(words[j - 1]!) ||
          ARABIC_PARTICLE.test(words[j - 1]!) ||
          ((joiner(words[j - 1]!) || ofThe(j - 1)) && j < words.length))
      )
        j--;
      return j;
    };
    k = walkBack(k);
    // ("the Organisation for Economic Cooperation and Development", "the Institute for International Economics": a "for"
    // or "on" after an organisation's word is inside its name; not a state's office, "Minister of State for Foreign
    // Affairs", nor a body a title or an envoy is of, whose holder is named after it: "the secretary general of the
    // Organisation for Economic Cooperation and Development Jean-Claude Paye")
    if (k > 1 && /^(for|on)$/.test(words[k - 1]!) && ORG_BEFORE_PREPOSITION.test(words[k - 2]!)) {
      // (the body's own capitalised words, and what stands before them)
      let head = k - 2;
      while (head > 0 && /^\p{Lu}/u.test(words[head - 1]!)) head--;
      const complement = /^(of|to)$/.test(words[head - 1] ?? '') || (words[head - 1] === 'the' && /^(of|to)$/.test(words[head - 2] ?? ''));
      if (!complement) k = walkBack(k - 1);
    }
    // ("The 41-year-old Slutksy", "The 21-member Association of European Airlines", "in 1985 and Gosper", "local 222": a
    // number, or a compound a number opens with a lower-case word, opens no name; "3Com" and "7-Eleven" do)
    k = pastNumbers(words, k);
    // ("He and Keating last week warned": the pronoun is someone named before; the name is the one written here)
    if (/^(he|she|they|we|i)$/i.test(words[k] ?? '') && words[k + 1] === 'and') k += 2;
    // (a particle opening the mention opens the surname: "said de Clercq" is Willy De Clercq, not "Clercq")
    while (k < words.length && joiner(words[k]!) && !(k === 0 && NAME_PARTICLE.test(words[0]!) && /^\p{Lu}/u.test(words[1] ?? ''))) k++;
    if (k === words.length) return unnamed;
    // ("Minister of State for Trade Alan Clark": a "for" inside a title's office, the holder named after it)
    if (k > 2 && words[k - 1] === 'for') {
      const office = officeStartBefore(words, k - 1);
      // (only where someone holding it is named: "The Secretary of State for Trade and Industry" alone names no one)
      if (office !== undefined && officeHolderStart(words, office) > office) k = office;
    }
    // ("Portuguese Ambassador to China Octavio Valerio": the envoy, named after the country he is sent to)
    if (k > 1 && words[k - 1] === 'to' && ENVOY.test(words[k - 2]!.toLowerCase()) && words.length - k >= 3) k++;
    // "One government bond salesman in New York": the speaker is the salesman, not the place
    else if (k > 0 && /^(in|at|of|from|for|with|on|to|near)$/i.test(words[k - 1]!)) return unnamed;
    // a single capitalised word opening its sentence ("Analysts said") is a name only if the story capitalises it elsewhere
    const sentenceStart = /(^|[.!?]["”]?)\s*$/.test(body.slice(Math.max(0, named.start - 3), named.start));
    const lone = k === words.length - 1 && k === 0 && sentenceStart;
    if (lone && !(midSentence.has(words[k]!.replace(/['’]s$/, '')) || (subject && namesAlone(words[k]!.replace(/['’]s$/, ''), lowerCase))))
      return unnamed;
    // (a lone word the story names nowhere else may be a country or a company as well as a person: no later "he" is it)
    const maybePerson = !lone || midSentence.has(words[k]!.replace(/['’]s$/, ''));
    // ("General Acquisition Co said ... . General Acquisition said": the short form of a company the story named keeps
    // the word that reads as a title or an opener, as "First Chicago Corp" keeps its "First")
    const whole = words.slice(k).join(' ');
    const fuller = companiesOpenedBy(whole, named.start);
    const shortForm = fuller.length > 0;
    const ordinalCompany = /^(first|second|third)$/i.test(words[k]!) && (shortForm || words.slice(k + 1).some((w) => COMPANY_FORM.test(w)));
    if (k === 0 && NON_NAME_CAPS.has(words[0]!.toLowerCase()) && !ordinalCompany) k++;
    k = pastNumbers(words, k);
    if (k >= words.length) return unnamed;
    // "Treasury Secretary James Baker" and "Federal Reserve Board Governor Robert Heller" lose their titles; "Agriculture Department" keeps its "Agriculture"
    // ("Analyst Thaddeus Paluszek of Merrill Lynch and Co": the organisation words of the affiliation after "of" do not
    // make the titles before the name part of an office's name)
    // (only when a title stands before a name there: "Bank of England Governor Robin Leigh-Pemberton" keeps its "of")
    const firstOf = words.findIndex((w, i) => i > k && w === 'of' && !isTitle(words[i - 1]!));
    const titledBefore = firstOf > k && words.slice(k, firstOf - 1).some(isTitle);
    if (!shortForm) k = afterTitles(titledBefore ? words.slice(0, firstOf) : words, k);
    let last = words.length;
    let affiliation: string | null = null;
    // (where an affiliation after "of" starts, when it is one: an office before a holder is none)
    let afterOf = -1;
    // ("Comptroller of the Currency Robert Clarke", "Governor of the Bank of England Robin Leigh-Pemberton": a title of an
    // office, then the one who holds it; was "Comptroller", the rest taken for an affiliation)
    const holder = officeHolderStart(words, k);
    if (holder > k) {
      affiliation = words.slice(k, holder).join(' ');
      k = holder;
    }
    const of = words.indexOf('of', k);
    if (of > k && of - k <= 3 && of < words.length - 1 && words.slice(k, of).every((w) => /^\p{Lu}/u.test(w))) {
      affiliation = words.slice(of + 1).join(' ');
      afterOf = of + 1;
      last = of;
    }
    // ("Barclays de Zoete Wedd's Brett said", "Morgan Grenfell's Bell": after a firm's possessive, a surname the story gives
    // in full to a person is that person; not "People's Daily", nor "Moody's Investors Service")
    if (last - k >= 2 && /['’]s$/.test(words[last - 2]!) && canonical(words[last - 1]!, named.start, true).mention) k = last - 1;
    const nameWords = words.slice(k, last);
    // ("<Bower industries Inc> said": a legal form left alone after a lower-case word names no one)
    if (nameWords.every((w) => COMPANY_FORM.test(w))) return unnamed;
    // ("First of America Bank Corp": an ordinal before "of" opens a company's name, no person's)
    const isOrg =
      nameWords.some((w) => ORG_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')) || MORE_ORG_WORDS.test(w.replace(/[^A-Za-z]/g, ''))) ||
      (ordinalCompany && nameWords.length === 1);
    if (isOrg && affiliation) {
      // "Bank of America": the "of" is part of the name, as far as its capitalised words go ("Central Bureau of Statistics
      // figures show": the figures are no part of the bureau's name)
      const after = affiliation.split(' ');
      let n = 0;
      while (n < after.length && (/^\(?\p{Lu}/u.test(after[n]!) || /^(of|and|for|on|the|&)$/.test(after[n]!))) n++;
      while (n > 0 && /^(of|and|for|on|the|&)$/.test(after[n - 1]!)) n--;
      nameWords.push('of', ...after.slice(0, n));
      affiliation = null;
      last = afterOf >= 0 ? afterOf + n : words.length;
    }
    const start = named.start + raw[k]!.index;
    const end = named.start + raw[last - 1]!.index + words[last - 1]!.length;
    // ("Moody's said", "McDonald's told": right before a verb of saying no possessive stands, the
    // firm's name ends in it)
    const ownS = SAYING_AFTER_NAME.has(/^\s+(\p{Ll}+)\b/u.exec(body.slice(end, end + 16))?.[1] ?? '');
    const bare = ownS ? nameWords.join(' ') : nameWords.join(' ').replace(/['’]s$/, '');
    const person = !isOrg && !shortForm && nameWords.length <= 4 && maybePerson;
    // ("Moody's Investors Service Inc said ... . Moody's said ...": a possessive standing alone as the speaker is the short
    // form of the company name it opens, as an earlier attribution gave it; not "Moody")
    const stem = nameWords[0]!.replace(/['’]s$/, '');
    if (nameWords.length === 1 && (stem !== nameWords[0] || /^['’]s\b/.test(body.slice(end, end + 3)))) {
      const full = latestNamed(named.start, (_, __, r, name) => !r.person && name.replace('’', "'").startsWith(`${stem}'s `));
      if (full?.resolved) return { ...full, description: affiliation, resolved: full.resolved, at: named.start };
    }
    // ("<Dart Group Inc> said ... . Dart said": the short form of a company the story named is that company, as a
    // surname is the person the story named in full; not when it named two ("Bow Valley Industries" and its unit
    // "Bow Valley Exploration Norge": the short form stays as written)
    const company = bare === whole && new Set(fuller.map((n) => n.name)).size === 1 ? fuller.at(-1)! : null;
    if (company)
      return {
        speaker: company.name,
        description: affiliation,
        resolved: { name: company.name, start: company.start, end: company.end },
        person,
        at: named.start,
      };
    // ("the Statistics Bureau said ... . The Bureau said": a body's head word alone is the short form of the body the story
    // named with it)
    if (nameWords.length === 1 && isOrg && k > 0) {
      const head = nameWords[0]!.toLowerCase();
      const headOf = (name: string): boolean => {
        // (a name is more than its head and an article: "The Commission" is the role again)
        const ws = name
          .toLowerCase()
          .split(' ')
          .filter((w) => !DETERMINERS.has(w));
        // (the last word, or the one before its "of": "Chamber of Mines")
        return ws.length > 1 && (ws[ws.length - 1] === head || (ws.indexOf('of') > 0 && ws[ws.indexOf('of') - 1] === head));
      };
      const full = latestNamed(named.start, (_, __, r, name) => !r.person && headOf(name));
      if (full?.resolved) return { ...full, description: affiliation, resolved: full.resolved, at: named.start };
    }
    const c = canonical(bare, named.start, person);
    // ("a spokesman for the International Trade and Industry Ministry said": the ministry speaks through someone unnamed,
    // whom a later "he" stands for; not through "Japan", named before)
    const through = someone && !person && DETERMINERS.has(words[0]!.toLowerCase()) && k > 1;
    return { speaker: c.name, description: affiliation, resolved: { name: c.name, start, end }, person, at: named.start, someone: through };
  };

  return raw.map((q) => {
    let r = notTheAsker(body, q, resolveOne(q));
    // (a pronoun or a role taken back to a figure, "It" to "Some 62.1 pct of the volume": a figure is no one)
    if (!r.resolved && FIGURE_OPENING.test(r.speaker)) {
      const group = figureSpeaker(r.speaker.split(' '));
      if (group !== undefined) r = { ...r, speaker: group ?? 'unknown', description: null };
    }
    return {
      text: q.text,
      kind: q.kind,
      speaker: r.speaker,
      speakerMention: q.mention ? { start: q.mention.start, end: q.mention.end } : null,
      speakerResolved: r.resolved,
      speakerDescription: r.description,
      verb: q.verb,
      start: q.start,
      end: q.end,
    };
  });
}

/** Words before a name that make it the one who asked, not the one who spoke: "polled by", "told". */
const ASKED_BY = /\b(polled|contacted|surveyed|interviewed|questioned|quoted|obtained|reached|asked)\s+by\s+$/i;
const TOLD = /\b(told|telling)\s+$/i;

/**
 * "economists polled by Reuters said", "an official told Reuters": the agency that asked, or was told,
 * is no speaker. Where the name is the one a mention's own words ask by, the people the mention names
 * speak, unnamed ("economists polled by Reuters"); where the mention is the addressee alone, nobody
 * named does (the speaker is "unknown" rather than the wrong one).
 */
function notTheAsker(body: string, q: RawQuote, r: Resolution): Resolution {
  const mention = q.mention;
  if (!mention) return r;
  const lead = (at: number): string => body.slice(Math.max(0, at - 24), at);
  if (TOLD.test(lead(mention.start))) return { ...r, speaker: 'unknown', resolved: null };
  const name = r.resolved;
  if (!name || name.start < mention.start || name.start >= mention.end || !ASKED_BY.test(lead(name.start))) return r;
  const asked = mention.start < name.start - 4;
  return { ...r, speaker: asked ? body.slice(mention.start, mention.end).replace(/\s+/g, ' ') : 'unknown', resolved: null };
}

/**
 * After an "it" that stands for no one: a passive of saying or knowing, or an adjective of certainty, that is not
 * followed by "to" ("it is expected that …" is impersonal; "it is expected to reinstate the order" is the agency's).
 */
const IMPERSONAL_IT =
  /^\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|could\s+be|may\s+be|might\s+be)\s+(?:(?:not|also|still|generally|widely|now|already)\s+)*(?:expected|reported|announced|agreed|estimated|believed|understood|thought|said|learned|learnt|stated|feared|hoped|rumou?red|claimed|alleged|noted|known|felt|assumed|clear|unclear|likely|unlikely|possible|certain|uncertain)\b(?!\s+to\b)/;

/**
 * A phrase's words without a time that closes it: the head of "The government last summer" is "government", not a
 * "summer" that reads like a person's role ("-er").
 */
function withoutTime(words: readonly string[]): string[] {
  const n = words.length;
  if (n > 1 && /^(today|yesterday|tonight|tomorrow)$/i.test(words[n - 1]!)) return words.slice(0, n - 1);
  if (n > 2 && /^(last|this|next|early|late|earlier)$/i.test(words[n - 2]!)) return words.slice(0, n - 2);
  return [...words];
}

/** Particles that open a surname ("de Clercq", "van Agt", "von Weizsaecker"). */
const NAME_PARTICLE = /^(de|van|von|da|du|la|le|al|del|der|den|dos|das|di|ter|ten)$/;

/** An unnamed speaker's phrase as a reply shows it after another word: one line, its opening article in lower case ("a Cathay spokesman"). */
function asUnnamed(phrase: string): string {
  const text = phrase.replace(/\s+/g, ' ').trim();
  return /^(The|A|An|One|Another)\s/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** "bankers", "Western diplomats", "officials": a speaker of several people (not "Reuters" or "Jones"). */
function isPlural(speaker: string): boolean {
  // the head noun, before what follows it ("analysts polled by Reuters", "officials involved", "traders here")
  const words = speaker.split(/\s+/);
  const end = words.findIndex(
    (w, i) => i > 0 && /^(of|in|at|from|with|for|on|by|polled|involved|here|there|close|familiar|who|that)$/.test(w),
  );
  const head = words[(end < 0 ? words.length : end) - 1] ?? '';
  return /^[a-z]+[^s]s$/.test(head) || /^[a-z]+smen$/.test(head) || /^(they|people|police)$/i.test(head);
}

/** The index past the numbers at `k` of `words`, and compounds a number opens with a lower-case word ("41-year-old"). */
function pastNumbers(words: readonly string[], k: number): number {
  let i = k;
  while (i < words.length && /^\d[\d.,/]*(?:$|-\p{Ll})/u.test(words[i]!)) i++;
  return i;
}

/** Names an agency goes by: a rating agency ("Moody's Investors Service Inc", "Standard and Poor's Corp") or a public one
 * ("Energy Information Administration", "Pension Benefit Guaranty Corp"); not a country or a company */
const AGENCY_NAME =
  /\b(moody|standard and poor|s and p|agency|administration|commission|board|department|bureau|service|office|authority|guaranty)\b/i;

/** Words of a public body's name, which is no company. */
const PUBLIC_BODY =
  /\b(ministry|department|agency|commission|office|council|committee|government|pentagon|kremlin|parliament|congress|senate|court|police|army|administration|bureau|authority)\b/i;
