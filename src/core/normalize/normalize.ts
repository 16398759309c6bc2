// normalize(variant, files, ruleset): the pure pipeline of passes in the spec's order (SPEC §3.2–3.3). Same inputs
// and same ruleset → the same result, byte for byte.
import type { Ruleset } from '../vocab/ruleset';
import { cuesFor } from './cues';
import { Draft, type NormalizeOptions } from './draft';
import { englishTokens, refineLocale } from './english-tokens';
import { tokenLocale } from './locale';
import { characterPrePass } from './passes/character';
import { computeContext } from './passes/context';
import { designerPhrases } from './passes/designer';
import { intendedUseDefaults, intendedUseFromTokens } from './passes/intended-use';
import { lineagePass } from './passes/lineage';
import { scalePass } from './passes/scale';
import { segmentationPass } from './passes/segmentation';
import { supportStatePass } from './passes/support-state';
import { tokenLoop } from './passes/token-loop';
import { pathComponents, tokenizeComponent } from './tokenize';
import type { SiblingSplit } from './sibling-segmentation';
import type { NormalizeResult } from './types';
import { variantTokensOf } from './variant-tokens';

export type { NormalizeOptions } from './draft';

/** Runs every pass over an already-built token stream. */
export function normalizeTokens(tokens: readonly string[], ruleset: Ruleset, options: NormalizeOptions = {}): NormalizeResult {
  const d = new Draft(tokens, cuesFor(ruleset), options);
  computeContext(d);
  characterPrePass(d);
  intendedUseFromTokens(d);
  designerPhrases(d);
  tokenLoop(d);
  segmentationPass(d);
  supportStatePass(d);
  scalePass(d);
  lineagePass(d);
  d.fields.token_locale = tokens.length > 0 ? refineLocale(tokenLocale(tokens), tokens, ruleset.glossary) : null;
  // Only where a translation can differ from the tokens themselves: an all-ASCII stream with no glossary hit is
  // its own English, and storing it again would double the row.
  const english = englishTokens(tokens, ruleset.glossary);
  if (english.length !== tokens.length || english.some((t, i) => t !== tokens[i])) d.fields.english_tokens = english;
  intendedUseDefaults(d);
  for (let i = 0; i < tokens.length; i++) {
    if (d.plain[i]) continue;
    const category = d.cues.assetCategory.get(tokens[i]);
    if (category) {
      d.fields.asset_category = category;
      break;
    }
  }
  if (tokens.length > 0 && tokens.every((t) => d.cues.stopwords.has(t))) d.warn('empty_signal');
  const residual: string[] = [];
  const inResidual = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!d.explained[i] && !inResidual.has(t)) (inResidual.add(t), residual.push(t));
  }
  return { fields: d.fields, warnings: d.warnings, residual, confidence: Math.round(d.confidence * 100) / 100 };
}

/** The inputs of one variant that normalization depends on: its tokens and the top-level/raw-case context. */
export interface VariantInput {
  tokens: string[];
  options: NormalizeOptions;
}

export function variantInput(relPath: string, files: readonly string[], siblingSplit?: SiblingSplit): VariantInput {
  const components = pathComponents(relPath);
  const options: NormalizeOptions = {
    topLevelTokens: components.length > 0 ? tokenizeComponent(components[0]) : [],
    rawComponents: components,
  };
  if (siblingSplit) options.siblingSplit = siblingSplit;
  return { tokens: variantTokensOf(relPath, components, files), options };
}

/** Normalizes one variant: its folder relPath and its member files' relPaths. */
export function normalize(relPath: string, files: readonly string[], ruleset: Ruleset, siblingSplit?: SiblingSplit): NormalizeResult {
  const input = variantInput(relPath, files, siblingSplit);
  return normalizeTokens(input.tokens, ruleset, input.options);
}
