/**
 * The names a story mentions: `findNameMentions` finds the capitalised runs outside quotation marks that name a
 * person or an organisation, with their titles as roles, a company's name through its "and" up to its legal
 * form, and an appositive role after a comma; `orgFits` says whether such a name fits a role word ("the bank").
 * These are the candidates the resolver picks speakers from, found once per story, so they live apart from the
 * picking.
 */
import type { Span } from '../types.js';
import { AUX_WORDS, DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import { andInBodyName } from './noun-phrases.js';
import { isOrgWord, PERSON_ROLES } from './speaker-words.js';
import { afterTitles, isTitle, officeEnds } from './titles.js';
import type { Token } from './tokens.js';

/** A capitalised run outside quotation marks that names someone: "Treasury Secretary James Baker". */
export interface NameMention extends Span {
  /** The name without its titles: "James Baker". */
  name: string;
  /** Offsets of `name` in the body. */
  nameStart: number;
  person: boolean;
  /** Lower-case words that stood before the name as its titles or role ("treasury", "secretary"). */
  roles: Set<string>;
  gender: 'm' | 'f' | null;
  /** Opens its sentence or comes right before a verb: someone the story is talking about. */
  subject: boolean;
}

/** Titles of someone sent to a country ("Ambassador to China Octavio Valerio"). */
export const ENVOY = /^(ambassador|envoy|delegate|representative|consul|emissary|minister)$/;

/** Whether an organisation name fits a role word: "the bank" → "Deutsche Bank", "the company" → "Exxon Corp". */
export function orgFits(n: NameMention, head: string): boolean {
  const lower = n.name.toLowerCase();
  // ("the trade group" → "Semiconductor Industry Association": an association is a group of its members)
  if (head === 'group' && /\b(association|council|federation|institute|coalition|alliance|league|union|committee|society)\b/.test(lower))
    return true;
  // (a regulator or a ministry is no company nor an investor group: "the Securities and Exchange Commission")
  if (head === 'company' || head === 'firm' || head === 'corporation' || head === 'group')
    return (
      /\b(corp|inc|co|ltd|plc|ag|group|company|industries|holdings|motors|airlines|petroleum|oil|communications|systems|technologies|electric|steel|chemical|securities)\b/.test(
        lower,
      ) && !/\b(commission|ministry|department|agency|bureau|authority|administration|court)$/.test(lower)
    );
  if (head === 'bank') return /\bbank|bundesbank|reserve\b/.test(lower);
  return lower.includes(head);
}

/**
 * ", management board chairman of ...", ", senior vice president at ...": a few lower-case words after a name's comma
 * ending in a title or role noun before "of"/"at" describe the person named (an appositive), whatever modifies the role.
 */
function roleAppositive(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length - 1, from + 5); k++) {
    const t = tokens[k]!;
    // (", President of the French Maize Producers' Association": a title may be capitalised)
    if ((isTitle(t.text) || PERSON_ROLES.test(t.lower)) && /^(of|at|for|with)$/.test(tokens[k + 1]!.lower)) return true;
    if (!t.isWord || t.isCap) return false;
  }
  return false;
}

/** Legal forms that end a company's name ("Inc", "Corp", "Plc"). */
export const COMPANY_FORM = /^(inc|corp|co|ltd|plc|ag|sa|nv|bhd|llc|lp|group|company|cos)\.?$/i;

/**
 * "Pope and Talbot Inc", "International Surgical and Pharmaceutical Corp": a company's name may hold "and" (or "&"),
 * and its legal form at the end says where the name ends. The run `tokens[i..j]` goes on through "and" when a short
 * capitalised run after it ends in a legal form and the run before has none (so "Texaco Inc and Pennzoil Co" stay two).
 * Returns the new last index.
 */
function companyAndEnd(tokens: readonly Token[], i: number, j: number): number {
  const joiner = tokens[j + 1];
  if (!joiner || !/^(and|&)$/.test(joiner.lower) || j - i > 2) return j;
  if (tokens.slice(i, j + 1).some((t) => COMPANY_FORM.test(t.text))) return j;
  let k = j + 2;
  while (k < tokens.length && k - (j + 2) < 4 && tokens[k]!.isWord && tokens[k]!.isCap) {
    if (COMPANY_FORM.test(tokens[k]!.text)) {
      // ("Merrill Lynch and Co Inc": forms may follow one another)
      while (tokens[k + 1]?.isWord && COMPANY_FORM.test(tokens[k + 1]!.text)) k++;
      return k;
    }
    k++;
  }
  return j;
}

/**
 * Capitalised runs that name someone ("Treasury Secretary James Baker", "Nikko Securities
 * International", "Baker"), each with its titles as roles; a person unless an organisation word is in it.
 * A single capitalised word counts when it is not the sentence's first word (which is capitalised anyway).
 */
export function findNameMentions(
  body: string,
  sentenceTokens: readonly (readonly Token[])[],
  midSentence: ReadonlySet<string>,
): NameMention[] {
  const out: NameMention[] = [];
  // a sentence's first word is capitalised anyway: alone, it names someone only when the story capitalises it elsewhere too
  for (const tokens of sentenceTokens) {
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (
        !t.isCap ||
        !t.isWord ||
        NON_NAME_CAPS.has(t.lower) ||
        (i === 0 && !tokens[1]?.isCap && !midSentence.has(t.text) && companyAndEnd(tokens, 0, 0) === 0)
      ) {
        i++;
        continue;
      }
      // ("Addressing Chicago business and agricultural economists, Duncan outlined ...": a participle opening the
      // sentence is a verb, not the first word of a name)
      if (i === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(t.text) && !midSentence.has(t.text)) {
        i++;
        continue;
      }
      let j = i;
      while (
        j + 1 < tokens.length &&
        tokens[j + 1]!.isWord &&
        (tokens[j + 1]!.isCap ||
          // ("Secretary of State", and an organisation's "of" or "for": "Bank of Japan", "Ministry of Finance",
          // "Organisation for Economic Cooperation", not "Bank" and "Japan")
          (tokens[j + 1]!.lower === 'of' && tokens[j + 2]?.isCap && (isTitle(tokens[j]!.text) || isOrgWord(tokens[j]!.text))) ||
          (tokens[j + 1]!.lower === 'for' && tokens[j + 2]?.isCap && isOrgWord(tokens[j]!.text)) ||
          // ("the Securities and Exchange Commission", "the Energy and Commerce Committee": one body, not "Securities")
          (j === i && andInBodyName(tokens, j + 1)))
      )
        j++;
      j = companyAndEnd(tokens, i, j);
      // ("Ambassador to China Octavio Valerio": the country an envoy is sent to is no part of the envoy's name)
      if (j - i >= 2 && tokens[i - 1]?.lower === 'to' && ENVOY.test(tokens[i - 2]?.lower ?? '')) i++;
      // ("Director of the Office of Management and Budget James Miller": the office's last word is no part of the name of
      // the one who holds it; was "Budget James Miller")
      if (officeEnds(tokens, i, j)) i++;
      const run = tokens.slice(i, j + 1);
      // a lower-case title right before the name is a role too ("former deputy treasury secretary Richard Darman")
      const roles = new Set<string>();
      for (let k = i - 1; k >= 0 && k >= i - 3 && tokens[k]!.isWord && !tokens[k]!.isCap && isTitle(tokens[k]!.text); k--)
        roles.add(tokens[k]!.lower);
      const n = afterTitles(
        run.map((x) => x.text),
        0,
      );
      for (let r = 0; r < n; r++) roles.add(run[r]!.lower.replace(/\.$/, ''));
      // ("Oshman's Sporting Goods Inc", "Moody's Investors Service Inc": a possessive opening a company's name ending in its
      // legal form is part of that name; elsewhere it is someone else's: "Treasury's Baker")
      // ("Japan's Nissan Motor Co Ltd", "Shell's Scallop Petroleum Co": not when the story names the owner on its own too)
      const stem = (run[n]?.text ?? '').replace(/['’]s$/, '');
      const ownName =
        COMPANY_FORM.test(run[run.length - 1]!.text) &&
        /['’]s$/.test(run[n]?.text ?? '') &&
        /^[\p{L}.&-]+$/u.test(stem) &&
        !new RegExp(`\\b${stem.replace(/\./g, '\\.')}\\b(?!['’]s)`, 'u').test(body);
      const nameTokens = run.slice(n).filter((x) => !/['’]s$/.test(x.text) || x === run[run.length - 1] || (ownName && x === run[n]));
      const first = nameTokens[0];
      // (a legal form alone, "<Bower industries Inc>", is the end of a name whose words the story did not capitalise)
      if (first && !(nameTokens.length === 1 && isTitle(first.text)) && !nameTokens.every((x) => COMPANY_FORM.test(x.text))) {
        const last = nameTokens[nameTokens.length - 1]!;
        const end = /['’]s$/.test(last.text) ? last.end - 2 : last.end;
        const name = body.slice(first.start, end).replace(/\s+/g, ' ');
        const isOrg = nameTokens.some((x) => isOrgWord(x.text) || /^[A-Z.&-]{2,}$/.test(x.text));
        const title = run[0]!.lower.replace(/\.$/, '');
        const gender = title === 'mr' ? 'm' : title === 'mrs' || title === 'ms' ? 'f' : null;
        let opener = 0;
        while (opener < i && (NON_NAME_CAPS.has(tokens[opener]!.lower) || !tokens[opener]!.isWord)) opener++;
        // "…, Dharyono Kertosastro, chairman of …": a name with its appositive is someone the story is about too
        const appositive =
          tokens[j + 1]?.text === ',' &&
          !!tokens[j + 2] &&
          tokens[j + 2]!.isWord &&
          ((!tokens[j + 2]!.isCap && (DETERMINERS.has(tokens[j + 2]!.lower) || /^(of|for|with|at)$/.test(tokens[j + 3]?.lower ?? ''))) ||
            roleAppositive(tokens, j + 2));
        // ("The head of Spain's employers' federation, Jose Maria Cuevas, said": a name set off by commas right before
        // a speech verb is the subject's appositive, the one who speaks)
        const commaSpeaker = tokens[i - 1]?.text === ',' && tokens[j + 1]?.text === ',' && SPEECH_VERBS.has(tokens[j + 2]?.lower ?? '');
        const after = tokens[j + 1]?.text === ',' ? null : tokens[j + 1];
        const subject =
          opener === i ||
          appositive ||
          commaSpeaker ||
          (!!after &&
            after.isWord &&
            !after.isCap &&
            (SPEECH_VERBS.has(after.lower) || AUX_WORDS.has(after.lower) || /(ed|s)$/.test(after.lower)));
        const descriptor = /^(democrat|republican|democrats|republicans|party)$/i.test(last.text);
        out.push({
          start: run[0]!.start,
          end,
          name,
          nameStart: first.start,
          person: !isOrg && !descriptor && nameTokens.length <= 4,
          roles,
          gender,
          subject,
        });
      }
      i = j + 1;
    }
  }
  // "Morgan Grenfell's Bell" after "Stephen Bell, an economist at Morgan Grenfell": a surname after a firm's possessive is
  // the person the story named in full
  for (const n of out) {
    // (most names hold no possessive: the regex only for those that do)
    if (!n.name.includes("'s") && !n.name.includes('’s')) continue;
    const m = /^(.*['’]s\s+)(\p{Lu}[\p{L}'’-]+)$/u.exec(n.name);
    if (!m) continue;
    const surname = m[2]!;
    if (out.some((o) => o.person && o !== n && !/['’]s\s/.test(o.name) && o.name.endsWith(` ${surname}`))) {
      n.nameStart += m[1]!.length;
      n.name = surname;
      n.person = true;
    }
  }
  // "Raffinerie Tirlemontoise is in the sugar market" after "<La Raffinerie Tirlemontoise SA>": a name the story also
  // writes inside a company's full name is that company, not a person a later "he" could be
  const orgNames = out.filter((n) => !n.person).map((n) => ` ${n.name} `);
  if (orgNames.length > 0) {
    const trimmed = orgNames.map((o) => o.trim());
    for (const n of out) {
      if (!n.person) continue;
      const padded = ` ${n.name} `;
      if (orgNames.some((o, k) => o.includes(padded) && trimmed[k] !== n.name)) n.person = false;
    }
  }
  return out;
}
