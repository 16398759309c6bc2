// Franchises with their characters, loose characters, and franchise preferences.
import type { Character, Franchise } from '../ruleset';
import type { FranchiseFile } from '../schemas/franchise';
import type { FranchisePreferencesFile } from '../schemas/small-maps';
import type { SourceDoc } from '../source-doc';
import { sourceRef, titleCase, type Draft } from './draft';

/** The key of a manifest: `franchise`, else `id`/`key`, else the file name. */
export function franchiseKey(file: FranchiseFile, relPath: string): string {
  return file.franchise ?? file.id ?? file.key ?? relPath.split('/').pop()!.replace(/\.[^.]+$/, '');
}

export function characterKey(c: { canonical?: string | undefined; canonical_name?: string | undefined; name?: string | undefined; id?: string | undefined }): string | undefined {
  return c.canonical ?? c.canonical_name ?? c.name ?? c.id;
}

export function addFranchise(draft: Draft, file: FranchiseFile, relPath: string, doc: SourceDoc | undefined): void {
  const key = franchiseKey(file, relPath);
  const characters: Character[] = [];
  (file.characters ?? []).forEach((c, i) => {
    const ck = characterKey(c);
    if (!ck) return;
    const ch: Character = { key: ck, franchise: key, aliases: c.aliases ?? [], source: sourceRef(doc, ['characters', i]) };
    if (c.actor_likeness) ch.actorLikeness = c.actor_likeness;
    if (c.info_url) ch.infoUrl = c.info_url;
    characters.push(ch);
  });
  const f: Franchise = {
    key,
    displayName: file.display_name ?? titleCase(key),
    aliases: [...(file.aliases ?? []), ...(file.alias ?? [])],
    strongSignals: new Set(file.tokens?.strong_signals ?? []),
    weakSignals: new Set(file.tokens?.weak_signals ?? []),
    stopConflicts: new Set(file.tokens?.stop_conflicts ?? []),
    characters,
    deprecated: file.deprecated ?? false,
    source: sourceRef(doc, []),
  };
  if (file.provenance?.replaced_by) f.replacedBy = file.provenance.replaced_by;
  draft.franchises.set(key, f);
}

export function addLooseCharacters(draft: Draft, chars: Record<string, readonly string[]>, doc: SourceDoc | undefined): void {
  for (const [key, aliases] of Object.entries(chars)) {
    draft.looseCharacters.set(key, { key, franchise: null, aliases, source: sourceRef(doc, ['characters', key]) });
  }
}

export function addPreferences(draft: Draft, file: FranchisePreferencesFile): void {
  for (const [key, p] of Object.entries(file.franchises)) {
    const entry: { aliases: string[]; bucket?: typeof p.default_intended_use_bucket } = { aliases: p.aliases ?? [] };
    if (p.default_intended_use_bucket) entry.bucket = p.default_intended_use_bucket;
    draft.preferences.set(key, entry as { aliases: string[]; bucket?: NonNullable<typeof p.default_intended_use_bucket> });
  }
}
