/**
 * Place names in running text: gazetteer matching over capitalised word sequences, with the context
 * rules that keep common words and person names out, then resolution in the document's context.
 * Runs at ingest on every story, so it works on offsets and typed-array lookups only.
 */
import { foldName } from './fold.js';
import type { Gazetteer } from './gazetteer.js';
import type { PlaceMention } from './types.js';
import { exactCandidates, rankCandidates, type Candidate, type Ranked, type ResolveContext } from './resolve.js';

interface Token {
  start: number;
  end: number;
  text: string;
  upper: boolean;
  /** Folded once (without a final dot); n-gram keys are these joined by spaces. */
  key: string | null;
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
}

// Abbreviations first (`U.S.`, `B.C.`), then words with inner hyphens/apostrophes, optional final dot.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*\.?/gu;

/** Lower-case words allowed inside a place name (`Deir al-Zour`, `Stratford upon Avon`, `Rio de Janeiro`). */
const CONNECTORS = new Set(['al', 'el', 'ad', 'ar', 'as', 'az', 'ez', 'an', 'at', 'de', 'del', 'la', 'le', 'di', 'da', 'du', 'do', 'of', 'upon', 'on', 'the', 'and', 'sur', 'en', 'am', 'im', 'der', 'von', 'y', 'les', 'des', 'los', 'las', 'dos', 'das']);

/** Short all-capital forms that are place names in news; other 2-3 letter capitals are acronyms (IS, SDF). */
const CAPS_OK = new Set(['us', 'uk', 'usa', 'uae', 'nsw', 'drc', 'eu']);

/**
 * Capitalised words that are gazetteer names somewhere but almost always something else in English news.
 * Hand-made while developing on the dev split (issue 6: "context rules to avoid common-word false hits").
 */
const STOP = new Set(
  ('the a an and or but if in on at by for to of from with as is it its he she we they i you this that these those there here then ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
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
    'ha ah oh ok un who ap afp christmas easter crescent saints all saints hope white house').split(/\s+/),
);

/** Words that start a sentence so often that a capital there says nothing. */
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“‘'(\[]/.test(text.charAt(i))) {
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
    const poss = /['’]s$/.exec(t);
    if (poss) t = t.slice(0, poss.index);
    // A final dot belongs to the word only for abbreviations (`Ky.`, `Calif.`); keep it and let the
    // lookup try both.
    out.push({ start, end: start + t.length, text: t, upper: /^\p{Lu}/u.test(t), key: null });
  }
  return out;
}

function isKindStrong(gaz: Gazetteer, cands: readonly Candidate[]): boolean {
  return cands.some((c) => {
    const k = gaz.kind(c.index);
    return k === 'country' || k === 'admin1' || k === 'continent' || k === 'region' || k === 'admin2';
  });
}

function maxPop(gaz: Gazetteer, cands: readonly Candidate[]): number {
  let m = 0;
  for (const c of cands) m = Math.max(m, gaz.pop[c.index] ?? 0);
  return m;
}

/** Gap between two tokens that may sit inside one name: spaces or a hyphen, no punctuation or newline. */
function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return /^[ \t-]{1,2}$/.test(gap) && !a.text.endsWith('.');
}

/** Find the spans of place names in a text, longest match first, with their candidates. */
export function recognizeSpans(gaz: Gazetteer, text: string): FoundSpan[] {
  const tokens = tokenize(text);
  const spans: FoundSpan[] = [];
  const personish = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !t.upper) {
      i++;
      continue;
    }
    let found: { j: number; key: string; cands: Candidate[]; end: number; dotted: boolean } | null = null;
    // Longest first, up to 6 words.
    let last = i;
    while (last + 1 < tokens.length && last - i < 5) {
      const a = tokens[last];
      const b = tokens[last + 1];
      if (!a || !b || !joinable(text, a, b)) break;
      const lower = b.text.toLowerCase();
      if (!b.upper && !CONNECTORS.has(lower) && !/^(al|el|ad|ar|as|az|ez|ash|at|an)[-‐]/.test(lower)) break;
      last++;
    }
    for (let j = last; j >= i && !found; j--) {
      const tj = tokens[j];
      if (!tj) continue;
      // The last word must be a name word, not a connector.
      if (j > i && !tj.upper && !/^(al|el|ad|ar|as|az|ez|ash|at|an)[-‐]/i.test(tj.text)) continue;
      const withDot = tj.text.endsWith('.');
      const bare = withDot ? text.slice(t.start, tj.end - 1) : text.slice(t.start, tj.end);
      const parts: string[] = [];
      for (let k = i; k <= j; k++) {
        const tk = tokens[k];
        if (!tk) continue;
        tk.key ??= foldName(tk.text.endsWith('.') ? tk.text.slice(0, -1) : tk.text);
        if (tk.key) parts.push(tk.key);
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
      if (cands.length > 0) found = { j, key, cands, end, dotted };
    }
    if (!found) {
      i++;
      continue;
    }
    const { j, key, cands, end, dotted } = found;
    const single = j === i;
    const strong = isKindStrong(gaz, cands);
    const surface = text.slice(t.start, end);
    let ok = true;
    if (single && !dotted) {
      const letters = surface.replace(/[^\p{L}]/gu, '');
      const allCaps = letters.length > 1 && letters === letters.toUpperCase();
      if (allCaps && letters.length <= 3 && !CAPS_OK.has(key)) ok = false;
      if (STOP.has(key)) ok = false;
      if (key.length < 3 && !CAPS_OK.has(key)) ok = false;
      if (personish.has(key) && !strong) ok = false;
      const prev = tokens[i - 1];
      const next = tokens[j + 1];
      const prevCap = !!prev && prev.upper && joinable(text, prev, t) && !isSentenceStart(text, t.start) && !STOP.has(prev.text.toLowerCase());
      const nextCap = !!next && next.upper && joinable(text, tokens[j] ?? t, next);
      // Part of a longer proper name: `Bashar Assad` (person), `Washington Post` (organisation).
      if (ok && !strong && prevCap) {
        ok = false;
        personish.add(key);
      }
      if (ok && nextCap && !cands.some((c) => gaz.kind(c.index) === 'country')) ok = false;
      if (ok && !strong) {
        // A small place at the start of a sentence is more often a capitalised word.
        if (ok && isSentenceStart(text, t.start) && maxPop(gaz, cands) < 50_000) ok = false;
      }
    }
    if (ok) spans.push({ name: surface, start: t.start, end, candidates: cands });
    i = j + 1;
  }
  return spans;
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
    else if (kind === 'admin1') contributions.push({ key, country: cc, countryWeight: 0.7, admin1: top.index, admin1Weight: 1, lat: NaN, lon: NaN });
    else if (kind === 'city' || kind === 'admin2') {
      const lat = kind === 'city' ? (gaz.lat[top.index] ?? NaN) : NaN;
      const lon = kind === 'city' ? (gaz.lon[top.index] ?? NaN) : NaN;
      contributions.push({ key, country: cc, countryWeight: 0.5, admin1: gaz.admin1[top.index] ?? -1, admin1Weight: 0.5, lat, lon });
    }
  }
  return { base, contributions };
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
  return { countries, admin1s, storeCounts: doc.base.storeCounts, anchors };
}

/**
 * Resolve one span in the document context. `X, Y` lets Y (a country or division) constrain X;
 * `the province of X` / `X province` asks for the division.
 */
export function resolveSpan(gaz: Gazetteer, text: string, s: FoundSpan, next: FoundSpan | undefined, ctx: ResolveContext): ResolvedSpan {
  let cands = s.candidates;
  // Not in lists of countries or divisions (`Iraq, Iran`, `Illinois, Iowa`): only a name that is not itself one.
  const container = cands.some((c) => c.primary && (gaz.kind(c.index) === 'country' || gaz.kind(c.index) === 'admin1'));
  if (next && !container && /^,\s?$/.test(text.slice(s.end, next.start))) {
    const containers = new Set<string>();
    for (const c of next.candidates) {
      const kind = gaz.kind(c.index);
      if (kind === 'country') containers.add('c:' + gaz.country(c.index));
      if (kind === 'admin1') containers.add('a:' + c.index);
    }
    const inside = cands.filter((c) => containers.has('c:' + gaz.country(c.index)) || containers.has('a:' + (gaz.admin1[c.index] ?? -1)));
    if (inside.some((c) => c.primary)) cands = inside;
  }
  const before = text.slice(Math.max(0, s.start - 30), s.start);
  const after = text.slice(s.end, s.end + 15);
  if (/\b(province|governorate|state|region|county) of\s+(the\s+)?$/i.test(before) || /^\s+(province|governorate|county|region)\b/i.test(after)) {
    const divisions = cands.filter((c) => gaz.kind(c.index) === 'admin1' || gaz.kind(c.index) === 'admin2');
    if (divisions.length > 0) cands = divisions;
  }
  const ranked = rankCandidates(gaz, cands, ctx);
  return { ...s, ranked, chosen: ranked[0]?.index ?? -1 };
}

/** Resolve each span in the document context (one context per distinct name). */
export function resolveSpans(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], doc: DocumentContext): ResolvedSpan[] {
  const perName = new Map<string, ResolveContext>();
  return spans.map((s, k) => {
    const key = foldName(s.name);
    let ctx = perName.get(key);
    if (!ctx) {
      ctx = contextFor(doc, s.name);
      perName.set(key, ctx);
    }
    return resolveSpan(gaz, text, s, spans[k + 1], ctx);
  });
}

/** Recognise and resolve: what ingest stores for each story. */
export function findPlaceMentions(gaz: Gazetteer, text: string, base: ResolveContext): PlaceMention[] {
  const spans = recognizeSpans(gaz, text);
  const ctx = documentContext(gaz, spans, base);
  return resolveSpans(gaz, text, spans, ctx).map((r) => {
    const i = r.chosen;
    if (i < 0) return { name: r.name, start: r.start, end: r.end, geonameId: null, countryCode: null, lat: null, lon: null };
    const p = gaz.place(i);
    return { name: r.name, start: r.start, end: r.end, geonameId: p.id, countryCode: p.countryCode || null, lat: p.lat, lon: p.lon };
  });
}

export type { Ranked };
