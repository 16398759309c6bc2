// Every vocab file kind, the schema that validates it, and how a file is recognised as that kind.
import type { z } from 'zod';
import { codexFile } from './codex';
import { codexUnitsFile } from './codex-units';
import { collectionsFile } from './collections';
import { designersFile } from './designers';
import { franchiseFile } from './franchise';
import { glossaryFile } from './glossary';
import { lineagesFile } from './lineages';
import { partsFile } from './parts';
import { franchisePreferencesFile, mmfUsernamesFile } from './small-maps';
import { tokenmapFile } from './tokenmap';

export type VocabKind =
  | 'designers'
  | 'franchise'
  | 'codex'
  | 'codex-units'
  | 'parts'
  | 'collections'
  | 'lineages'
  | 'glossary'
  | 'tokenmap'
  | 'franchise-preferences'
  | 'mmf-usernames'
  | 'characters' // characters_tokenmap.md
  | 'word-list'; // oc_whitelist.txt, ignored_tokens.txt

/** Kinds with a JSON Schema for editors (the Markdown and text kinds have none). */
export const schemaByKind = {
  designers: designersFile,
  franchise: franchiseFile,
  codex: codexFile,
  'codex-units': codexUnitsFile,
  parts: partsFile,
  collections: collectionsFile,
  lineages: lineagesFile,
  glossary: glossaryFile,
  tokenmap: tokenmapFile,
  'franchise-preferences': franchisePreferencesFile,
  'mmf-usernames': mmfUsernamesFile,
} satisfies Partial<Record<VocabKind, z.ZodType>>;

export type SchemaKind = keyof typeof schemaByKind;

/** Globs (relative to a vocab folder) contributed through `yamlValidation`, per kind. */
export const globsByKind: Record<SchemaKind, string[]> = {
  designers: ['designers.yaml', 'designers_tokenmap.json'],
  franchise: ['franchises/*.yaml', 'franchises/*.json'],
  codex: ['codex/*.yaml'],
  'codex-units': ['codex_units_*.yaml'],
  parts: ['wargear_*.yaml', 'bodies_*.yaml', 'parts/*.yaml'],
  collections: ['collections/*.yaml'],
  lineages: ['lineages.yaml'],
  glossary: ['i18n/*.yaml'],
  tokenmap: ['tokenmap.yaml'],
  'franchise-preferences': ['franchise_preferences.json'],
  'mmf-usernames': ['mmf_usernames.json'],
};
