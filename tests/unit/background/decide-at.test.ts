/** The reader's sensitivity over the engine's decision (engine stubbed: only the bar is under test). */
import { describe, expect, it, vi } from 'vitest';
import type { Candidate, EngineVerdict, Match, PageFingerprint } from '@/utils/engine';

let engineSays: EngineVerdict;
let sameText = false;
vi.mock('@/utils/engine', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/engine')>()),
  decide: () => engineSays,
  isSameText: () => sameText,
}));
const { decideAt } = await import('@/utils/background/decide-at');
const { THRESHOLD } = await import('@/utils/engine');

const match = (score: number): Match => ({ id: 'o1', score, evidence: {} as Match['evidence'] });
const page = {} as PageFingerprint;
const candidates = [{ id: 'o1', lang: 'fr', fingerprint: {} } as Candidate];

describe('decideAt', () => {
  it('at the engine threshold, is the engine', () => {
    engineSays = { kind: 'translation', match: match(0.6) };
    expect(decideAt(page, candidates, THRESHOLD)).toBe(engineSays);
  });

  it('strict: a match the engine flags below the raised bar is not flagged', () => {
    engineSays = { kind: 'translation', match: match(0.6) };
    expect(decideAt(page, candidates, THRESHOLD + 0.15)).toEqual({ kind: 'none', best: match(0.6) });
    engineSays = { kind: 'translation', match: match(0.7) };
    expect(decideAt(page, candidates, THRESHOLD + 0.15).kind).toBe('translation');
  });

  it('sensitive: a match under the engine bar but over the lowered one is classified as the engine would', () => {
    engineSays = { kind: 'none', best: match(0.4) };
    sameText = false;
    expect(decideAt(page, candidates, THRESHOLD - 0.15)).toEqual({ kind: 'translation', match: match(0.4) });
    sameText = true;
    expect(decideAt(page, candidates, THRESHOLD - 0.15)).toEqual({ kind: 'original', match: match(0.4) });
    engineSays = { kind: 'none', best: match(0.3) };
    expect(decideAt(page, candidates, THRESHOLD - 0.15).kind).toBe('none');
    engineSays = { kind: 'none', best: null };
    expect(decideAt(page, candidates, THRESHOLD - 0.15).kind).toBe('none');
    engineSays = { kind: 'none', best: { ...match(Number.NaN) } };
    expect(decideAt(page, candidates, THRESHOLD - 0.15).kind).toBe('none');
  });
});
