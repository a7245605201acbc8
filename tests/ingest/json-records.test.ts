import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument, parseNdjson } from '../../src/ingest/formats/json-records.js';
import { reutersCorpus } from '../helpers/paths.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('parseNdjson', () => {
  it('reads {title, text|body, date, source, url}', () => {
    const records = parseNdjson(
      [
        JSON.stringify({ title: 'A', text: 'Body one.', date: '2020-01-02T03:04:05Z', source: 'Wire', url: 'https://example.com/a' }),
        '',
        JSON.stringify({ title: 'B', body: 'Body two.', date: '2020-01-02', source: 'Wire' }),
      ].join('\n'),
      'f.ndjson',
      now,
    );
    expect(records).toHaveLength(2);
    const [a, b] = records;
    expect(a?.ok && a.article).toMatchObject({
      headline: 'A',
      body: 'Body one.',
      published: '2020-01-02T03:04:05Z',
      publishedZone: 'UTC',
      url: 'https://example.com/a',
      origin: 'f.ndjson:1',
    });
    expect(b?.ok && b.article).toMatchObject({ headline: 'B', body: 'Body two.', published: '2020-01-02T00:00:00Z' });
    expect(b?.ok && b.line).toBe(3);
  });

  it.each([
    ['{"title":"x", "text": "y"', /invalid JSON/],
    [JSON.stringify({ title: 'x', date: '2020-01-01', source: 's' }), /no body/],
    [JSON.stringify({ title: 'x', text: '   ', date: '2020-01-01' }), /no body/],
    [JSON.stringify({ title: 'x', text: 'y', date: '2017-02-30' }), /impossible date/],
    [JSON.stringify({ title: 'x', text: 'y', date: '1987-13-01' }), /impossible date/],
    [JSON.stringify({ title: 'x', text: 'y', date: '0999-01-01' }), /before 1800/],
    [JSON.stringify({ title: 'x', text: 'y', date: '2999-01-01' }), /future/],
    [JSON.stringify({ title: 'x', text: 'y', date: 'yesterday' }), /unreadable date/],
    [JSON.stringify({ title: 'x', text: 'y' }), /missing date/],
    [JSON.stringify(['not', 'an', 'object']), /not a JSON object/],
    [JSON.stringify({ title: 'x', text: 'y', date: '2020-01-01', url: 'not a url' }), /url/],
  ])('rejects %s with a reason', (line, reason) => {
    const [record] = parseNdjson(line, 'f.ndjson', now);
    expect(record?.ok).toBe(false);
    expect(!record?.ok && record?.reason).toMatch(reason);
    expect(record?.line).toBe(1);
  });

  it('reads every record of the shared Reuters corpus with zero rejections', () => {
    const records = parseNdjson(fs.readFileSync(reutersCorpus, 'utf8'), reutersCorpus, now);
    const rejected = records.filter((r) => !r.ok);
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(19040);
    const first = records[0];
    expect(first?.ok && first.article).toMatchObject({
      headline: 'BAHIA COCOA REVIEW',
      datelinePlace: 'Salvador',
      published: '1987-02-26T15:01:01Z',
    });
  });
});

describe('parseJsonDocument', () => {
  it('reads an array and rejects its bad items alone', () => {
    const records = parseJsonDocument(
      JSON.stringify([
        { title: 'A', text: 'a', date: '2020-01-01' },
        { title: 'B', date: '2020-01-01' },
      ]),
      'f.json',
      now,
    );
    expect(records.map((r) => r.ok)).toEqual([true, false]);
    expect(!records[1]?.ok && records[1]?.reason).toMatch(/item 1: record has no body/);
  });

  it('rejects a document that does not parse', () => {
    const [r] = parseJsonDocument('[{"title":', 'f.json', now);
    expect(!r?.ok && r?.reason).toMatch(/invalid JSON/);
  });
});
