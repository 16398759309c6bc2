// Runs normalization where the database lives (the store worker): loads the ruleset from the given vocab folders
// and normalizes; marks the store dirty so the worker's debounced save writes the rows.
import { normalizeLibrary, type NormalizeProgress, type NormalizeSummary } from '../normalize/pipeline';
import { VocabSession } from '../vocab/vocab-session';
import { vocabChoices } from './overrides';
import type { SqlStore } from './sql-store';
import type { WorkerNormalizeOptions } from './worker-protocol';

export async function normalizeInWorker(
  store: SqlStore,
  options: WorkerNormalizeOptions,
  signal: AbortSignal,
  onProgress: (p: NormalizeProgress) => void,
): Promise<NormalizeSummary> {
  const session = new VocabSession(options.vocabDirs);
  session.loadAll();
  await store.setVocabulary(vocabChoices(session.ruleset)); // override values are checked against this vocabulary
  const summary = await normalizeLibrary(store.db, session.ruleset, { force: options.force, signal, onProgress });
  if (summary.normalized > 0 || summary.carried > 0) store.markDirty();
  return summary;
}
