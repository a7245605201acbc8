/**
 * More training articles for the reported-speech cue model (issue 15): PolNeAR's train split less the
 * articles the eval set took from it.
 *   npx tsx scripts/polnear-extra.ts POLNEAR_DIR ../shared/eval/quotes/dev.ndjson > ../shared/eval/quotes/train-extra.ndjson
 * POLNEAR_DIR is a checkout of GitHub `networkdynamics/PolNeAR` (HEAD c3eee83, the eval set's source), holding
 * `data/train/text/*.txt` and `data/train/attributions/*.ann`.
 *
 * The eval set (../shared/eval/quotes/README.md) took 132 of the 840 train articles, evenly spaced in sorted
 * order: index floor(i * 840 / 132) for i < 132. Every one of them is left out here, whichever of dev or test it
 * went to, so no article of test.ndjson can be trained on; the script checks the spacing against the train
 * articles dev.ndjson holds (it reads dev only, never test) and refuses to write when one falls outside it.
 * What is left (708 articles) is written in the eval set's record format, as its converter did: the alphabetically
 * first annotator's .ann file, one record a line, an attribution's content, source and cue as character offsets
 * (a discontinuous span from its first fragment's start to its last one's end, the fragments in `spans`). The
 * records have no `type`: they are for training (train.ts, quotes-cv.ts --extra), never for scoring.
 * The article texts are the publishers': research use only, as the eval set (do not ship or redistribute them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EVAL_TRAIN_ARTICLES = 132;

interface Span {
  start: number;
  end: number;
  spans: [number, number][];
}

/** The text-bound annotations (`T12<TAB>Cue 221 225;230 240<TAB>says ...`) of a brat file by id. */
function textBound(ann: string): Map<string, { label: string } & Span> {
  const out = new Map<string, { label: string } & Span>();
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('T') || !body) continue;
    const space = body.indexOf(' ');
    const label = body.slice(0, space);
    const spans = body
      .slice(space + 1)
      .split(';')
      .map((f) => f.trim().split(' ').map(Number) as [number, number]);
    if (spans.some(([s, e]) => !Number.isInteger(s) || !Number.isInteger(e))) continue;
    out.set(id, { label, start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])), spans });
  }
  return out;
}

/** An article's attributions (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`) in the eval set's record format. */
export function attributions(text: string, ann: string): Record<string, unknown>[] {
  const spans = textBound(ann);
  const out: Record<string, unknown>[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('E') || !body) continue;
    const roles = new Map(body.split(' ').map((part) => part.split(':') as [string, string]));
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue;
    const source = spans.get(roles.get('Source') ?? '');
    const cue = spans.get(roles.get('Cue') ?? '');
    out.push({
      quote: content.spans.map(([s, e]) => text.slice(s, e)).join(' … '),
      start: content.start,
      end: content.end,
      ...(content.spans.length > 1 ? { spans: content.spans } : {}),
      speaker: source ? text.slice(source.start, source.end) : null,
      speaker_start: source?.start ?? null,
      speaker_end: source?.end ?? null,
      cue: cue ? text.slice(cue.start, cue.end) : null,
      cue_start: cue?.start ?? null,
      cue_end: cue?.end ?? null,
    });
  }
  return out;
}

function main(argv: readonly string[]): void {
  const [dir, devFile] = argv;
  if (!dir || !devFile || !/dev\.ndjson$/.test(devFile))
    throw new Error('usage: npx tsx scripts/polnear-extra.ts POLNEAR_DIR .../dev.ndjson > train-extra.ndjson');
  const textDir = join(dir, 'data/train/text');
  const annDir = join(dir, 'data/train/attributions');
  const names = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
  const taken = new Set<number>();
  for (let i = 0; i < EVAL_TRAIN_ARTICLES; i++) taken.add(Math.floor((i * names.length) / EVAL_TRAIN_ARTICLES));
  // dev's train articles must all be among those taken, or the selection is not the one assumed
  const devTrain = readFileSync(devFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { id: string }).id)
    .filter((id) => id.startsWith('polnear:train:'))
    .map((id) => id.slice('polnear:train:'.length));
  const outside = devTrain.filter((name) => !taken.has(names.indexOf(name)));
  if (devTrain.length === 0 || outside.length > 0)
    throw new Error(`the eval set's train articles are not the ones assumed (${outside.length} of ${devTrain.length} outside)`);
  const anns = readdirSync(annDir).sort();
  let written = 0;
  names.forEach((name, i) => {
    if (taken.has(i)) return;
    const file = anns.find((f) => f.startsWith(name + '_') && f.endsWith('.ann'));
    if (!file) return;
    const text = readFileSync(join(textDir, name + '.txt'), 'utf8');
    const ann = readFileSync(join(annDir, file), 'utf8');
    const annotator = file.slice(name.length + 1, -4);
    process.stdout.write(
      JSON.stringify({ id: `polnear:train:${name}`, text, quotes: attributions(text, ann), meta: { split: 'train', annotator } }) + '\n',
    );
    written++;
  });
  console.error(
    `${written} articles (${names.length} in train, ${taken.size} taken by the eval set, dev holds ${devTrain.length} of them)`,
  );
}

if (process.argv[1]?.endsWith('polnear-extra.ts')) main(process.argv.slice(2));
