// Plain tokens: those nothing in the vocabulary knows — in no word list or alias table the passes ask per token, and
// matched by no token pattern. Most tokens of a library are plain (model and part names); found with one cached
// lookup, they let the passes skip the ~25 table lookups and 4 pattern runs that would all miss.
import { BoundedCache } from './bounded-cache';
import type { NormalizeCues } from './cues';

interface PlainIndex {
  /** Null when a token pattern keeps state between runs (`g` / `y` flag): results would depend on call order, so
   * nothing is taken as plain and every pass runs as written. */
  known: ReadonlySet<string> | null;
  patterns: readonly RegExp[];
  plain: BoundedCache<string, boolean>;
}

const indexes = new WeakMap<NormalizeCues, PlainIndex>();

function indexOf(c: NormalizeCues): PlainIndex {
  let index = indexes.get(c);
  if (!index) {
    const patterns = [c.scaleRatio, c.scaleMm, c.versionPattern, c.posePattern];
    const stateful = patterns.some((p) => p.global || p.sticky);
    const known = new Set<string>();
    const keys: Iterable<string>[] = [
      c.stopwords, c.designerByToken.keys(), c.designerPhrasesByFirst.keys(), c.designerTokens, c.aliasKeys, c.aliasPairs.keys(),
      c.franchisePhrasesByFirst.keys(), c.franchisePhrasesBySecond.keys(), c.lineageFamilyByToken.keys(), c.factionHints,
      c.generalFaction.keys(), c.segmentation.keys(), c.internalVolume.keys(), c.supportState.keys(), c.partPack.keys(),
      c.pcPositive, c.pcNegative, c.monsterTerms, c.nsfwStrong, c.nsfwWeak, c.tabletopHints, c.assetCategory.keys(),
    ];
    for (const list of keys) for (const k of list) known.add(k);
    index = { known: stateful ? null : known, patterns, plain: new BoundedCache() };
    indexes.set(c, index);
  }
  return index;
}

/** Per token of the stream: true when it is plain (see above). */
export function plainFlags(tokens: readonly string[], cues: NormalizeCues): boolean[] {
  const { known, patterns, plain } = indexOf(cues);
  const out = new Array<boolean>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (known === null) {
      out[i] = false;
      continue;
    }
    const p = plain.get(t);
    out[i] = p !== undefined ? p : plain.set(t, !known.has(t) && !patterns.some((re) => re.test(t)));
  }
  return out;
}
