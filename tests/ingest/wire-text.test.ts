import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeWireText, parseWireText } from '../../src/ingest/formats/wire-text.js';
import { sampleArticle } from '../helpers/paths.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('parseWireText on the Xinhua sample', () => {
  const text = fs.readFileSync(sampleArticle, 'utf8');
  const [record] = parseWireText(text, sampleArticle, now);
  if (!record?.ok) throw new Error(`sample rejected: ${JSON.stringify(record)}`);
  const a = record.article;

  it('reads the header: source, editor, published time with its zone', () => {
    expect(looksLikeWireText(text)).toBe(true);
    expect(a.source).toBe('Xinhua');
    expect(a.editor).toBe('Lu Hui');
    expect(a.published).toBe('2017-09-09T19:03:53+08:00');
    expect(a.publishedZone).toBe('Asia/Shanghai');
  });

  it('separates the photo caption and its credit from the body', () => {
    expect(a.caption).toMatch(/^Syrian military vehicles take position on the outskirts of Deir al-Zour/);
    expect(a.caption).not.toContain('(Xinhua/');
    expect(a.captionCredit).toBe('Ammar Safarjalani');
    expect(a.body).not.toContain('Syrian military vehicles take position');
    expect(a.body).not.toContain('Safarjalani');
  });

  it('takes the dateline place as metadata and strips the prefix from the body', () => {
    expect(a.datelinePlace).toBe('Damascus');
    expect(a.body.startsWith('The U.S.-backed Syrian Democratic Forces (SDF) declared an offensive')).toBe(true);
    expect(a.body).not.toContain('(Xinhua) --');
    expect(a.body.trimEnd().endsWith('the de facto capital of IS.')).toBe(true);
  });

  it('derives a headline from the lead and marks it as derived', () => {
    expect(a.headlineDerived).toBe(true);
    expect(a.headline.startsWith('The U.S.-backed Syrian Democratic Forces')).toBe(true);
    expect(a.headline.length).toBeLessThanOrEqual(140);
  });
});

describe('parseWireText on variants and bad input', () => {
  const header = ' date 2020-03-01 Source: Xinhua| 2020-03-01 08:15:00|Editor: Wang Yi\n\n';

  it('keeps a headline line when the story has one', () => {
    const [r] = parseWireText(
      `${header}Floods hit southern town\n\nBEIJING, March 1 (Xinhua) -- Heavy rain flooded the town.`,
      'x.txt',
      now,
    );
    expect(r?.ok && r.article.headline).toBe('Floods hit southern town');
    expect(r?.ok && r.article.headlineDerived).toBe(false);
    expect(r?.ok && r.article.datelinePlace).toBe('Beijing');
  });

  it('reads multi-word datelines', () => {
    const [r] = parseWireText(`${header}UNITED NATIONS, March 1 (Xinhua) -- The council met.`, 'x.txt', now);
    expect(r?.ok && r.article.datelinePlace).toBe('United Nations');
    expect(r?.ok && r.article.body).toBe('The council met.');
  });

  it('rejects a file without the header line, naming the expected form', () => {
    const [r] = parseWireText('Just some text.\n', 'x.txt', now);
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.reason).toMatch(/first line must be/);
  });

  it('rejects a header with an impossible timestamp', () => {
    const [r] = parseWireText(' date 2020-02-30 Source: Xinhua| 2020-02-30 08:15:00|Editor: X\n\nBody.', 'x.txt', now);
    expect(!r?.ok && r?.reason).toMatch(/impossible date/);
  });

  it('rejects a header with no body', () => {
    const [r] = parseWireText(header, 'x.txt', now);
    expect(!r?.ok && r?.reason).toMatch(/no body/);
  });
});
