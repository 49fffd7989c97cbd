// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articleFromFile, articleMap, emptyMap, fileNameOf, htmlArticle, newRoomKey, plainArticle, titleOf } from '../../src/ui/article-text.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';

describe('an article read as text', () => {
  it('keeps the text of an HTML page and drops scripts, styles and markup, running nothing', () => {
    const ran: string[] = [];
    (globalThis as { articleRan?: (what: string) => void }).articleRan = (what) => ran.push(what);
    const html = `<!doctype html><html><head><title>百模大战 &amp; 投资</title><style>p{color:red}</style>
      <script>articleRan('head')</script></head><body onload="articleRan('onload')">
      <h1>标题一</h1><p>第一段<b>加粗</b>文字。</p><img src=x onerror="articleRan('img')"><p>第二段<br>换行</p>
      <script>articleRan('body')</script><noscript>no script</noscript><ul><li>一</li><li>二</li></ul></body></html>`;
    const article = htmlArticle(html);
    expect(article.title).toBe('百模大战 & 投资');
    expect(article.text).toBe('标题一\n\n第一段加粗文字。\n\n第二段\n换行\n\n一\n\n二');
    expect(article.text).not.toContain('articleRan');
    expect(article.text).not.toContain('color');
    expect(ran).toEqual([]);
  });

  it('takes the title from the first line when the page has no <title>', () => {
    expect(htmlArticle('<p>  朱啸虎：不看好大模型  </p><p>正文</p>').title).toBe('朱啸虎：不看好大模型');
  });

  it('reads .txt and .md as they are, tidying blank runs; the title is the first line without heading marks', () => {
    const article = plainArticle('\r\n# 标题  \r\n\r\n\r\n\r\n正文\t 一行\r\n');
    expect(article).toEqual({ title: '标题', text: '# 标题\n\n正文 一行' });
    expect(articleFromFile('a.md', 'text/markdown', '## Heading\ntext').title).toBe('Heading');
    expect(articleFromFile('a.HTML', '', '<title>T</title><p>x</p>')).toEqual({ title: 'T', text: 'x' });
    expect(articleFromFile('a.txt', 'text/plain', '<p>x</p>').text).toBe('<p>x</p>');
  });

  it('cuts a long first line to a title', () => {
    const title = titleOf('长'.repeat(500));
    expect(title).toHaveLength(120);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('the map an article starts', () => {
  it('is a valid map with the article as its one source', () => {
    const map = articleMap({ title: '百模大战', text: '正文' }, 'zh', '未命名地图');
    expect(map.sources).toEqual([{ id: 'article', title: { zh: '百模大战' } }]);
    expect(map.title).toEqual({ zh: '百模大战' });
    const reread = loadMapText(serializeMap(map));
    expect(reread.ok).toBe(true);
    expect(articleMap({ title: '', text: 'x' }, 'en', 'Untitled map').title).toEqual({ en: 'Untitled map' });
    expect(loadMapText(serializeMap(emptyMap('Untitled map', 'en'))).ok).toBe(true);
  });

  it('gets a file name from its title, and a room of its own', () => {
    expect(fileNameOf('a/b: c?', 'argmap')).toBe('a b c');
    expect(fileNameOf('  ', 'argmap')).toBe('argmap');
    expect(newRoomKey()).not.toBe(newRoomKey());
    expect(newRoomKey().startsWith('new:')).toBe(true);
  });
});
