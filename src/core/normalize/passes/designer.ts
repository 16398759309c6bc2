// Designer passes (SPEC §3.2.3 phrases, longest first; §3.2.4.1 single-token aliases, first hit wins).
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

export function phraseAt(tokens: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export function designerPhrases(d: Draft): void {
  for (const p of d.cues.designerPhrases) {
    if (d.cues.designerNeverAssign.has(p.key)) continue;
    const at = phraseAt(d.tokens, p.tokens);
    if (at < 0) continue;
    d.fields.designer = p.key;
    d.confidence += WEIGHTS.designer;
    for (let j = 0; j < p.tokens.length; j++) d.explain(at + j);
    return;
  }
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
