// Scale: split-token ratio recovery (SPEC §3.2.7) and the documented checks (uncommon ratio, mm vs ratio).
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

const N_SCALE = /^(\d{1,2})scale$/u;
const DIGITS_2_3 = /^\d{2,3}$/u;
/** A 1:N figure of a ~1.75 m person is about 1750/N mm tall. */
const PERSON_MM = 1750;

function plausible(d: Draft, n: number): boolean {
  return d.cues.allowedDenominators.has(n) || d.cues.suspectDenominators.has(n);
}

function recoverRatio(d: Draft): number | null {
  const t = d.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '1' || i + 1 >= t.length) continue;
    const next = t[i + 1];
    const m = N_SCALE.exec(next);
    const n = m ? Number(m[1]) : /^\d{1,2}$/u.test(next) ? Number(next) : NaN;
    const near = t.slice(Math.max(0, i - 1), i + 3);
    if (Number.isFinite(n) && (m || near.includes('scale')) && plausible(d, n)) return n;
  }
  for (let i = 0; i + 1 < t.length; i++) {
    if (t[i] !== 'scale') continue;
    let next = t[i + 1];
    if (next === '1' && i + 2 < t.length) next = t[i + 2];
    if ((DIGITS_2_3.test(next) || /^\d$/u.test(next)) && plausible(d, Number(next))) return Number(next);
  }
  for (const tok of t) {
    const m = N_SCALE.exec(tok);
    if (m && plausible(d, Number(m[1]))) return Number(m[1]);
  }
  return null;
}

export function scalePass(d: Draft): void {
  const f = d.fields;
  if (f.scale_ratio_den === null) {
    const n = recoverRatio(d);
    if (n !== null) {
      f.scale_ratio_den = n;
      d.confidence += WEIGHTS.scale;
    }
  }
  if (f.scale_ratio_den !== null && !d.cues.allowedDenominators.has(f.scale_ratio_den)) d.warn('uncommon_scale_ratio');
  if (f.scale_ratio_den !== null && f.height_mm !== null && f.scale_ratio_den > 0) {
    const expected = PERSON_MM / f.scale_ratio_den;
    if (f.height_mm < expected / 2 || f.height_mm > expected * 2) {
      d.warn('scale_mm_ratio_conflict');
      d.confidence -= WEIGHTS.scale / 2;
    }
  }
}
