import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToText } from '../../src/feeds/html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>One &amp; two</p><p>Three</p>', 'One & two\n\nThree'],
    ['Plain text, no tags &mdash; but an entity', 'Plain text, no tags — but an entity'],
    ['<div>Kept<script>alert(1)</script><style>p{}</style> text</div>', 'Kept text'],
    ['<p>Unclosed <b>bold<p>next', 'Unclosed bold\n\nnext'],
    ['a&nbsp;b &#8217; &#x2019;', 'a b ’ ’'],
    ['', ''],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('makes one line of a title', () => {
    expect(htmlToLine('Q&amp;A:\n <em>Live</em> &lt;now&gt;')).toBe('Q&A: Live <now>');
  });
});
