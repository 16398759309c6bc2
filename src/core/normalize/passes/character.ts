// Character alias passes (SPEC §3.2.1 pre-pass over tokens + expansions, §3.2.4.6 single tokens).
import type { CharacterRef } from '../../vocab/ruleset';
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';
import { isValidCharacterAlias } from './context';

/** Several characters may claim one alias: prefer one whose franchise alias is also in the stream, else the last
 * loaded (the original's single-valued map kept the last manifest). */
function pickCharacter(d: Draft, refs: readonly CharacterRef[]): CharacterRef {
  const present = new Set(d.expanded.flatMap((t) => d.cues.franchiseByAlias.get(t) ?? []));
  return refs.find((r) => r.franchise !== null && present.has(r.franchise)) ?? refs[refs.length - 1];
}

function assign(d: Draft, alias: string): void {
  const refs = d.cues.charactersByAlias.get(alias);
  if (!refs || refs.length === 0) return;
  const ref = pickCharacter(d, refs);
  d.fields.character_name = ref.character;
  d.addHint(d.fields.character_aliases, alias);
  d.confidence += WEIGHTS.character;
  d.warn('character_without_context');
}

export function characterPrePass(d: Draft): void {
  if (d.cues.charactersByAlias.size === 0 || d.expanded.length === 0) return;
  const franchisePresent = d.franchisePresent;
  const present = new Set(d.expanded.flatMap((t) => d.cues.franchiseByAlias.get(t) ?? []));
  // A character of a franchise named in the path beats one of a franchise that is not (D13).
  const backed = (t: string) => (d.cues.charactersByAlias.get(t) ?? []).some((r) => r.franchise !== null && present.has(r.franchise));
  const candidates = d.expanded
    .map((t, i) => ({ t, i, backed: backed(t) }))
    .filter(({ t }) => isValidCharacterAlias(d, t, franchisePresent))
    // Aliases read directly from tokens beat those found only by splitting a glued or camelCase word.
    .sort((a, b) => Number(b.backed) - Number(a.backed) || Number(a.i >= d.directCount) - Number(b.i >= d.directCount) || b.t.length - a.t.length || a.i - b.i);
  if (candidates.length > 0) assign(d, candidates[0].t);
}

/** Returns true when the token was a character alias that set the character. */
export function characterToken(d: Draft, token: string): boolean {
  if (d.fields.character_name !== null) return false;
  if (!isValidCharacterAlias(d, token, d.franchisePresent)) return false;
  assign(d, token);
  return true;
}
