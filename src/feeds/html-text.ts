import { Parser } from 'htmlparser2';

/** Elements that end a paragraph: their text must not run into the next block's. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'table',
  'tr',
  'hr',
  'dd',
  'dt',
  'aside',
]);
/** Elements whose content is never story text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'title', 'form', 'button']);

/**
 * Feed bodies are HTML fragments (often escaped twice: once as XML, once as HTML). Turn one into the
 * store's body format: plain text, entities decoded, paragraphs separated by blank lines.
 * htmlparser2 tokenises like a browser (unclosed tags, stray `<`), so broken markup still yields its text.
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  let skipDepth = 0;
  const flush = (): void => {
    const text = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth += 1;
        else if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
      onclosetag(name, isImplied) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name) && !(isImplied && name === 'br')) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join('\n\n');
}

/** Titles may carry markup or entities too (`Q&amp;A`, `<b>Live</b>`): one line of plain text. */
export function htmlToLine(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}
