/** The CLI run in the test's own process (fast, and mocks apply), collecting what it writes. */
import { main } from '../../src/cli/main.ts';

export async function inProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (text: string) => (out += text) }, err: { write: (text: string) => (err += text) } });
  return { code, out, err };
}
