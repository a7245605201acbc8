/**
 * Error analysis for the quote extractor on the eval set's DEV split (issue 15; test is for reporting):
 *   npx tsx scripts/quote-errors.ts ../shared/eval/quotes/dev.ndjson            counts by category
 *   npx tsx scripts/quote-errors.ts ../shared/eval/quotes/dev.ndjson cues [N]   missed gold cues, most frequent first
 *   npx tsx scripts/quote-errors.ts ../shared/eval/quotes/dev.ndjson 'SPK too-short'   the cases of one category (by prefix)
 *   ... --model /tmp/cv0.json --fold 0   with a model trained by `CUE_HOLDOUT=0 CUE_MODEL_OUT=/tmp/cv0.json` (held-out errors;
 *                                        scripts/quotes-cv.ts gives the pooled held-out figures of all four folds)
 *   npx tsx scripts/quote-errors.ts ../shared/eval/quotes/dev.ndjson 'BOUNDS reported cue-before said'   missed gold beside the predictions overlapping it
 * Categories: FP/FN per kind (matched with the other kind, overlapping without matching, or nothing
 * near), and SPK for matched quotations whose local speaker span is not exactly the gold one
 * (none, wrong, too long, too short, shifted). Matching is the eval's (src/eval/eval-quotes.ts).
 */
import { readFileSync } from 'node:fs';
import type { CueModel } from '../src/nlp/quotes/cue-model.js';
import { extractQuotes } from '../src/nlp/quotes/extract-quotes.js';
import { quoteFragments } from '../src/nlp/quotes/fragments.js';
import { wordSpans } from '../src/nlp/quotes/tokens.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { matchSpans, readGold, sameWords, type GoldQuote } from '../src/eval/eval-quotes.js';

interface G extends GoldQuote {
  quote: string;
  speaker?: string | null;
  cue?: string | null;
  cue_start?: number | null;
  cue_end?: number | null;
  mixed?: boolean;
}
// --model FILE --fold K: a model trained without fold K (CUE_HOLDOUT=K in train.ts), scored on fold K only,
// so the errors seen are those of a model that never saw the articles
const flags = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = flags.indexOf(name);
  if (i < 0) return undefined;
  const value = flags[i + 1];
  flags.splice(i, 2);
  return value;
};
const modelFile = option('--model');
const fold = Number(option('--fold') ?? -1);
const model = modelFile ? (JSON.parse(readFileSync(modelFile, 'utf8')) as CueModel) : undefined;
const file = flags[0];
if (!file || !/dev\.ndjson$/.test(file))
  throw new Error('usage: npx tsx scripts/quote-errors.ts .../dev.ndjson [summary|cues [N]|CATEGORY]');
process.stdout.on('error', () => process.exit(0)); // piped into head
const section = flags[1] ?? 'summary';
const records = readGold(file).filter((_, i) => fold < 0 || i % 4 === fold);
const cat = new Map<string, string[]>();
const add = (k: string, line: string): void => {
  const l = cat.get(k) ?? [];
  l.push(line);
  cat.set(k, l);
};
const short = (s: string, n = 160): string => (s.length > n ? s.slice(0, n / 2) + ' … ' + s.slice(-n / 2) : s).replace(/\n/g, ' ⏎ ');
const ctx = (text: string, s: number, e: number, pad = 80): string =>
  short(text.slice(Math.max(0, s - pad), s), 2 * pad) +
  ' [[' +
  short(text.slice(s, e), 200) +
  ']] ' +
  short(text.slice(e, e + pad), 2 * pad);

function goldSpans(g: G): [number, number][] {
  return g.spans && g.spans.length > 0 ? g.spans : [[g.start, g.end]];
}

for (const r of records) {
  const text = r.text;
  const gold = r.quotes as G[];
  const pred = extractQuotes(text, splitSentences(text), model);
  const words = wordSpans(text);
  const ps = pred.map((q) => quoteFragments(text, q));
  const gs = gold.map(goldSpans);
  const all = matchSpans(words, ps, gs);
  const pm = new Map(all.map(([p, g]) => [p, g]));
  const gm = new Map(all.map(([p, g]) => [g, p]));
  // per-kind matches
  const kindMatch = (kind: string, wanted: string): { p: Set<number>; g: Set<number> } => {
    const pi = pred.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
    const gi = gold.map((g, i) => (g.type === wanted ? i : -1)).filter((i) => i >= 0);
    const pairs = matchSpans(
      words,
      pi.map((i) => ps[i]!),
      gi.map((i) => gs[i]!),
    );
    return { p: new Set(pairs.map(([a]) => pi[a]!)), g: new Set(pairs.map(([, b]) => gi[b]!)) };
  };
  const dm = kindMatch('direct', 'direct');
  const rm = kindMatch('reported', 'indirect');
  pred.forEach((q, i) => {
    const kind = q.kind === 'direct' ? 'direct' : 'reported';
    const ok = kind === 'direct' ? dm.p.has(i) : rm.p.has(i);
    if (ok) return;
    const g = pm.get(i);
    let sub: string;
    if (g !== undefined) sub = `matches-gold-${gold[g]!.type}${gold[g]!.mixed ? '-mixed' : ''}`;
    else {
      // overlapping some gold?
      const ov = gold.findIndex((x) => x.start < q.end && x.end > q.start);
      sub = ov >= 0 ? 'overlap-but-no-match' : 'no-gold';
    }
    add(
      `FP ${kind} ${sub}`,
      `${r.id}\n   verb=${q.verb} spk=${q.speakerMention ? text.slice(q.speakerMention.start, q.speakerMention.end) : null}\n   ${ctx(text, q.start, q.end)}`,
    );
  });
  gold.forEach((g, i) => {
    const kind = g.type === 'direct' ? 'direct' : 'reported';
    const ok = kind === 'direct' ? dm.g.has(i) : rm.g.has(i);
    const cue = (g.cue ?? '').toLowerCase();
    if (!ok) {
      const p = gm.get(i);
      let sub: string;
      if (p !== undefined) sub = `found-as-${pred[p]!.kind}`;
      else {
        const ov = pred.findIndex((x) => x.start < g.end && x.end > g.start);
        sub = ov >= 0 ? 'overlap-but-no-match' : 'missed';
      }
      const pos = g.cue_start != null ? (g.cue_start < g.start ? 'cue-before' : 'cue-after') : 'no-cue';
      add(`FN ${kind} ${sub}`, `${r.id} cue=${cue} ${pos} spk=${g.speaker}\n   ${ctx(text, g.start, g.end)}`);
      if (sub === 'overlap-but-no-match') {
        const ov = pred.filter((x) => x.start < g.end && x.end > g.start);
        add(
          `BOUNDS ${kind} ${pos} ${cue}`,
          `${r.id} cue=${cue} spk=${g.speaker}\n   gold ${ctx(text, g.start, g.end, 50)}\n` +
            ov.map((x) => `   pred(${x.kind} ${x.verb}) ${ctx(text, x.start, x.end, 30)}`).join('\n'),
        );
      }
      add(`FNcue ${kind} ${sub} ${pos} ${cue}`, '');
    }
    const p = gm.get(i);
    if (p !== undefined && g.speaker_start != null && g.speaker_end != null) {
      const m = pred[p]!.speakerMention;
      if (!m || !sameWords(words, [m.start, m.end], [g.speaker_start, g.speaker_end])) {
        const predS = m ? text.slice(m.start, m.end) : null;
        const overlap = m && m.start < g.speaker_end && m.end > g.speaker_start;
        const sub = !m
          ? 'none'
          : !overlap
            ? 'wrong'
            : m.start <= g.speaker_start && m.end >= g.speaker_end
              ? 'too-long'
              : m.start >= g.speaker_start && m.end <= g.speaker_end
                ? 'too-short'
                : 'shifted';
        add(
          `SPK ${sub} ${pred[p]!.kind}`,
          `${r.id} gold=«${g.speaker}» pred=«${predS}» verb=${pred[p]!.verb}\n   ${ctx(text, Math.min(g.speaker_start, m?.start ?? 1e9), Math.max(g.speaker_end, m?.end ?? 0), 60)}`,
        );
      }
    }
  });
}
if (section === 'summary') {
  const keys = [...cat.keys()].filter((k) => !k.startsWith('FNcue')).sort();
  for (const k of keys) console.log(String(cat.get(k)!.length).padStart(5), k);
} else if (section === 'cues') {
  const keys = [...cat.keys()].filter((k) => k.startsWith('FNcue')).map((k) => [k, cat.get(k)!.length] as const);
  keys.sort((a, b) => b[1] - a[1]);
  for (const [k, n] of keys.slice(0, Number(flags[2] ?? 80))) console.log(String(n).padStart(5), k);
} else {
  for (const [k, v] of cat) if (k.startsWith(section)) for (const l of v) console.log(l);
}
