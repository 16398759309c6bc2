// Everything the project can infer from bare paths (no scan, no database): each path becomes a variant (a file's
// variant is its folder, climbing out of supported/stl/lys… like grouping; an archive counts as a folder), the
// paths together give the sibling context, then normalization and the matchers run. Used by `normalize-paths`.
import { inferVariant } from '../match/variant-inference';
import { CLIMBED_FOLDER_NAMES } from '../scan/group-variants';
import type { Ruleset } from '../vocab/ruleset';
import { variantInput } from './normalize';
import { inferSiblingSplits } from './sibling-segmentation';
import { pathComponents } from './tokenize';
import type { WarningCode } from './types';

const ARCHIVE = /\.(zip|rar|7z|cbz|cbr)$/iu;
const FILE = /\.[A-Za-z0-9]{1,9}$/u;

/** The field set `normalize-paths` prints: every key always present, null when unknown. */
export interface PathFields {
  designer: string | null;
  franchise: string | null;
  character_name: string | null;
  game_system: string | null;
  codex_faction: string | null;
  codex_unit_name: string | null;
  support_state: string | null;
  segmentation: string | null;
  internal_volume: string | null;
  part_pack_type: string | null;
  scale_ratio_den: number | null;
  height_mm: number | null;
  content_flag: string | null;
  asset_category: string | null;
  intended_use_bucket: string | null;
  collection_id: string | null;
}

export interface PathInference {
  path: string;
  fields: PathFields;
  residual_tokens: string[];
  warnings: WarningCode[];
}

/** The variant folder a path stands for, and its member file (when the path names a file). */
export function variantOfPath(path: string): { relPath: string; files: string[] } {
  const parts = pathComponents(path);
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 0 || ARCHIVE.test(last) || !FILE.test(last)) return { relPath: parts.join('/'), files: [] };
  const folder = parts.slice(0, -1);
  while (folder.length > 1 && CLIMBED_FOLDER_NAMES.has(folder[folder.length - 1].toLowerCase())) folder.pop();
  return { relPath: folder.join('/'), files: [parts.join('/')] };
}

export function inferFromPaths(paths: readonly string[], ruleset: Ruleset): PathInference[] {
  const variants = paths.map(variantOfPath);
  const siblings = inferSiblingSplits(variants.map((v) => v.relPath));
  return paths.map((path, i) => {
    const v = variants[i];
    const { result, unit, collection } = inferVariant(v.relPath, v.files[0], variantInput(v.relPath, v.files, siblings.get(v.relPath)), ruleset);
    const f = result.fields;
    return {
      path,
      fields: {
        designer: f.designer,
        franchise: f.franchise,
        character_name: f.character_name,
        game_system: unit?.gameSystem ?? null,
        codex_faction: unit?.faction ?? null,
        codex_unit_name: unit?.unit.name ?? null,
        support_state: f.support_state,
        segmentation: f.segmentation,
        internal_volume: f.internal_volume,
        part_pack_type: f.part_pack_type,
        scale_ratio_den: f.scale_ratio_den,
        height_mm: f.height_mm,
        content_flag: f.content_flag,
        asset_category: f.asset_category,
        intended_use_bucket: f.intended_use_bucket,
        collection_id: collection?.collection.id ?? null,
      },
      residual_tokens: result.residual,
      warnings: result.warnings,
    };
  });
}
