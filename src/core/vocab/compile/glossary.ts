// Multilingual glossaries: phrase (NFKC, lower case) → English.
import type { GlossaryFile } from '../schemas/glossary';
import type { Draft } from './draft';
import { aliasForm } from '../alias-form';

export function addGlossary(draft: Draft, file: GlossaryFile): void {
  const put = (locale: string, k: string, v: unknown) => {
    if (typeof v !== 'string' && typeof v !== 'number') return;
    let m = draft.glossary.get(locale);
    if (!m) draft.glossary.set(locale, (m = new Map()));
    m.set(aliasForm(k), String(v).toLowerCase());
  };
  for (const [lang, entry] of Object.entries(file.languages ?? {})) {
    // Flat keys directly under `languages` are generic entries (the original's generic.yaml relies on this).
    if (typeof entry === 'string' || typeof entry === 'number') put('', lang, entry);
    else for (const [k, v] of Object.entries(entry.mappings ?? {})) put(lang, k, v);
  }
  for (const [k, v] of Object.entries(file)) if (k !== 'languages') put('', k, v);
}
