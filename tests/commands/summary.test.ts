import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summary } from '../../commands/summary.js';
import { createTestServices, askCommand, type TestServices } from '../helpers/test-services.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';

const CAPTION_WORDS = /Syrian military vehicles take position|Xinhua\/Ammar Safarjalani|\(Xinhua\/|broke Tuesday the three-year siege/;
const DATELINE = /DAMASCUS|\(Xinhua\) --/;

interface SummaryDataShape {
  articleId: string;
  sentences: { index: number; text: string }[];
  reduction: number;
}

function summaryData(data: unknown): SummaryDataShape {
  expect(data).toEqual({
    articleId: expect.any(String) as string,
    sentences: expect.any(Array) as unknown[],
    reduction: expect.any(Number) as number,
  });
  const d = data as SummaryDataShape;
  for (const s of d.sentences) expect(Object.keys(s).sort()).toEqual(['index', 'text']);
  return d;
}

describe('/summary on the sample article', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(() => services.close());

  it('summarises the latest story in three sentences, without caption or dateline', async () => {
    const r = await askCommand(services, '/summary');
    expect(r.isError).toBeFalsy();
    const d = summaryData(r.data);
    expect(d.sentences).toHaveLength(3);
    // in story order, distinct, and each one a sentence of the stored body
    const indices = d.sentences.map((s) => s.index);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    expect(new Set(indices).size).toBe(3);
    const body = (await services.store.stories.getById(d.articleId))!.body.replace(/\s+/g, ' ');
    for (const s of d.sentences) {
      expect(body).toContain(s.text);
      expect(s.text).not.toMatch(CAPTION_WORDS);
      expect(s.text).not.toMatch(DATELINE);
    }
    expect(r.text).not.toMatch(CAPTION_WORDS);
    expect(r.text).not.toMatch(DATELINE);
    expect(d.reduction).toBeGreaterThan(50);
    expect(d.reduction).toBeLessThan(100);
  });

  it('keeps the lead sentence intact and not glued to the dateline when it is chosen', async () => {
    const r = await askCommand(services, '/summary length:10');
    const d = summaryData(r.data);
    const lead = d.sentences.find((s) => s.index === 0);
    expect(lead?.text).toMatch(/^The U\.S\.-backed Syrian Democratic Forces \(SDF\) declared an offensive/);
  });

  it('shows headline, source, date, dateline place, reduction and id', async () => {
    const r = await askCommand(services, '/summary length:2');
    const d = summaryData(r.data);
    expect(d.sentences).toHaveLength(2);
    expect(r.title).toBeTruthy();
    const fields = Object.fromEntries(r.fields.map((f) => [f.name, f.value]));
    expect(fields.Source).toMatch(/Xinhua/);
    expect(fields.Published).toMatch(/^2017-09-09/);
    expect(fields.Dateline).toBe('Damascus');
    expect(fields.Reduction).toBe(`original reduced by ${d.reduction}%`);
    expect(fields.Article).toContain(d.articleId);
    expect(r.text).toBe(d.sentences.map((s) => s.text).join('\n\n'));
  });

  it('finds a story by search words and by id', async () => {
    const byWords = summaryData((await askCommand(services, '/summary about:Raqqa')).data);
    const byId = summaryData((await askCommand(services, `/summary article:${byWords.articleId}`)).data);
    expect(byId.articleId).toBe(byWords.articleId);
  });

  it('answers an unknown topic with a no_match user error', async () => {
    const r = await askCommand(services, '/summary about:xyzzyplugh');
    expect(r.isError).toBe(true);
    expect(r.text).toBe("No article matches 'xyzzyplugh'");
  });

  it('autocompletes headlines with ids as values', async () => {
    const choices = await summary.autocomplete!({ options: {}, subcommand: null, focused: { name: 'article', value: '' }, services });
    expect(choices.length).toBeGreaterThan(0);
    expect(await services.store.stories.getById(choices[0]!.value)).not.toBeNull();
  });
});

describe('/summary on a story too short to cut', () => {
  let services: TestServices;
  const temp = makeTempDir();
  beforeAll(async () => {
    const file = path.join(temp.dir, 'short.ndjson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        title: 'Port reopens',
        text: 'The port of Tartus reopened on Monday. Ships began to dock.',
        date: '2017-09-10T08:00:00Z',
        source: 'Test Wire',
      }) +
        '\n' +
        JSON.stringify({
          title: 'Ferry resumes',
          text: 'The ferry to Latakia resumed on Tuesday. It carried forty cars. Fares were unchanged.',
          date: '2017-09-11T08:00:00Z',
          source: 'Test Wire',
        }) +
        '\n',
    );
    services = await createTestServices({ files: [file, writeCorpusSlice(temp.dir, 5)] });
  });
  afterAll(async () => {
    await services.close();
    temp.cleanup();
  });

  it('says there is nothing to cut and returns the whole story', async () => {
    const r = await askCommand(services, '/summary about:Tartus');
    const d = summaryData(r.data);
    expect(d.sentences.map((s) => s.text)).toEqual(['The port of Tartus reopened on Monday.', 'Ships began to dock.']);
    expect(d.reduction).toBe(0);
    expect(r.fields.find((f) => f.name === 'Reduction')?.value).toMatch(/nothing to cut/);
  });

  it('says so too when the summary would keep every sentence (not "reduced by 0%")', async () => {
    const r = await askCommand(services, '/summary about:Latakia');
    expect(summaryData(r.data).sentences).toHaveLength(3);
    expect(r.fields.find((f) => f.name === 'Reduction')?.value).toBe('nothing to cut: the story is only 3 sentences');
    expect(r.footer).toMatch(/this is the whole story/);
  });
});
