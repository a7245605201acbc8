/**
 * Synthetic news stores for the benchmark, grown from the Reuters-21578 corpus (../shared/corpus).
 *
 * The corpus has 19,040 stories; a store of N articles takes story `i mod 19,040` as the base of record
 * `i` and makes it a different story that still reads like news: numbers are altered (years follow the
 * date shift), one paragraph is swapped for a paragraph of another story, the later paragraphs are
 * and every record gets its own url; beyond the corpus length, records are same-length digit variants
 * of the first pass, dated a "generation" (7 months) later per pass, so 1M articles span ~30 years. Deduplication therefore keeps nearly every record, and the
 * full-text and url indexes grow honestly. Records come out in date order, as a live feed would
 * ingest them.
 *
 * Bump GENERATOR_VERSION whenever the output changes: cached stores are keyed by it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 1;

const GENERATION_MS = 210 * 24 * 3600 * 1000;
const RECORDS_PER_FILE = 2500;

interface CorpusRecord {
  date: string;
  source: string;
  title: string;
  text: string;
  dateline?: string | null;
}

export interface BenchRecord {
  title: string;
  text: string;
  date: string;
  source: string;
  url: string;
  dateline: string | null;
}

/** Small, fast, seedable PRNG (mulberry32): the same N always gives the same store. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCorpus(file: string): CorpusRecord[] {
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRecord);
  // Date order (stable), so rowid order follows publication order as with a live feed.
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.date.localeCompare(b.r.date) || a.i - b.i)
    .map((x) => x.r);
}

/** Corpus paragraphs start on an indented line (`\n    `). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n(?= {2,}\S)/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const NUMBER = /(?<![/\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b/g;

/** Change every number a little (years move with the date shift), keeping its format. */
export function alterNumbers(text: string, random: () => number, yearShift: number): string {
  return text.replace(NUMBER, (token) => {
    const plain = token.replace(/,/g, '');
    const value = Number(plain);
    if (!Number.isFinite(value)) return token;
    if (/^(19[5-9]\d|20[0-4]\d)$/.test(plain)) return String(value + yearShift);
    // Small counts (days, ranks, 1-10) stay: "3 pct" may change, "Feb 26" should mostly not.
    if (value <= 31 && !plain.includes('.') && random() < 0.7) return token;
    const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
    const changed = Math.max(0, value * (0.7 + random() * 0.6));
    let out = changed.toFixed(decimals);
    if (token.includes(',')) {
      const [int, frac] = out.split('.');
      out = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
    }
    return out;
  });
}

/**
 * Same-length digit changes (years move by `yearShift`): the text differs, so it is a new story to
 * deduplication and the index, but every offset in it stays where it was.
 */
export function reshuffleDigits(text: string, random: () => number, yearShift: number): string {
  return text.replace(/\d+/g, (token) => {
    if (/^(19[5-9]\d|20[0-4]\d)$/.test(token)) return String(Number(token) + yearShift);
    if (token.length <= 2 && Number(token) <= 31) return token; // days of the month, small counts
    let out = '';
    for (let k = 0; k < token.length; k++) {
      const d = k === 0 && token[0] !== '0' ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10);
      out += String(d);
    }
    return out;
  });
}

/** Which seed record (0 ≤ seed < corpus length) record `i` is an offset-preserving variant of. */
export function seedOf(corpus: readonly unknown[], i: number): number {
  return i % corpus.length;
}

/** The record index a bench url was made for (`…-<i>`), or null. */
export function recordIndexOfUrl(url: string | null): number | null {
  const m = url ? /-(\d+)$/.exec(url) : null;
  return m ? Number(m[1]) : null;
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'story'
  );
}

function urlOf(title: string, published: Date, i: number): string {
  return `https://news.bench.invalid/${published.toISOString().slice(0, 10).replace(/-/g, '/')}/${slugOf(title)}-${i}`;
}

/**
 * Record `i` of a store: deterministic in `i` alone, so smaller stores are prefixes of larger ones.
 * The first corpus-length records (the seed) are each a corpus story with a paragraph swapped in from
 * another story and its numbers altered. Every later record is a variant of seed record `i mod
 * corpus length`, one "generation" (7 months) later per pass, with the same text but other digits:
 * offsets do not move, so building big stores can reuse the seed's analysis (see build-store.ts).
 */
export function makeRecord(corpus: readonly CorpusRecord[], i: number): BenchRecord {
  const generation = Math.floor(i / corpus.length);
  if (generation > 0) {
    const seed = makeRecord(corpus, seedOf(corpus, i));
    const random = rng(i * 2654435761 + 17);
    const yearShift = Math.floor((generation * GENERATION_MS) / (365.25 * 24 * 3600 * 1000));
    const published = new Date(Date.parse(seed.date) + generation * GENERATION_MS);
    const title = reshuffleDigits(seed.title, random, yearShift);
    let text = reshuffleDigits(seed.text, random, yearShift);
    // No digits to change: a paragraph of another story goes at the end, where it moves no offset.
    if (text === seed.text) text += `\n\n${makeRecord(corpus, Math.floor(random() * corpus.length)).text.split('\n\n')[0]}`;
    return { ...seed, title, text, date: published.toISOString(), url: urlOf(title, published, i) };
  }
  const base = corpus[i]!;
  const random = rng(i * 2654435761 + 17);

  // Body: lead kept, one paragraph from another story swapped in (or appended), later ones shuffled.
  const paras = paragraphs(base.text);
  const donor = corpus[Math.floor(random() * corpus.length)]!;
  const donorParas = paragraphs(donor.text);
  const borrowed = donorParas[1 + Math.floor(random() * Math.max(1, donorParas.length - 1))] ?? donorParas[0] ?? '';
  if (paras.length >= 3) paras[1 + Math.floor(random() * (paras.length - 1))] = borrowed;
  else paras.push(borrowed);
  const text = alterNumbers(paras.join('\n\n'), random, 0);
  const title = alterNumbers(base.title, random, 0);
  const published = new Date(Date.parse(base.date) + Math.floor(random() * 600_000));
  return {
    title,
    text,
    date: published.toISOString(),
    source: base.source,
    url: urlOf(title, published, i),
    dateline: base.dateline ?? null,
  };
}

/** Write N records as NDJSON files of RECORDS_PER_FILE (one ingest transaction each); returns the folder. */
export function writeBenchCorpus(corpusFile: string, articles: number, dir: string, from = 0): string[] {
  const corpus = loadCorpus(corpusFile);
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let start = from, part = 0; start < articles; start += RECORDS_PER_FILE, part++) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(articles, start + RECORDS_PER_FILE); i++) lines.push(JSON.stringify(makeRecord(corpus, i)));
    const file = path.join(dir, `part-${String(part).padStart(4, '0')}.ndjson`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  return files;
}
