/**
 * The digest is built by src/digest/ (another feature). Until it exists this returns null and the
 * benchmark says so; once it does, each call builds the digest of one day of the store.
 */
import type { App } from '../src/app.js';

export interface DigestProbe {
  calls(n: number): (() => Promise<{ error: boolean }>)[];
}

export async function digestProbe(app: App, articles: number): Promise<DigestProbe | null> {
  void app;
  void articles;
  return null;
}
