import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, safeUrl } from '../../src/core/url.ts';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['https://例子.测试/路径', 'https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84'],
  ])('accepts %j as %j', (raw, expected) => {
    expect(safeUrl(raw)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    [' javascript:alert(1)'],
    [' https://example.com'],
    ['https://example.com '],
    ['\u0001https://example.com'],
    ['&#106;avascript:alert(1)'],
    ['javascript://%0aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['blob:https://example.com/0b7f8c1e'],
    ['ftp://example.com/file'],
    ['/relative/path'],
    ['page.html'],
    ['//example.com/protocol-relative'],
    ['#fragment'],
    [''],
    ['https://'],
  ])('rejects %j', (raw) => {
    expect(safeUrl(raw)).toBeUndefined();
  });

  it(`accepts ${MAX_URL_LENGTH} characters and rejects one more`, () => {
    const prefix = 'https://example.com/';
    const longest = prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length);
    expect(safeUrl(longest)).toBe(longest);
    expect(safeUrl(`${longest}a`)).toBeUndefined();
  });
});
