import { z } from 'zod';
import type { ParsedRecord } from './parsed-record.js';
import { deriveHeadline, normaliseBody, placeFromDateline } from '../article-fields.js';
import { parseArticleDate } from '../parse-date.js';

const text = z.string().trim();

/** `{title, text|body, date, source, url?}`, plus the optional fields a richer source may carry. */
const recordSchema = z.object({
  title: z.string().optional(),
  headline: z.string().optional(),
  text: z.string().optional(),
  body: z.string().optional(),
  date: z.union([z.string(), z.number()]).optional(),
  published: z.union([z.string(), z.number()]).optional(),
  source: z.string().optional(),
  url: z.union([z.url({ message: 'url is not a valid URL' }), z.literal(''), z.null()]).optional(),
  editor: text.nullish(),
  dateline: text.nullish(),
  caption: text.nullish(),
});

function recordToArticle(value: unknown, origin: string, line: number | null, now: Date): ParsedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, line, reason: 'not a JSON object' };
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, line, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
  }
  const r = parsed.data;
  const rawBody = r.text ?? r.body;
  if (rawBody === undefined || rawBody.trim() === '') return { ok: false, line, reason: 'record has no body ("text" or "body")' };
  const date = parseArticleDate(r.date ?? r.published, now);
  if (!date.ok) return { ok: false, line, reason: date.reason };
  const body = normaliseBody(rawBody);
  const title = (r.title ?? r.headline ?? '').replace(/\s+/g, ' ').trim();
  return {
    ok: true,
    line,
    article: {
      source: r.source?.trim() || 'unknown',
      published: date.published,
      publishedZone: date.zone,
      editor: r.editor || null,
      datelinePlace: r.dateline ? placeFromDateline(r.dateline) : null,
      headline: title || deriveHeadline(body),
      headlineDerived: title === '',
      caption: r.caption || null,
      captionCredit: null,
      body,
      url: r.url || null,
      origin: line === null ? origin : `${origin}:${line}`,
    },
  };
}

/** One JSON object per line; blank lines are allowed, a bad line is rejected alone. */
export function parseNdjson(content: string, origin: string, now: Date): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  content.split('\n').forEach((raw, i) => parseNdjsonLine(raw, i + 1, origin, now, records));
  return records;
}

/** `parseNdjson` that lets the event loop run between lines when `slicer` says so (the bot's ingest). */
export async function parseNdjsonSliced(
  content: string,
  origin: string,
  now: Date,
  slicer: { pause(): Promise<void> },
): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  let from = 0;
  for (let line = 1; from <= content.length; line++) {
    await slicer.pause();
    let end = content.indexOf('\n', from);
    if (end < 0) end = content.length;
    parseNdjsonLine(content.slice(from, end), line, origin, now, records);
    from = end + 1;
  }
  return records;
}

function parseNdjsonLine(raw: string, line: number, origin: string, now: Date, records: ParsedRecord[]): void {
  if (raw.trim() === '') return;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    records.push({ ok: false, line, reason: `invalid JSON: ${(error as Error).message}` });
    return;
  }
  records.push(recordToArticle(value, origin, line, now));
}

/** A JSON array of records (or one record). A file that does not parse is rejected as a whole. */
export function parseJsonDocument(content: string, origin: string, now: Date): ParsedRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    // Many `.json` exports are really NDJSON.
    if (content.trimStart().startsWith('{') && content.trim().includes('\n')) return parseNdjson(content, origin, now);
    return [{ ok: false, line: null, reason: `invalid JSON: ${(error as Error).message}` }];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    const record = recordToArticle(item, `${origin}#${i}`, null, now);
    return record.ok ? record : { ...record, reason: `item ${i}: ${record.reason}` };
  });
}
