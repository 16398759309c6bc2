// Everything the linter can say about one file alone: what parsing and validation found, plus the in-file rules.
import type { Finding } from '../finding';
import type { VocabFile } from '../vocab-file';
import { lintAliasesInFile } from './alias-rules';
import { lintReferencesInFile } from './reference-rules';
import { lintPatterns } from './regex-rules';

export function lintFile(file: VocabFile): Finding[] {
  return [...file.findings, ...lintAliasesInFile(file), ...lintPatterns(file), ...lintReferencesInFile(file)];
}
