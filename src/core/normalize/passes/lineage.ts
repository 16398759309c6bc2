// Lineage (SPEC §3.2.8 thematic cues in the last 8 tokens, §3.2.9 candidate pick). Values are family keys
// (`elves` → `elf`), not raw tokens (DECISIONS D6).
import * as B from '../builtin-cues';
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';

const TAIL = 8;
const RAT_WEAK_SUBSTRINGS = ['gnaw', 'scratch', 'whisk', 'fang', 'claw'];

const TRAILING_NON_ALNUM = /[^\p{L}\p{N}]+$/u;

function isRatWeak(token: string): boolean {
  const last = token.charCodeAt(token.length - 1);
  const endsAlnum = (last >= 0x61 && last <= 0x7a) || (last >= 0x30 && last <= 0x39) || (last >= 0x41 && last <= 0x5a);
  const t = endsAlnum ? token : token.replace(TRAILING_NON_ALNUM, '');
  if (B.RAT_WEAK.has(t)) return true;
  if (t.endsWith('tail') || t.endsWith('tails')) return true;
  return RAT_WEAK_SUBSTRINGS.some((s) => t.includes(s));
}

/** Strong rat cue: a listed word, or a word that starts with `rat` (ratogre, ratlings) — not one that merely
 * contains it (`pirate`, `karate`: the original's substring rule, DECISIONS D9). */
function isRatStrong(token: string): boolean {
  return B.RAT_STRONG.has(token) || (token.startsWith('rat') && /^rat(ling|kin|man|men|ogre|folk)/u.test(token));
}

/** Thematic cue of the last TAIL tokens. */
function thematic(tokens: readonly string[]): string | null {
  const from = Math.max(0, tokens.length - TAIL);
  for (let i = from; i < tokens.length; i++) if (isRatStrong(tokens[i])) return 'ratfolk';
  let weak = 0;
  for (let i = from; i < tokens.length; i++) if (isRatWeak(tokens[i]) && ++weak >= 2) return 'ratfolk';
  for (let i = from; i < tokens.length; i++) if (B.UNDEAD_HINTS.has(tokens[i])) return 'undead';
  return null;
}

export function lineagePass(d: Draft): void {
  const tokens = d.tokens;
  const theme = thematic(tokens);
  if (theme) {
    d.fields.lineage_family = theme;
    d.confidence += WEIGHTS.lineage;
    return;
  }
  let candidates = d.lineageCandidates;
  const hasOrk = candidates.some((c) => B.ORK_TOKENS.has(c.token));
  if (hasOrk && !tokens.some((t) => B.ORK_SUBJECT_HINTS.has(t))) {
    const marines = tokens.some((t) => B.SPACE_MARINE_HINTS.has(t));
    const kept = candidates.filter((c) => {
      if (!B.ORK_TOKENS.has(c.token)) return true;
      const before = tokens.slice(Math.max(0, c.index - 2), c.index);
      return !(marines || before.some((t) => B.ACTION_VERBS.has(t)));
    });
    if (kept.length !== candidates.length) d.warn('lineage_ambiguous_vs_context');
    candidates = kept;
  }
  if (candidates.length === 0) return;
  if (candidates.length === 1 && candidates[0].index <= 2 && tokens.length >= 8) {
    d.warn('lineage_weak_top_level');
    return;
  }
  const deepest = candidates.reduce((a, b) => (b.index > a.index ? b : a));
  d.fields.lineage_family = deepest.families[0];
  d.confidence += WEIGHTS.lineage;
}
