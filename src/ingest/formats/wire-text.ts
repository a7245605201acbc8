import type { ParsedRecord } from './parsed-record.js';
import { bodyParagraphs as paragraphsOf, datelinePlaceName, deriveHeadline } from '../article-fields.js';
import { parseArticleDate } from '../parse-date.js';

/**
 * Agencies whose header timestamps are local time at home. Xinhua stamps Beijing time.
 * Unknown agencies are read as UTC and say so (zone `UTC`).
 */
const AGENCY_ZONES: Record<string, string> = {
  xinhua: 'Asia/Shanghai',
  'china daily': 'Asia/Shanghai',
  cgtn: 'Asia/Shanghai',
};

// ` date 2017-09-09 Source: Xinhua| 2017-09-09 19:03:53|Editor: Lu Hui`
const HEADER =
  /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+Source:\s*([^|]+?)\s*\|\s*(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s*(?:\|\s*Editor:\s*(.*?))?\s*$/i;
// `DAMASCUS, Sept. 9 (Xinhua) -- `
const DATELINE = /^([A-Z][A-Z.'’\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’\- ]*)?),\s+[A-Z][a-z]{2,5}\.?\s+\d{1,2}\s+\(([^)]+)\)\s*-{1,2}\s*/;
// `… (Xinhua/Ammar Safarjalani)` closing a photo caption
const CAPTION_CREDIT = /\s*\(([^()/]+)\/([^()]+)\)\s*$/;

export function looksLikeWireText(text: string): boolean {
  return HEADER.test(text.split('\n', 1)[0] ?? '');
}

/** Parse one story in the wire format of the Xinhua sample. */
export function parseWireText(text: string, origin: string, now: Date): ParsedRecord[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = HEADER.exec(lines[0] ?? '');
  if (!header) {
    return [
      {
        ok: false,
        line: 1,
        reason: 'not a wire story: the first line must be "date YYYY-MM-DD Source: Agency| YYYY-MM-DD HH:MM:SS|Editor: Name"',
      },
    ];
  }
  const [, , sourceRaw = '', timestamp = '', editorRaw] = header;
  const source = sourceRaw.trim();
  const zone = AGENCY_ZONES[source.toLowerCase()] ?? 'UTC';
  const date = parseArticleDate(timestamp.replace(' ', 'T'), now, zone);
  if (!date.ok) return [{ ok: false, line: 1, reason: date.reason }];

  const paragraphs = paragraphsOf(lines.slice(1).join('\n'));

  let caption: string | null = null;
  let captionCredit: string | null = null;
  let headline: string | null = null;
  let datelinePlace: string | null = null;
  const bodyParagraphs: string[] = [];

  for (const paragraph of paragraphs) {
    if (bodyParagraphs.length === 0) {
      const dateline = DATELINE.exec(paragraph);
      if (dateline) {
        const [town = '', qualifier] = (dateline[1] ?? '').split(/,\s*/, 2);
        datelinePlace = datelinePlaceName(town, qualifier);
        bodyParagraphs.push(paragraph.slice(dateline[0].length));
        continue;
      }
      const credit = CAPTION_CREDIT.exec(paragraph);
      if (credit && caption === null) {
        caption = paragraph.slice(0, credit.index).trim();
        captionCredit = (credit[2] ?? '').trim();
        continue;
      }
      // A short single line without a full stop before the story starts is a headline.
      if (headline === null && !paragraph.includes('\n') && paragraph.length <= 200 && !/[.!?]["”]?$/.test(paragraph)) {
        headline = paragraph;
        continue;
      }
    }
    bodyParagraphs.push(paragraph);
  }

  const body = bodyParagraphs.join('\n\n').trim();
  if (body === '') return [{ ok: false, line: null, reason: 'the story has a header but no body' }];

  return [
    {
      ok: true,
      line: null,
      article: {
        source,
        published: date.published,
        publishedZone: zone,
        editor: editorRaw?.trim() || null,
        datelinePlace,
        headline: headline ?? deriveHeadline(body),
        headlineDerived: headline === null,
        caption,
        captionCredit,
        body,
        url: null,
        origin,
      },
    },
  ];
}
