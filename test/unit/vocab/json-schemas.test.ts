// The JSON Schemas contributed to editors are generated from the zod schemas, one per kind.
import assert from 'node:assert/strict';
import { jsonSchemas } from '../../../scripts/gen-schemas';
import { schemaByKind } from '../../../src/core/vocab/schemas/kinds';

describe('vocab: generated JSON Schemas', () => {
  it('has one draft-7 schema per kind, with the documented fields', () => {
    const all = jsonSchemas() as Record<string, { $schema: string; properties: Record<string, { description?: string }>; required?: string[] }>;
    assert.deepEqual(Object.keys(all).sort(), Object.keys(schemaByKind).sort());
    for (const s of Object.values(all)) assert.match(s.$schema, /draft-07/);
    assert.ok(all.designers!.properties.designers);
    assert.deepEqual(all.codex!.required?.sort(), ['factions', 'name', 'system']);
    assert.match(all.collections!.properties.designer_key ? 'ok' : '', /ok/);
    assert.ok(all.codex!.properties.factions!.description);
  });
});
