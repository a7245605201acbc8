/**
 * The daily digest (src/digest/build-digest.ts): each call builds the digest of one 24-hour window
 * ending at the end of the day of a random stored story, as the scheduler does for a subscription.
 */
import path from 'node:path';
import type { App } from '../src/app.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { createSampler } from './workload.js';

export interface DigestProbe {
  calls(n: number): (() => Promise<{ error: boolean }>)[];
}

const corpusFile = path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');
const DAY_MS = 86_400_000;

export function digestProbe(app: App, articles: number): DigestProbe {
  const s = createSampler(corpusFile, articles, 7);
  return {
    calls: (n) =>
      Array.from({ length: n }, () => {
        const day = Math.floor(Date.parse(s.record().date) / DAY_MS) * DAY_MS;
        const at = new Date(day + DAY_MS);
        return async () => {
          const digest = await buildDigest(
            { store: app.services.store, geo: app.services.geo },
            { since: new Date(at.getTime() - DAY_MS), at, tz: 'UTC' },
          );
          return { error: digest.storyCount === 0 };
        };
      }),
  };
}
