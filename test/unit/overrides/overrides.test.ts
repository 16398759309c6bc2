// Overrides on a real sql.js database filled by a scan and a normalization: precedence, validation, the audit
// trail, single and batch reverts, and overrides surviving rescans and forced re-normalization.
import assert from 'node:assert/strict';
import { normalizeLibrary } from '../../../src/core/normalize/pipeline';
import { vocabChoices, OverrideValidationError, validateValue } from '../../../src/core/store/overrides';
import { UnknownVariantError } from '../../../src/core/store/overrides';
import { NothingToRevertError } from '../../../src/core/store/audit';
import type { VariantDetail } from '../../../src/core/store/variant-detail';
import { FILES, openFixture, ruleset, type Fixture } from './library-fixture';
import { file } from '../store/scan-results';

const field = (d: VariantDetail | null, name: string) => {
  const f = d?.fields.find((x) => x.field === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const auditCount = (fx: Fixture) => Number(fx.store.db.exec('SELECT count(*) FROM audit_log')[0]!.values[0]![0]);

describe('overrides: precedence, validation, audit, revert', function () {
  let fx: Fixture;
  beforeEach(async function () {
    fx = await openFixture();
  });
  afterEach(function () {
    fx.store.discard();
  });

  it('the effective value is the override when set, the automatic value otherwise', async function () {
    const knight = fx.id('Acme Forge/Knight');
    assert.deepEqual(field(await fx.store.getVariantDetail(knight), 'designer'), { field: 'designer', auto: 'acme_forge', overridden: false, override: null, effective: 'acme_forge' });

    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }], source: 'user' });
    assert.deepEqual(field(await fx.store.getVariantDetail(knight), 'designer'), { field: 'designer', auto: 'acme_forge', overridden: true, override: 'dragonsmith', effective: 'dragonsmith' });

    // an override to "no value" is an override too: it hides the automatic value
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: null }], source: 'user' });
    assert.equal(field(await fx.store.getVariantDetail(knight), 'designer').effective, null);
    assert.equal(field(await fx.store.getVariantDetail(knight), 'designer').overridden, true);

    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', clear: true }], source: 'user' });
    assert.deepEqual(field(await fx.store.getVariantDetail(knight), 'designer').effective, 'acme_forge');

    // tree rows show effective values
    const rows = (await fx.store.listChildren(fx.rootId, 'Acme Forge', 0, 10)).items;
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'ranger_works' }], source: 'user' });
    const after = (await fx.store.listChildren(fx.rootId, 'Acme Forge', 0, 10)).items;
    const d = (items: typeof rows, name: string) => items.find((n) => n.name === name && n.type === 'variant');
    assert.equal(d(rows, 'Knight')?.type === 'variant' && d(rows, 'Knight')!.type === 'variant' ? (d(rows, 'Knight') as { designer?: string | null }).designer : undefined, 'acme_forge');
    assert.equal((d(after, 'Knight') as { designer?: string | null }).designer, 'ranger_works');
    assert.equal((d(after, 'Archer') as { supportState?: string | null }).supportState, 'presupported');
  });

  it('enum words read as labels in the panel and the picker; the stored value stays the word', async function () {
    const knight = fx.id('Acme Forge/Knight');
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'intended_use_bucket', value: 'display_large' }], source: 'user' });
    const use = field(await fx.store.getVariantDetail(knight), 'intended_use_bucket');
    assert.deepEqual([use.effective, use.effectiveLabel], ['display_large', 'Display (large scale)']);
    const [entry] = (await fx.store.listAudit(knight, 0, 1)).items;
    assert.deepEqual([entry?.field, entry?.newValue, entry?.newLabel, entry?.oldLabel], ['intended_use_bucket', 'display_large', 'Display (large scale)', null], 'the history reads as labels too');
    const support = field(await fx.store.getVariantDetail(knight), 'support_state');
    assert.equal(support.autoLabel, typeof support.auto === 'string' ? support.auto.charAt(0).toUpperCase() + support.auto.slice(1) : null);
    const choices = await fx.store.fieldChoices('intended_use_bucket', 'table', 10);
    assert.deepEqual(choices, [{ value: 'tabletop_intent', label: 'Tabletop' }], 'the picker matches labels too');
    assert.deepEqual((await fx.store.fieldChoices('content_flag', '', 10)).map((c) => c.label), ['NSFW']);
  });

  it('validates values against the field type and the vocabulary, writing nothing when one change fails', async function () {
    await fx.store.setVocabulary(vocabChoices(ruleset));
    const knight = fx.id('Acme Forge/Knight');
    const before = auditCount(fx);
    await assert.rejects(
      fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'support_state', value: 'unsupported' }, { field: 'designer', value: 'nobody_known' }], source: 'user' }),
      (e: Error) => e.name === 'OverrideValidationError' && /nobody_known/.test(e.message),
    );
    assert.equal(auditCount(fx), before);
    assert.equal(field(await fx.store.getVariantDetail(knight), 'support_state').effective, 'supported');
    await assert.rejects(fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'segmentation', value: 'sliced' }], source: 'user' }), /one of split, merged/);
    await assert.rejects(fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'no_such_field', value: 'x' }], source: 'user' }), /can be overridden/);
    await assert.rejects(fx.store.applyOverrides({ variantIds: [999999], changes: [{ field: 'notes', value: 'x' }], source: 'user' }), (e: Error) => e instanceof UnknownVariantError);

    assert.equal(validateValue('scale_ratio_den', '10', null), 10);
    assert.throws(() => validateValue('scale_ratio_den', 2.5, null), OverrideValidationError);
    assert.throws(() => validateValue('has_bust_variant', 'yes', null), OverrideValidationError);
    assert.deepEqual(validateValue('tags', [' painted ', 'painted', '', 'queue'], null), ['painted', 'queue']);
    assert.equal(validateValue('notes', '   ', null), null);
    assert.throws(() => validateValue('character_name', 'two\nlines', null), OverrideValidationError);

    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'ranger_works' }], source: 'user' });
    const [entry] = (await fx.store.listAudit(knight, 0, 1)).items;
    assert.deepEqual([entry?.newValue, entry?.newLabel], ['ranger_works', 'ranger works'], 'the history names the designer as the vocabulary does');
    // without a vocabulary, any key passes the type check
    assert.equal(validateValue('designer', ' somebody ', null), 'somebody');
  });

  it('records every change in the audit log with old and new value, source, batch and time; no-op changes are not recorded', async function () {
    const knight = fx.id('Acme Forge/Knight');
    const r1 = await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }, { field: 'tags', value: ['painted'] }], source: 'user' });
    assert.equal(r1.entries, 2);
    const again = await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }], source: 'user' });
    assert.equal(again.entries, 0);
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', clear: true }], source: 'user' });
    const log = await fx.store.listAudit(knight, 0, 50);
    assert.equal(log.total, 3);
    const [clear, tags, designer] = log.items;
    assert.deepEqual(
      [designer!.field, designer!.oldOverridden, designer!.newOverridden, designer!.newValue, designer!.source, designer!.batchId, designer!.batchSize],
      ['designer', false, true, 'dragonsmith', 'user', r1.batchId, 2],
    );
    assert.deepEqual([tags!.field, tags!.newValue], ['tags', ['painted']]);
    assert.deepEqual([clear!.oldValue, clear!.oldOverridden, clear!.newOverridden], ['dragonsmith', true, false]);
    assert.ok(!Number.isNaN(Date.parse(clear!.ts)));
    const stored = fx.store.db.exec("SELECT original_auto_value, applied_by FROM override WHERE field = 'tags'")[0]!.values[0]!;
    assert.deepEqual(stored, [null, 'user']);
  });

  it('reverts a single entry by writing its inverse; the log only grows', async function () {
    const knight = fx.id('Acme Forge/Knight');
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }], source: 'user' });
    const second = await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'support_state', value: 'unsupported' }], source: 'user' });
    const entry = (await fx.store.listAudit(knight, 0, 10)).items.find((e) => e.batchId === second.batchId)!;
    const before = auditCount(fx);
    const r = await fx.store.revertAudit({ entryId: entry.id });
    assert.equal(r.entries, 1);
    const d = await fx.store.getVariantDetail(knight);
    assert.equal(field(d, 'support_state').overridden, false);
    assert.equal(field(d, 'support_state').effective, 'supported');
    assert.equal(field(d, 'designer').effective, 'dragonsmith', 'the other change stays');
    assert.equal(auditCount(fx), before + 1);
    const top = (await fx.store.listAudit(knight, 0, 1)).items[0]!;
    assert.deepEqual([top.source, top.reverts, top.field, top.newOverridden], ['revert', entry.id, 'support_state', false]);
    // reverting the revert restores the change
    await fx.store.revertAudit({ entryId: top.id });
    assert.equal(field(await fx.store.getVariantDetail(knight), 'support_state').effective, 'unsupported');
    await assert.rejects(fx.store.revertAudit({ entryId: 424242 }), (e: Error) => e instanceof NothingToRevertError);
  });

  it('reverts a whole bulk batch to what each variant had before, including earlier overrides', async function () {
    const ids = ['Acme Forge/Knight', 'Acme Forge/Archer', 'Dragonsmith/Split Dragon', 'Misc/Elves Ranger 1-10'].map(fx.id);
    await fx.store.applyOverrides({ variantIds: [ids[1]!], changes: [{ field: 'designer', value: 'ranger_works' }], source: 'user' });
    const bulk = await fx.store.applyOverrides({ variantIds: ids, changes: [{ field: 'designer', value: 'dragonsmith' }, { field: 'tags', value: ['batch'] }], source: 'bulk' });
    // Split Dragon already had designer dragonsmith automatically, but gains an override: 4 designer + 4 tags
    assert.equal(bulk.entries, 8);
    for (const id of ids) assert.equal(field(await fx.store.getVariantDetail(id), 'designer').effective, 'dragonsmith');
    const r = await fx.store.revertAudit({ batchId: bulk.batchId });
    assert.equal(r.entries, 8);
    assert.equal(r.variants, 4);
    const eff = async (id: number, f: string) => field(await fx.store.getVariantDetail(id), f);
    assert.equal((await eff(ids[0]!, 'designer')).effective, 'acme_forge');
    assert.equal((await eff(ids[1]!, 'designer')).effective, 'ranger_works', 'the earlier user override comes back');
    assert.equal((await eff(ids[2]!, 'designer')).overridden, false);
    assert.equal((await eff(ids[3]!, 'designer')).effective, null);
    assert.equal((await eff(ids[3]!, 'tags')).overridden, false);
    const reverts = Number(fx.store.db.exec("SELECT count(*) FROM audit_log WHERE source = 'revert' AND batch_id = ?", [r.batchId])[0]!.values[0]![0]);
    assert.equal(reverts, 8);
    assert.equal(auditCount(fx), 1 + 8 + 8);
  });

  it('keeps overrides through a rescan (unchanged and changed files) and a forced re-normalization', async function () {
    const knight = fx.id('Acme Forge/Knight');
    await fx.store.applyOverrides({ variantIds: [knight], changes: [{ field: 'designer', value: 'dragonsmith' }, { field: 'notes', value: 'print at 0.03' }], source: 'user' });
    await fx.scan();
    await fx.scan([...FILES, file('Acme Forge/Knight/supported/knight_shield.stl', 44)]);
    const forced = await normalizeLibrary(fx.store.db, ruleset, { force: true });
    assert.equal(forced.normalized, 5);
    const d = await fx.store.getVariantDetail(knight);
    assert.equal(d?.id, knight, 'same variant row');
    assert.deepEqual([field(d, 'designer').auto, field(d, 'designer').effective], ['acme_forge', 'dragonsmith']);
    assert.equal(field(d, 'notes').effective, 'print at 0.03');
    assert.equal(d?.fileCount, 2);
    // the variant going missing keeps its override too
    await fx.scan(FILES.filter((f) => !f.relPath.startsWith('Acme Forge/Knight')));
    const gone = await fx.store.getVariantDetail(knight);
    assert.equal(gone?.missing, true);
    assert.equal(field(gone, 'designer').effective, 'dragonsmith');
  });
});
