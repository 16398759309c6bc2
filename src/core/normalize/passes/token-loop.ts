// The per-token loop (SPEC §3.2.4): each token meets the rules in order; a rule that takes it ends its turn.
import type { Draft } from '../draft';
import { WEIGHTS } from '../types';
import { characterToken } from './character';
import { designerToken } from './designer';

function factionHint(d: Draft, index: number): boolean {
  const token = d.tokens[index];
  if (!d.cues.factionHints.has(token) || d.cues.lineageFamilyByToken.has(token)) return false;
  const f = d.fields;
  const franchises = d.cues.franchiseByAlias.get(token);
  if (franchises && franchises.length > 0 && f.franchise === null) {
    if (d.isTabletop) {
      d.addHint(f.franchise_hints, token);
      d.warn('tabletop_no_franchise');
    } else {
      const aliasCount = d.tokens.filter((t) => d.cues.franchiseByAlias.has(t)).length;
      const anyCharacter = d.expanded.some((t) => d.cues.charactersByAlias.has(t));
      if (token.length > 2 || aliasCount >= 2 || anyCharacter) {
        f.franchise = franchises[0];
        d.confidence += WEIGHTS.faction;
      } else {
        d.addHint(f.franchise_hints, token);
        d.warn('faction_without_system');
      }
    }
  } else {
    d.addHint(f.franchise_hints, token);
    d.warn('faction_without_system');
  }
  return true;
}

function variantAxis(d: Draft, token: string): boolean {
  const c = d.cues;
  const f = d.fields;
  const seg = c.segmentation.get(token);
  if (seg) {
    d.segmentationVotes[seg]++;
  } else {
    const vol = c.internalVolume.get(token);
    if (vol) {
      f.internal_volume = vol;
    } else {
      const sup = c.supportState.get(token);
      if (sup) {
        d.supportVotes[sup] = true;
      } else {
        const pack = c.partPack.get(token);
        if (!pack) return false;
        if (c.bustWords.has(token)) f.has_bust_variant = true;
        if (f.part_pack_type === null) f.part_pack_type = pack;
      }
    }
  }
  d.confidence += WEIGHTS.variantAxis;
  return true;
}

function scaleToken(d: Draft, token: string): boolean {
  const f = d.fields;
  const ratio = d.cues.scaleRatio.exec(token);
  if (ratio) {
    if (f.scale_ratio_den === null) {
      f.scale_ratio_den = Number(ratio[1]);
      d.confidence += WEIGHTS.scale;
    }
    return true;
  }
  const mm = d.cues.scaleMm.exec(token);
  if (mm) {
    if (f.height_mm === null) {
      f.height_mm = Number(mm[1]);
      d.confidence += WEIGHTS.scale;
    }
    return true;
  }
  return false;
}

function structuralToken(d: Draft, token: string): boolean {
  const f = d.fields;
  const v = d.cues.versionPattern.exec(token);
  if (v) {
    if (f.version_num === null) {
      f.version_num = Number(v[1]);
      d.confidence += WEIGHTS.poseVersion;
    }
    return true;
  }
  const p = d.cues.posePattern.exec(token);
  if (p) {
    if (f.pose_variant === null) {
      f.pose_variant = p[2] ?? p[1];
      d.confidence += WEIGHTS.poseVersion;
    }
    return true;
  }
  return false;
}

/** Word lists that explain a token even when no rule took it (the original's token domains). */
function classified(d: Draft, token: string): boolean {
  const c = d.cues;
  return (
    c.stopwords.has(token) ||
    c.designerTokens.has(token) ||
    c.lineageFamilyByToken.has(token) ||
    c.factionHints.has(token)
  );
}

export function tokenLoop(d: Draft): void {
  const { tokens, cues } = d;
  const f = d.fields;
  let pcNegative = false;
  for (let i = 0; i < tokens.length; i++) {
    if (d.plain[i]) continue;
    const token = tokens[i];
    if (designerToken(d, i)) continue;
    const families = cues.lineageFamilyByToken.get(token);
    if (families) {
      if (families.length > 1) d.warn('ambiguous_lineage_token');
      else d.lineageCandidates.push({ index: i, token, families });
    }
    if (factionHint(d, i)) {
      d.explain(i);
      continue;
    }
    if (d.options.generalFaction && d.isTabletop) {
      const bucket = cues.generalFaction.get(token);
      if (bucket) {
        if (f.faction_general === null) f.faction_general = bucket;
        d.explain(i);
        continue;
      }
    }
    if (variantAxis(d, token) || characterToken(d, token) || scaleToken(d, token)) {
      d.explain(i);
      continue;
    }
    if (cues.pcPositive.has(token)) {
      d.pcPositive = true;
      d.confidence += WEIGHTS.pcPositive;
      d.explain(i);
      continue;
    }
    if (cues.pcNegative.has(token) || cues.monsterTerms.has(token)) pcNegative = true;
    if (cues.nsfwStrong.has(token)) {
      if (f.content_flag === null || d.warnings.includes('nsfw_weak_confidence')) {
        d.confidence += WEIGHTS.nsfwStrong;
      }
      f.content_flag = 'nsfw';
      d.explain(i);
      continue;
    }
    if (cues.nsfwWeak.has(token)) {
      if (f.content_flag === null) {
        f.content_flag = 'nsfw';
        d.confidence += WEIGHTS.nsfwWeak;
        d.warn('nsfw_weak_confidence');
      }
      d.explain(i);
      continue;
    }
    if (structuralToken(d, token)) {
      d.explain(i);
      continue;
    }
    if (classified(d, token)) d.explain(i);
  }
  // A strong cue seen after a weak one removes the doubt.
  if (tokens.some((t, i) => !d.plain[i] && cues.nsfwStrong.has(t))) {
    const at = d.warnings.indexOf('nsfw_weak_confidence');
    if (at >= 0) d.warnings.splice(at, 1);
  }
  if (d.pcPositive) {
    if (pcNegative) {
      d.warn('pc_candidate_conflict');
      d.confidence -= WEIGHTS.pcPositive / 2;
    } else {
      f.pc_candidate_flag = true;
    }
  }
}
