// Designer passes (SPEC §3.2.3 phrases, longest first; §3.2.4.1 single-token aliases, first hit wins).
import type { DesignerPhrase } from '../cues';
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

export function phraseAt(tokens: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

const NONE: readonly never[] = [];

export function designerPhrases(d: Draft): void {
  // The first phrase in longest-first order that occurs anywhere (the original loops over phrases, not positions).
  const tokens = d.tokens;
  let best: { phrase: DesignerPhrase; rank: number; at: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (d.plain[i]) continue;
    for (const c of d.cues.designerPhrasesByFirst.get(tokens[i]) ?? NONE) {
      if (best && c.rank >= best.rank) continue;
      if (d.cues.designerNeverAssign.has(c.phrase.key)) continue;
      const p = c.phrase.tokens;
      let j = 1;
      while (j < p.length && tokens[i + j] === p[j]) j++;
      if (j === p.length) best = { ...c, at: i };
    }
  }
  if (!best) return;
  d.fields.designer = best.phrase.key;
  d.confidence += WEIGHTS.designer;
  for (let j = 0; j < best.phrase.tokens.length; j++) d.explain(best.at + j);
}

/** Returns true when the token set the designer (the loop then moves to the next token). */
export function designerToken(d: Draft, index: number): boolean {
  const token = d.tokens[index];
  const keys = d.cues.designerByToken.get(token);
  if (!keys) return false;
  // A vocab designer alias explains its token even when another designer was already assigned.
  d.explain(index);
  if (d.fields.designer !== null) return false;
  const assignable = keys.filter((k) => !d.cues.designerNeverAssign.has(k));
  if (assignable.length === 0) return false;
  if (new Set(assignable).size > 1) d.warn('designer_alias_collision');
  d.fields.designer = assignable[0];
  d.confidence += WEIGHTS.designer;
  return true;
}
