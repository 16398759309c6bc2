// The full-text index and the facet table follow every kind of change: scan, rescan, normalization, override,
// revert, root removal. Queries go through the real FTS4 of the sql.js build.
import assert from 'node:assert/strict';
import { normalizeLibrary } from '../../../src/core/normalize/pipeline';
import { csvCell, formatExport } from '../../../src/core/store/export';
import { ftsQuery } from '../../../src/core/store/search';
import { FILES, openFixture, rulesetWithDesigners, type Fixture } from '../overrides/library-fixture';
import { file } from '../store/scan-results';

describe('search index and facets over effective values', function () {
  let fx: Fixture;
  const find = async (q: string) => (await fx.store.searchVariants(q, 50)).hits.map((h) => h.relPath).sort();
  beforeEach(async function () {
    fx = await openFixture();
  });
  afterEach(function () {
    fx.store.discard();
  });

  it('turns typed text into prefix terms', function () {
    assert.equal(ftsQuery('Elf ran'), 'elf* ran*');
    assert.equal(ftsQuery('  "Dragón" OR (x)  '), 'dragon* or* x*');
    assert.equal(ftsQuery(' -_ '), null);
  });

  it('finds variants by path words and by effective fields, as you type', async function () {
    assert.deepEqual(await find('dra'), ['Dragonsmith/Split Dragon']);
    assert.deepEqual(await find('acme kni'), ['Acme Forge/Knight']);
    assert.deepEqual(await find('presupp'), ['Acme Forge/Archer'], 'an automatic field value');
    assert.deepEqual(await find('elf'), ['Misc/Elves Ranger 1-10'], 'the lineage value, not a path word');
    assert.deepEqual(await find('zzz'), []);
    assert.deepEqual(await find('en'), [], 'bookkeeping values (token_locale en) are not indexed');
    const r = await fx.store.searchVariants('acme', 1);
    assert.equal(r.hits.length, 1);
    assert.equal(r.more, true);
  });

  it('follows overrides and their reverts', async function () {
    const knight = fx.id('Acme Forge/Knight');
    const set = await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'ranger_works' }, { field: 'tags', value: ['painted'] }], source: 'user' });
    assert.deepEqual(await find('ranger'), ['Acme Forge/Knight', 'Misc/Elves Ranger 1-10']);
    assert.deepEqual(await find('painted'), ['Acme Forge/Knight']);
    let counts = await fx.store.facetCounts({});
    assert.deepEqual(counts.facets.designer.find((c) => c.value === 'ranger_works'), { value: 'ranger_works', count: 1 });
    assert.deepEqual(counts.facets.designer.find((c) => c.value === 'acme_forge'), { value: 'acme_forge', count: 1 });
    await fx.store.revertAudit({ batchId: set.batchId });
    assert.deepEqual(await find('painted'), []);
    assert.deepEqual(await find('ranger'), ['Misc/Elves Ranger 1-10']);
    counts = await fx.store.facetCounts({});
    assert.equal(counts.facets.designer.find((c) => c.value === 'acme_forge')?.count, 2);
  });

  it('follows scans (new, missing, removed root) and normalization with a changed vocabulary', async function () {
    await fx.scan([...FILES, file('Newcomer/Wyvern/wyvern.stl')]);
    assert.deepEqual(await find('wyv'), ['Newcomer/Wyvern']);
    assert.equal((await fx.store.facetCounts({})).total, 6);
    await normalizeLibrary(fx.store.db, rulesetWithDesigners({ acme_forge: ['acme forge'], dragonsmith: ['dragonsmith'], newcomer_studio: ['newcomer'] }));
    assert.equal((await fx.store.facetCounts({ values: { designer: ['newcomer_studio'] } })).total, 1);
    await fx.scan(FILES);
    const wyvern = (await fx.store.searchVariants('wyvern', 5)).hits;
    assert.equal(wyvern[0]?.missing, true, 'a missing variant stays findable, flagged');
    assert.equal((await fx.store.facetCounts({})).total, 5, 'facets leave missing variants out by default');
    assert.equal((await fx.store.facetCounts({ includeMissing: true })).total, 6);
    await fx.store.removeRoot(fx.rootId);
    assert.deepEqual(await find('dra'), []);
    assert.equal((await fx.store.facetCounts({ includeMissing: true })).total, 0);
  });

  it('counts facets with drill-down, the "no value" bucket and NSFW hidden or shown', async function () {
    const all = await fx.store.facetCounts({});
    assert.equal(all.total, 5);
    assert.equal(all.nsfw, 1);
    assert.deepEqual(all.facets.designer, [
      { value: 'acme_forge', count: 2 },
      { value: '', count: 2 },
      { value: 'dragonsmith', count: 1 },
    ]);
    assert.deepEqual(all.facets.scale, [{ value: '', count: 4 }, { value: '32mm', count: 1 }]);
    const acme = await fx.store.facetCounts({ values: { designer: ['acme_forge'] } });
    assert.equal(acme.total, 2);
    assert.deepEqual(acme.facets.support_state.map((c) => [c.value, c.count]).sort(), [['presupported', 1], ['supported', 1]]);
    assert.equal(acme.facets.designer.length, 3, "a facet's own selection does not narrow its counts");
    assert.equal((await fx.store.facetCounts({ nsfw: 'hide' })).total, 4);
    assert.equal((await fx.store.facetCounts({ nsfw: 'only' })).total, 1);
    assert.equal((await fx.store.facetCounts({ values: { designer: [''] } })).total, 2);
    assert.equal((await fx.store.facetCounts({ values: { designer: [''] }, text: 'nymph' })).total, 1);
    const page = await fx.store.filterVariants({ values: { designer: ['acme_forge'] } }, 0, 1);
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((v) => v.relPath), ['Acme Forge/Archer']);
  });

  it('the in-memory facet counts agree with SQL over the facet table after a series of changes', async function () {
    const sqlCounts = (facet: string, where = 'missing = 0') =>
      Object.fromEntries((fx.store.db.exec(`SELECT coalesce(${facet}, ''), count(*) FROM variant_facet WHERE ${where} GROUP BY 1`)[0]?.values ?? []).map((r) => [r[0], r[1]]));
    const ours = async (facet: 'designer' | 'support_state', filter = {}) =>
      Object.fromEntries((await fx.store.facetCounts(filter)).facets[facet].map((c) => [c.value, c.count]));
    assert.deepEqual(await ours('designer'), sqlCounts('designer'));
    const ids = ['Acme Forge/Knight', 'Misc/Nymph nsfw'].map(fx.id);
    await fx.store.applyOverrides({ variantIds: ids, changes: [{ field: 'designer', value: 'ranger_works' }, { field: 'support_state', value: 'unsupported' }], source: 'bulk' });
    await fx.scan([...FILES, file('Extra/One/one.stl'), file('Extra/Two/two.stl')]);
    assert.deepEqual(await ours('designer'), sqlCounts('designer'));
    assert.deepEqual(await ours('support_state', { nsfw: 'hide' }), sqlCounts('support_state', 'missing = 0 AND nsfw = 0'));
    await fx.scan(FILES.slice(0, 3));
    assert.deepEqual(await ours('designer'), sqlCounts('designer'));
    assert.deepEqual(await ours('designer', { includeMissing: true }), sqlCounts('designer', '1'));
  });

  it('exports effective values as JSON and CSV', async function () {
    const archer = fx.id('Acme Forge/Archer');
    await fx.store.applyOverrides({ variantIds: [archer], changes: [{ field: 'designer', value: 'dragonsmith' }, { field: 'notes', value: '=SUM(1), "quoted"' }], source: 'user' });
    const rows = await fx.store.exportRows();
    assert.equal(rows.length, 5);
    const row = rows.find((r) => r.id === archer)!;
    assert.deepEqual([row.rel_path, row.fields.designer, row.fields.support_state], ['Acme Forge/Archer', 'dragonsmith', 'presupported']);
    const csv = formatExport(rows, 'csv').split('\r\n');
    assert.match(csv[0]!, /^id,root,rel_path,missing,file_count,size_bytes,designer,game_system,/);
    assert.equal(csv.length, 7);
    assert.ok(csv[1]!.includes(`,dragonsmith,`) && csv[1]!.includes(`"'=SUM(1), ""quoted"""`), csv[1]);
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.deepEqual(JSON.parse(formatExport(rows, 'json'))[0].fields.designer, 'dragonsmith');
  });
});
