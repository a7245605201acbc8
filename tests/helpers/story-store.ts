import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StoryStore } from '../../src/store/story-store.js';

/** The stories part of a SQLite store on `file`, with the store's close: what ingest tests need. */
export function openStoryStore(file: string): StoryStore & { close(): Promise<void> } {
  const store = openSqliteStore(file);
  return { ...store.stories, close: () => store.close() };
}
