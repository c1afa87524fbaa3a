/**
 * The engine's decision at the reader's sensitivity. The engine has one calibrated
 * threshold (`THRESHOLD`) and `decide` applies it; the settings move it (strict /
 * sensitive, utils/store/settings.ts). The engine still picks the best match and tells an
 * original from a translation; only the bar the score must clear changes.
 */
import { decide, isSameText, THRESHOLD, type Candidate, type EngineVerdict, type PageFingerprint } from '@/utils/engine';

export function decideAt(page: PageFingerprint, candidates: Candidate[], threshold = THRESHOLD): EngineVerdict {
  const v = decide(page, candidates);
  if (threshold === THRESHOLD) return v;
  const best = v.kind === 'none' ? v.best : v.match;
  if (!best || !(best.score >= threshold)) return { kind: 'none', best };
  if (v.kind !== 'none') return v;
  // Below the engine's bar but above the reader's: classify it as `decide` would have.
  const candidate = candidates.find((c) => c.id === best.id);
  if (!candidate) return { kind: 'none', best };
  return isSameText(page, candidate.fingerprint) ? { kind: 'original', match: best } : { kind: 'translation', match: best };
}
