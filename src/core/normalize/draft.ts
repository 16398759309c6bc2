// The mutable working state the passes share while normalizing one variant.
import type { NormalizeCues } from './cues';
import { plainFlags } from './plain-tokens';
import { emptyFields, type NormalizedFields, type WarningCode } from './types';

export interface NormalizeOptions {
  /** Tokens of the variant's top-level folder (intended-use cues count only there, SPEC §3.6.4). */
  topLevelTokens?: readonly string[];
  /** Raw-case path components, for camelCase / letter-digit expansions. */
  rawComponents?: readonly string[];
  /** An `uncut` twin of this folder exists (library context, sibling-segmentation.ts). */
  siblingSplit?: { crossScale: boolean };
  /** Opt-in general faction bucket (chaos/order/death/destruction) in tabletop context. */
  generalFaction?: boolean;
}

export class Draft {
  readonly fields: NormalizedFields = emptyFields();
  readonly warnings: WarningCode[] = [];
  /** Per token index: a rule consumed it or the vocab explains it. */
  readonly explained: boolean[];
  /** Character / franchise alias hits of the lookup stream (tokens, camelCase / glued splits, bigrams), in order. */
  expanded: string[] = [];
  /** `expanded[0 .. directCount)` came from the tokens and their bigrams; the rest from camelCase / glued splits. */
  directCount = 0;
  franchisePresent = false;
  lineageCandidates: { index: number; token: string; families: readonly string[] }[] = [];
  isTabletop = false;
  confidence = 0;
  segmentationVotes: { split: number; merged: number } = { split: 0, merged: 0 };
  supportVotes = { presupported: false, supported: false, unsupported: false };
  pcPositive = false;
  /** Per token: nothing in the vocabulary knows it (plain-tokens.ts), so no per-token rule can take it. */
  readonly plain: readonly boolean[];

  constructor(
    readonly tokens: readonly string[],
    readonly cues: NormalizeCues,
    readonly options: NormalizeOptions,
  ) {
    this.plain = plainFlags(tokens, cues);
    this.explained = new Array<boolean>(tokens.length).fill(false);
  }

  warn(code: WarningCode): void {
    if (!this.warnings.includes(code)) this.warnings.push(code);
  }

  explain(index: number): void {
    this.explained[index] = true;
  }

  addHint(list: string[], value: string): void {
    if (!list.includes(value)) list.push(value);
  }
}
