import fs from 'node:fs';
import path from 'node:path';
import { reutersCorpus } from './paths.js';

/** A story of the shared Reuters corpus as its NDJSON line holds it. */
export interface ReutersStory {
  id: string;
  date: string;
  source: string;
  title: string;
  text: string;
}

let byId: Map<string, ReutersStory> | null = null;

/** Stories of ../shared/corpus/reuters21578.ndjson by id, read from the corpus (never copied into the repo). */
export function reutersStories(ids: readonly string[]): ReutersStory[] {
  byId ??= new Map(
    fs
      .readFileSync(reutersCorpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReutersStory)
      .map((s) => [s.id, s]),
  );
  return ids.map((id) => {
    const story = byId!.get(id);
    if (!story) throw new Error(`no story ${id} in ${reutersCorpus}`);
    return story;
  });
}

/** Those stories written to a temp NDJSON file for `dateline ingest`. */
export function writeReutersStories(dir: string, ids: readonly string[]): string {
  const file = path.join(dir, `reuters-${ids.length}.ndjson`);
  fs.writeFileSync(
    file,
    `${reutersStories(ids)
      .map((s) => JSON.stringify(s))
      .join('\n')}\n`,
  );
  return file;
}
