import { createHash } from 'node:crypto';

/**
 * Wire copy reaches us re-wrapped, re-spaced and re-punctuated; the same story must still be
 * recognised. Normalise to lower-case words before hashing.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function contentHash(body: string): string {
  return createHash('sha256').update(normaliseText(body)).digest('hex');
}

/** Stable id: the same url, or else the same text, always gets the same id. 12 hex digits are short enough to type. */
export function articleId(url: string | null, hash: string): string {
  const basis = url ? createHash('sha256').update(url.trim()).digest('hex') : hash;
  return basis.slice(0, 12);
}
