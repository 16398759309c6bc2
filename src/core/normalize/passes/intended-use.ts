// Intended use (SPEC §3.2.2, DECISIONS D4): bucket words count only in the top-level folder; one bucket sets the
// field, several give `intended_use_conflict`. Later (§3.3.3) the designer's or franchise's default fills it.
import type { Draft } from '../draft';
import { phraseAt } from './designer';
import { WEIGHTS } from '../types';
import type { IntendedUseBucket } from '../../vocab/ruleset';

export function intendedUseFromTokens(d: Draft): void {
  const top = d.options.topLevelTokens ?? [];
  const buckets = new Set<IntendedUseBucket>();
  for (const t of top) {
    const b = d.cues.intendedUse.get(t);
    if (b) buckets.add(b);
  }
  if (buckets.size === 1) {
    d.fields.intended_use_bucket = [...buckets][0];
    d.confidence += WEIGHTS.intendedUse;
  } else if (buckets.size > 1) {
    d.warn('intended_use_conflict');
  }
}

export function intendedUseDefaults(d: Draft): void {
  const f = d.fields;
  if (f.intended_use_bucket !== null || d.warnings.includes('intended_use_conflict')) return;
  if (f.designer !== null) {
    const b = d.cues.designerIntendedUse.get(f.designer);
    if (b) {
      f.intended_use_bucket = b;
      return;
    }
  }
  for (const p of d.cues.franchisePreference) {
    const b = d.cues.franchiseIntendedUse.get(p.key);
    if (b && phraseAt(d.tokens, p.tokens) >= 0) {
      f.intended_use_bucket = b;
      return;
    }
  }
}
