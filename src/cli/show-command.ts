import { parseArgs } from 'node:util';
import type { Article, ArticleAnalysis } from '../store/article-store.js';
import { formatPublished } from '../views/format.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

/** Everything the store holds for a story: the contract of `dateline show ID --json`. */
export function articleToJson(article: Article, analysis: ArticleAnalysis | null): Record<string, unknown> {
  return {
    id: article.id,
    source: article.source,
    published: article.published,
    publishedZone: article.publishedZone,
    editor: article.editor,
    datelinePlace: article.datelinePlace,
    headline: article.headline,
    headlineDerived: article.headlineDerived,
    caption: article.caption,
    captionCredit: article.captionCredit,
    body: article.body,
    url: article.url,
    ingestedAt: article.ingestedAt,
    origin: article.origin,
    sentences: (analysis?.sentences ?? []).map((s) => ({ index: s.index, start: s.start, end: s.end, score: s.score })),
    quotes: analysis?.quotes ?? [],
    places: analysis?.places ?? [],
  };
}

function articleToText(article: Article, analysis: ArticleAnalysis | null): string {
  const lines = [
    `${article.headline}${article.headlineDerived ? '  (headline derived from the lead)' : ''}`,
    `  id         ${article.id}`,
    `  source     ${article.source}${article.editor ? `, editor ${article.editor}` : ''}`,
    `  published  ${formatPublished(article.published)}${article.publishedZone ? ` [${article.publishedZone}]` : ''}`,
    `  dateline   ${article.datelinePlace ?? '—'}`,
    `  url        ${article.url ?? '—'}`,
    `  ingested   ${article.ingestedAt} from ${article.origin}`,
  ];
  if (article.caption) lines.push(`  caption    ${article.caption}${article.captionCredit ? ` (photo: ${article.captionCredit})` : ''}`);
  lines.push('', article.body, '');
  if (analysis) {
    lines.push(`quotes (${analysis.quotes.length}):`);
    for (const q of analysis.quotes)
      lines.push(`  [${q.kind}] ${q.speaker}${q.speakerDescription ? `, ${q.speakerDescription}` : ''} ${q.verb ?? ''}: ${q.text}`);
    lines.push(
      `places (${analysis.places.length}): ${analysis.places.map((p) => `${p.name}${p.countryCode ? ` [${p.countryCode}]` : ''}`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

/** `dateline show ID [--json] [--db PATH]`. */
export async function runShow(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  const id = positionals[0];
  if (!id) {
    println(io.stderr, 'Usage: dateline show ID [--json] [--db PATH]   (ids are shown by /search and /latest)');
    return ExitCode.userError;
  }
  const { app } = await openCliApp(io, values.db);
  try {
    const article = await app.services.store.stories.getById(id);
    if (!article) {
      println(io.stderr, `No article with id ${id}. Find ids with: dateline ask "/search WORDS"`);
      return ExitCode.userError;
    }
    const analysis = await app.services.store.stories.getAnalysis(article.id);
    println(io.stdout, values.json ? JSON.stringify(articleToJson(article, analysis)) : articleToText(article, analysis));
    return ExitCode.ok;
  } finally {
    await app.close();
  }
}
