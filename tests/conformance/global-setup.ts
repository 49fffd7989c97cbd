/**
 * Run once before the conformance suite (Vitest and Playwright alike): no corpora, no run, and
 * the reason names CORPORA_DIR.
 */
import { requireCorpora } from './corpora-dir.ts';

export default function checkCorpora(): void {
  requireCorpora();
}
