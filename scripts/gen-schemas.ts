// Writes one JSON Schema per vocab file kind into dist/schemas/, generated from the zod schemas, for the
// `yamlValidation` / `jsonValidation` contributions (completion and hover where a YAML extension is installed).
// Run by `npm run build` (postbuild) and before packaging.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { schemaByKind } from '../src/core/vocab/schemas/kinds';

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [kind, schema] of Object.entries(schemaByKind)) {
    out[kind] = {
      ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
      title: `STL Manager vocabulary: ${kind}`,
    };
  }
  return out;
}

if (require.main === module) {
  const dir = resolve(__dirname, '..', 'dist', 'schemas');
  mkdirSync(dir, { recursive: true });
  for (const [kind, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(join(dir, `${kind}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  }
  console.log(`wrote ${Object.keys(schemaByKind).length} JSON schemas to ${dir}`);
}
