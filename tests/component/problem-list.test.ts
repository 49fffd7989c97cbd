// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problems.ts';
import ProblemList from '../../src/ui/ProblemList.svelte';
import { makeSession } from './fixtures.ts';

function sessionWith(problems: readonly Problem[], opened = false, fileName = 'bad.json') {
  const session = makeSession();
  session.lastAttempt = { fileName, problems, opened };
  return session;
}

describe('ProblemList', () => {
  it('shows nothing when nothing went wrong', () => {
    const { container } = render(ProblemList, { props: { session: makeSession() } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.textContent?.trim()).toBe('');
  });

  it('shows nothing for a file that opened cleanly', () => {
    render(ProblemList, { props: { session: sessionWith([], true) } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists located problems in an alert', () => {
    const session = sessionWith([
      { severity: 'error', message: 'duplicate id "n1" (first at /nodes/0/id)', pointer: '/nodes/1/id', line: 9, column: 7, id: 'n1' },
      { severity: 'error', message: 'unexpected end of input', line: 1, column: 11 },
      { severity: 'error', message: 'must be object', pointer: '/nodes/3/text' },
    ]);
    render(ProblemList, { props: { session } });
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('h2')?.textContent).toBe('无法打开该文件，当前地图保持不变');
    const items = [...alert.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual([
      'bad.json:9:7: /nodes/1/id: error: duplicate id "n1" (first at /nodes/0/id)',
      'bad.json:1:11: error: unexpected end of input',
      'bad.json: /nodes/3/text: error: must be object',
    ]);
  });

  it('renders message text literally: markup makes no element', () => {
    const session = sessionWith([{ severity: 'error', message: 'unknown property "<b>x</b>" <img src=x onerror=alert(1)>', pointer: '/<b>x</b>' }], false, '<i>evil</i>.json');
    render(ProblemList, { props: { session } });
    const alert = screen.getByRole('alert');
    expect(alert.querySelectorAll('b, img, i')).toHaveLength(0);
    expect(alert.querySelector('li')?.textContent).toBe('<i>evil</i>.json: /<b>x</b>: error: unknown property "<b>x</b>" <img src=x onerror=alert(1)>');
  });

  it('shows invisible and bidi characters as escapes, so a message cannot be spoofed', () => {
    const session = sessionWith([{ severity: 'error', message: 'duplicate id "abc\u202Efdp.exe"', pointer: '/nodes/1/id' }]);
    render(ProblemList, { props: { session } });
    const text = screen.getByRole('alert').querySelector('li')?.textContent ?? '';
    expect(text).not.toContain('\u202E');
    expect(text).toContain('abc\\u202Efdp.exe');
  });

  it('names warnings as repairs of a file that did open', () => {
    render(ProblemList, { props: { session: sessionWith([{ severity: 'warning', message: 'dropped a javascript: URL', pointer: '/sources/0/url' }], true) } });
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('h2')?.textContent).toBe('已打开，但做了以下修复');
    expect(alert.classList.contains('failed')).toBe(false);
    expect(alert.querySelector('li')?.textContent).toBe('bad.json: /sources/0/url: warning: dropped a javascript: URL');
  });

  it('shows at most 50 problems and says how many more there are', () => {
    const problems = Array.from({ length: 60 }, (_, index): Problem => ({ severity: 'error', message: `problem ${index}`, pointer: `/nodes/${index}` }));
    render(ProblemList, { props: { session: sessionWith(problems) } });
    const alert = screen.getByRole('alert');
    expect(alert.querySelectorAll('li')).toHaveLength(50);
    expect(alert.textContent).toContain('… +10');
  });

  it('follows the session language and can be dismissed', async () => {
    const session = sessionWith([{ severity: 'error', message: 'the file is empty', line: 1, column: 1 }]);
    render(ProblemList, { props: { session } });
    session.language = 'en';
    flushSync();
    expect(screen.getByRole('alert').querySelector('h2')?.textContent).toBe('The file could not be opened; the map you had stays open');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(session.lastAttempt).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
