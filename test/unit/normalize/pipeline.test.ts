// The incremental pipeline on a real sql.js database filled by a real scan of a temp folder tree.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { normalizeLibrary } from '../../../src/core/normalize/pipeline';
import { treeEffective } from '../../../src/core/store/effective';
import { getNormalized } from '../../../src/core/store/normalized';
import { scanLibrary } from '../../../src/core/store/scan-library';
import { SqlStore } from '../../../src/core/store/sql-store';
import { aliasTokens } from '../../../src/core/vocab/alias-form';
import { emptyRuleset, withDigests, type Designer, type Ruleset } from '../../../src/core/vocab/ruleset';

/** A ruleset with only designers (alias lists as the vocab would write them). */
export function rulesetWithDesigners(designers: Record<string, string[]>): Ruleset {
  const base = emptyRuleset();
  const byKey = new Map<string, Designer>();
  const byAlias = new Map<string, string[]>();
  const phrases: { tokens: string[]; key: string }[] = [];
  for (const [key, aliases] of Object.entries(designers)) {
    byKey.set(key, { key, displayName: key, aliases, neverAssign: false, intendedUse: 'display_large' });
    for (const a of [key, ...aliases]) {
      byAlias.set(a, [...(byAlias.get(a) ?? []), key]);
      const toks = aliasTokens(a);
      if (toks.length > 1) phrases.push({ tokens: toks, key });
    }
  }
  phrases.sort((a, b) => b.tokens.length - a.tokens.length);
  const { digest: _d, domainDigests: _dd, ...rest } = base;
  return withDigests({ ...rest, designers: { byKey, byAlias, phrases } });
}

describe('normalize: incremental pipeline on a scanned library', function () {
  let root: string;
  let store: SqlStore;
  const files = [
    'Acme Forge/Knight/Supported/knight_32mm.stl',
    'Acme Forge/Knight Bust/bust.stl',
    'Other/Fantasy/Forest/Elves Archers 1-10 scale/archer_presupported.stl',
    'Other/Ratmen/rat.obj',
    'Misc/Split Dragon/dragon_cut_parts.stl',
  ];

  beforeEach(async function () {
    root = mkdtempSync(join(tmpdir(), 'stlmgr-norm-'));
    for (const f of files) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), 'x');
    }
    store = await SqlStore.open(null);
    await scanLibrary(store, root);
  });
  afterEach(async function () {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores values, skips unchanged variants, and re-runs only variants meeting a changed alias', async function () {
    const v1 = rulesetWithDesigners({ acme_forge: ['acme forge'] });
    const first = await normalizeLibrary(store.db, v1);
    assert.equal(first.variants, 5);
    assert.equal(first.normalized, 5);

    const again = await normalizeLibrary(store.db, v1);
    assert.deepEqual([again.normalized, again.skipped, again.carried], [0, 5, 0]);

    const v2 = rulesetWithDesigners({ acme_forge: ['acme forge'], dragonsmith: ['dragon'] });
    const edited = await normalizeLibrary(store.db, v2);
    assert.equal(edited.normalized, 1, 'only the dragon variant meets the new alias');
    assert.equal(edited.carried, 4);
    assert.ok(edited.changedTerms !== null && edited.changedTerms >= 1);

    const rows = (await store.listVariants(0, 10)).items;
    const byPath = new Map(rows.map((r) => [r.relPath, r.id]));
    const dragon = getNormalized(store.db, byPath.get('Misc/Split Dragon')!);
    assert.equal(dragon?.fields.designer, 'dragonsmith');
    assert.equal(dragon?.fields.segmentation, 'split');
    const knight = getNormalized(store.db, byPath.get('Acme Forge/Knight')!);
    assert.deepEqual(knight?.fields, {
      designer: 'acme_forge',
      support_state: 'supported',
      height_mm: 32,
      intended_use_bucket: 'display_large',
      token_locale: 'en',
    });
    const elves = getNormalized(store.db, byPath.get('Other/Fantasy/Forest/Elves Archers 1-10 scale')!);
    assert.equal(elves?.fields.scale_ratio_den, 10);
    assert.equal(elves?.fields.lineage_family, 'elf');
    assert.equal(elves?.fields.support_state, 'presupported');
    assert.equal(getNormalized(store.db, byPath.get('Other/Ratmen')!)?.fields.lineage_family, 'ratfolk');

    const forced = await normalizeLibrary(store.db, v2, { force: true });
    assert.equal(forced.normalized, 5);
  });

  it('never touches manual overrides, and the tree reads override ?? auto', async function () {
    const rules = rulesetWithDesigners({ acme_forge: ['acme forge'] });
    const id = (await store.listVariants(0, 10)).items.find((r) => r.relPath === 'Acme Forge/Knight')!.id;
    store.db.run(
      `INSERT INTO override (variant_id, field, manual_value, original_auto_value, applied_at, applied_by) VALUES (?, 'designer', ?, NULL, 'now', 'test')`,
      [id, JSON.stringify('someone_else')],
    );
    const before = JSON.stringify(store.db.exec('SELECT * FROM override'));
    await normalizeLibrary(store.db, rules, { force: true });
    assert.equal(JSON.stringify(store.db.exec('SELECT * FROM override')), before);
    assert.equal(getNormalized(store.db, id)?.fields.designer, 'acme_forge');
    const ann = treeEffective(store.db, [id]).get(id);
    assert.deepEqual(ann, { designer: 'someone_else', supportState: 'supported', warnings: [] });
  });

  it('re-runs a variant whose files changed, and stops between batches when cancelled', async function () {
    const rules = emptyRuleset();
    await normalizeLibrary(store.db, rules);
    writeFileSync(join(root, 'Acme Forge/Knight/Supported/knight_hollow.stl'), 'x');
    await scanLibrary(store, root);
    const s = await normalizeLibrary(store.db, rules);
    assert.deepEqual([s.normalized, s.skipped], [1, 4]);
    const ctl = new AbortController();
    ctl.abort();
    const c = await normalizeLibrary(store.db, rules, { force: true, signal: ctl.signal, batchSize: 1 });
    assert.equal(c.cancelled, true);
    assert.equal(c.normalized, 0);
  });
});
