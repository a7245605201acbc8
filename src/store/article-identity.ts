import { createHash } from 'node:crypto';

/**
 * Wire copy reaches us re-wrapped, re-spaced and re-punctuated; the same story must still be
 * recognised. Normalise to lower-case words before hashing.
 */
export function normaliseText(text: string): string {
  // ASCII text (most wire copy) is its own NFKC form and its letters and digits are [a-z0-9] once
  // lower-cased: a plain scan gives the same string ~50x faster than the Unicode regex, which took
  // seconds on a body of megabytes (issue 18).
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
  if (!/[^\x00-\x7f]/.test(text)) return collapseAsciiNonWords(text);
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** ASCII text lower-cased, with each run of characters other than [a-z0-9] made one space, trimmed. */
function collapseAsciiNonWords(text: string): string {
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && n > 0) out[n++] = 32;
      gap = false;
      out[n++] = c;
    } else gap = true;
  }
  return out.toString('latin1', 0, n);
}

export function contentHash(body: string): string {
  return createHash('sha256').update(normaliseText(body)).digest('hex');
}

/** Stable id: the same url, or else the same text, always gets the same id. 12 hex digits are short enough to type. */
export function articleId(url: string | null, hash: string): string {
  const basis = url ? createHash('sha256').update(url.trim()).digest('hex') : hash;
  return basis.slice(0, 12);
}
