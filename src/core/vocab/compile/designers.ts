// Designers and their aliases.
import type { Designer } from '../ruleset';
import type { DesignersFile } from '../schemas/designers';
import type { SourceDoc } from '../source-doc';
import { sourceRef, titleCase, type Draft } from './draft';

// The original never assigns this key: it is a distribution channel whose name appears in designers' folders.
const distributionChannels = new Set(['moxomor']);

export function addDesigners(draft: Draft, file: DesignersFile, doc: SourceDoc | undefined): void {
  for (const [key, entry] of Object.entries(file.designers)) {
    const e = Array.isArray(entry) ? { aliases: entry } : entry;
    const d: Designer = {
      key,
      displayName: e.name ?? titleCase(key),
      aliases: e.aliases,
      neverAssign: e.never_assign ?? distributionChannels.has(key),
      source: sourceRef(doc, ['designers', key]),
    };
    if (e.intended_use_bucket) d.intendedUse = e.intended_use_bucket;
    draft.designers.set(key, d);
  }
}
