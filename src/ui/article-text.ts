/**
 * "New map from article…": the text of a pasted or opened article (.txt, .md, .html) and the map
 * it starts, which quotes it as its one source. HTML is read as text only: it is parsed into a
 * detached document (DOMParser makes one with scripting off, which loads nothing), scripts,
 * styles and other non-text parts are dropped, and only the text content is kept; no element of
 * it ever reaches the page.
 */
import type { ArgMap, Language } from '../core/model.ts';

export interface Article {
  readonly title: string;
  readonly text: string;
}

/** The source's id in a map made from an article. */
export const ARTICLE_SOURCE_ID = 'article';
/** Longer first lines are cut to this many characters for the title. */
const TITLE_LIMIT = 120;

const NOT_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, math, head';
const BLOCKS = 'p, div, section, article, header, footer, aside, main, nav, blockquote, pre, li, ul, ol, dl, dt, dd, table, tr, h1, h2, h3, h4, h5, h6, figure, figcaption, hr';

export function isHtmlFile(name: string, type = ''): boolean {
  return /\.x?html?$/i.test(name) || type === 'text/html' || type === 'application/xhtml+xml';
}

/** Blank runs inside a line become one space, lines are trimmed, and at most one blank line stays between paragraphs. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first line that says something, without Markdown's heading marks, cut to a title's length. */
export function titleOf(text: string): string {
  const line = text.split('\n').map((candidate) => candidate.replace(/^#{1,6}\s+/, '').trim()).find((candidate) => candidate !== '') ?? '';
  return line.length > TITLE_LIMIT ? `${line.slice(0, TITLE_LIMIT - 1)}…` : line;
}

/** The text of an HTML page, read without running or loading anything in it. */
export function htmlArticle(html: string): Article {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const pageTitle = tidy(parsed.title);
  for (const element of parsed.querySelectorAll(NOT_TEXT)) element.remove();
  const body = parsed.body ?? parsed.documentElement;
  for (const element of body.querySelectorAll('br')) element.replaceWith(parsed.createTextNode('\n'));
  for (const element of body.querySelectorAll(BLOCKS)) {
    element.before(parsed.createTextNode('\n\n'));
    element.after(parsed.createTextNode('\n\n'));
  }
  const text = tidy(body.textContent ?? '');
  return { title: pageTitle === '' ? titleOf(text) : titleOf(pageTitle), text };
}

export function plainArticle(text: string): Article {
  const tidied = tidy(text);
  return { title: titleOf(tidied), text: tidied };
}

/** An article from a file's text: HTML by its name or type, anything else as plain text (Markdown stays as written). */
export function articleFromFile(name: string, type: string, text: string): Article {
  return isHtmlFile(name, type) ? htmlArticle(text) : plainArticle(text);
}

/** The map an article starts: no nodes yet, the article as its source, titled after it. */
export function articleMap(article: Article, language: Language, fallbackTitle: string): ArgMap {
  const title = { [language]: article.title === '' ? fallbackTitle : article.title };
  return { schemaVersion: 1, title, sources: [{ id: ARTICLE_SOURCE_ID, title }], actors: [], nodes: [], edges: [] };
}

/** A new empty map. */
export function emptyMap(title: string, language: Language): ArgMap {
  return { schemaVersion: 1, title: { [language]: title }, sources: [], actors: [], nodes: [], edges: [] };
}

/** A file name for a map from its title: what Save and exports call it. */
export function fileNameOf(title: string, fallback: string): string {
  const name = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  return name === '' ? fallback : name;
}

/** A room key for a map made here: each new map autosaves on its own, even when two start alike. */
export function newRoomKey(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `new:${Date.now().toString(36)}-${[...random].map((part) => part.toString(36)).join('')}`;
}
