import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use, not at start-up. The CLI answering one command, and a bot
 * that never polls a feed or draws an image, should not pay for undici, the XML parser or resvg:
 * together they were about a third of the module loading of `dateline ask "/latest"`.
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
