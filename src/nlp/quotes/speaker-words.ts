/**
 * Word classes the speaker resolver shares between its parts: the role nouns a "the ..." mention names a person
 * or an organisation by ("the secretary", "the company"), and the words that make a capitalised run an
 * organisation. Here because the resolver, the title rules and the name finder all read them; word lists only
 * one of them reads stay beside it.
 */
import { ORG_WORDS } from './lexicon.js';

/** Roles a "the …" mention can name: the head word of "the (treasury) secretary", "the company". */
export const PERSON_ROLES =
  /^(minister|secretary|spokesman|spokeswoman|spokesperson|senator|president|chairman|chairwoman|governor|mayor|chancellor|official|executive|director|chief|analyst|economist|lawyer|attorney|general|commander|ambassador|premier|leader|congressman|congresswoman|representative|judge|professor|king|prince|envoy|negotiator|banker|dealer|trader|candidate|nominee)$/;
export const ORG_ROLES =
  /^(company|firm|bank|group|government|ministry|agency|department|administration|council|committee|board|central|union|party|court|army|military|police|newspaper|paper|network|exchange|commission|fund|campaign|corporation|institute|organisation|organization|office|embassy|statement|report|utility|airline|partnership|insurer|retailer)$/;
/** Words that make a capitalised run an organisation, beyond lexicon.ORG_WORDS. */
export const MORE_ORG_WORDS =
  /^(securities|international|bundesbank|reserve|fed|treasury|ltd|plc|ag|sa|nv|bhd|holdings|industries|partners|capital|fund|funds|motors|airlines|petroleum|oil|energy|communications|systems|technologies|electric|steel|chemical|trust|exchange|ministry|commission|opec|ec|gatt|imf|nato|un|parliament|assembly|congress|senate|cabinet|pentagon|kremlin|embassy|agency|organisation|organization|federation|league|alliance|front|movement|church|council|board|bureau|service|authority|chamber|academy|society|confederation|corporation|secretariat|directorate|bancorp|bancorporation|bancshares|bankshares)$/i;

export const isOrgWord = (w: string): boolean => {
  // (a word of ASCII letters only, as most are, loses nothing to either replace)
  const letters = ASCII_LETTERS.test(w);
  return (
    ORG_WORDS.has(letters ? w.toLowerCase() : w.toLowerCase().replace(/[^a-z]/g, '')) ||
    MORE_ORG_WORDS.test(letters ? w : w.replace(/[^A-Za-z]/g, ''))
  );
};
const ASCII_LETTERS = /^[A-Za-z]*$/;
