// Normalizes a whole library database incrementally: a variant whose tokens and ruleset digest are unchanged is
// skipped; after a vocab edit only variants whose lookup stream meets a changed term re-run, the others keep their
// values and take the new digest. Overrides live in their own table and are never read or written here.
import { createHash } from 'node:crypto';
import type { Database } from 'sql.js';
import { throttle, type ProgressSink } from '../jobs/progress';
import { NormWriter, normIndex, readVocabDigest, readVocabTerms, variantsToNormalize, writeVocabTerms } from '../store/normalized';
import { inTransaction } from '../store/transaction';
import type { Ruleset } from '../vocab/ruleset';
import { cuesFor } from './cues';
import { inferVariant, storedFields } from '../match/variant-inference';
import { variantInput } from './normalize';
import { inferSiblingSplits, type SiblingSplit } from './sibling-segmentation';
import { changedTerms, meetsChangedTerms, vocabTerms } from './vocab-terms';

export interface NormalizeProgress {
  done: number;
  total: number;
  normalized: number;
}

export interface NormalizeSummary {
  variants: number;
  /** Variants whose passes ran (new, changed tokens, or meeting a changed vocab term; all with `force`). */
  normalized: number;
  /** Tokens and digest unchanged. */
  skipped: number;
  /** Tokens unchanged, digest changed, no changed term met: digest updated, values kept. */
  carried: number;
  /** Terms the vocabulary changed since the last run (null when there was no comparable previous run). */
  changedTerms: number | null;
  rulesetDigest: string;
  cancelled: boolean;
  seconds: number;
}

export interface NormalizeLibraryOptions {
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressSink<NormalizeProgress>;
  /** Variants per transaction; the loop yields to the event loop between batches (cancel, other calls). */
  batchSize?: number;
}

/** Bump when tokenizing or the passes change in a way that must re-run stored variants. */
export const NORMALIZER_VERSION = 1;

/** Key of everything a variant's result depends on besides the ruleset: computed from the raw inputs, so an
 * unchanged variant is skipped without tokenizing it. */
export function inputKey(relPath: string, files: readonly string[], sibling: SiblingSplit | undefined): string {
  const h = createHash('sha1');
  h.update(`${NORMALIZER_VERSION}\u0000${sibling ? (sibling.crossScale ? 'x' : 's') : '-'}\u0000${relPath}`);
  for (const f of files) h.update(`\u0000${f}`);
  return h.digest('base64url').slice(0, 22);
}

const nextTick = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function normalizeLibrary(db: Database, ruleset: Ruleset, options: NormalizeLibraryOptions = {}): Promise<NormalizeSummary> {
  const t0 = performance.now();
  const cues = cuesFor(ruleset);
  const digest = ruleset.digest;
  // the terms (and the changed ones) are only worked out when the vocabulary is not the one of the last run
  const previousDigest = readVocabDigest(db);
  const terms = previousDigest === digest ? null : vocabTerms(cues);
  const previous = terms ? readVocabTerms(db) : null;
  const changed = terms && previous ? changedTerms(previous.terms, terms) : null;
  const variants = variantsToNormalize(db);
  const siblings = inferSiblingSplits(variants.map((v) => v.relPath));
  const index = normIndex(db);
  const progress = throttle(options.onProgress);
  const batch = options.batchSize ?? 2000;
  const writer = new NormWriter(db);
  const s: NormalizeSummary = {
    variants: variants.length,
    normalized: 0,
    skipped: 0,
    carried: 0,
    changedTerms: changed ? changed.size : null,
    rulesetDigest: digest,
    cancelled: false,
    seconds: 0,
  };
  try {
    for (let start = 0; start < variants.length; start += batch) {
      if (options.signal?.aborted) {
        s.cancelled = true;
        break;
      }
      inTransaction(db, () => {
        for (const v of variants.slice(start, start + batch)) {
          const sibling = siblings.get(v.relPath);
          const files = [...v.files].sort();
          const key = inputKey(v.relPath, files, sibling);
          const prev = index.get(v.id);
          if (!options.force && prev && prev.tokensKey === key && prev.digest === digest) {
            s.skipped++;
            continue;
          }
          const input = variantInput(v.relPath, files, sibling);
          if (!options.force && prev && prev.tokensKey === key && changed && previous && prev.digest === previous.digest) {
            if (!meetsChangedTerms(input, changed, cues)) {
              writer.carry(v.id, digest);
              s.carried++;
              continue;
            }
          }
          const inferred = inferVariant(v.relPath, files[0], input, ruleset);
          const result = inferred.result;
          writer.write({
            variantId: v.id,
            tokensKey: key,
            digest,
            fields: storedFields(inferred),
            warnings: result.warnings,
            residual: result.residual,
            confidence: result.confidence,
          });
          s.normalized++;
        }
      });
      progress.report({ done: Math.min(start + batch, variants.length), total: variants.length, normalized: s.normalized });
      await nextTick();
    }
    if (!s.cancelled && terms) writeVocabTerms(db, digest, terms);
  } finally {
    writer.free();
    progress.flush();
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}
