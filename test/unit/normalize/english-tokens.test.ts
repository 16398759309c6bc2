// english_tokens (SPEC §2.5): glossary phrases longest first, single-token fallbacks, and the original's output on
// the real inventory (golden/backfill_english_tokens.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { englishTokens, refineLocale } from '../../../src/core/normalize/english-tokens';
import { normalizeTokens, variantInput } from '../../../src/core/normalize/normalize';
import { emptyRuleset, type Glossary } from '../../../src/core/vocab/ruleset';
import { VocabSession } from '../../../src/core/vocab/vocab-session';
import { referenceDir, requireReference, specDir } from '../../support/reference';
import { goldenVariants, inventoryPath } from './golden-inventory';

function glossary(byLocale: Record<string, Record<string, string>>): Glossary {
  const locales = new Map(Object.entries(byLocale).map(([loc, m]) => [loc, new Map(Object.entries(m))]));
  const merged = new Map<string, string>();
  for (const m of locales.values()) for (const [k, v] of m) merged.set(k, v);
  return { merged, byLocale: locales };
}

const G = glossary({
  es: { pierna: 'leg', 'pierna izquierda': 'left leg', 'cabeza de dragon': 'dragon head' },
  zh: { 分件: 'split parts', 右腿: 'right leg' },
  ja: { 頭: 'head' },
  fr: { bouclier_rond: 'round shield' },
});

describe('normalize: english_tokens', () => {
  it('translates the longest glossary phrase first, as "a b" or "a_b"', () => {
    assert.deepEqual(englishTokens(['cabeza', 'de', 'dragon', 'pierna', 'izquierda', 'pierna'], G), ['dragon head', 'left leg', 'leg']);
    assert.deepEqual(englishTokens(['bouclier', 'rond'], G), ['round shield']);
  });

  it('reads glued Spanish limbs with their side', () => {
    assert.deepEqual(englishTokens(['piernadrch', 'brazoizq', 'brazoderecho'], G), ['right leg', 'left arm', 'right arm']);
  });

  it('gives a non-ASCII token holding a glossary key that key\'s English, romanizes other accents, keeps ASCII', () => {
    assert.deepEqual(englishTokens(['右腿1', '分件', 'écran', 'ñandú', 'Knight'], G), ['right leg', 'split parts', 'ecran', 'nandu', 'knight']);
  });

  it('is lower-case, NFKC and de-duplicated in order', () => {
    assert.deepEqual(englishTokens(['Ｐｉｅｒｎａ', 'pierna', 'e\u0301cran', 'écran'], G), ['leg', 'ecran']);
  });

  it('refines an unknown or zh locale from ≤ 3-token glossary phrases (zh before ja)', () => {
    assert.equal(refineLocale(null, ['x', '頭'], G), 'ja');
    assert.equal(refineLocale('zh', ['头', '分件'], G), 'zh');
    assert.equal(refineLocale(null, ['plain'], G), null);
    assert.equal(refineLocale('en', ['分件'], G), 'en');
  });

  it('is stored only where it differs from the tokens', () => {
    const rules = { ...emptyRuleset(), glossary: G };
    assert.deepEqual(normalizeTokens(['knight', 'commander'], rules).fields.english_tokens, []);
    assert.deepEqual(normalizeTokens(['knight', 'pierna'], rules).fields.english_tokens, ['knight', 'leg']);
  });

  describe('on the real inventory vs the original (golden)', function () {
    let rules: Glossary;
    before(function () {
      requireReference(this, inventoryPath);
      requireReference(this, resolve(specDir, 'golden/backfill_english_tokens.json'));
      const session = new VocabSession([resolve(referenceDir, 'vocab')]);
      session.loadAll();
      rules = session.ruleset.glossary;
    });

    it('holds every English token the original produced, for all 391 variants', () => {
      const golden = JSON.parse(readFileSync(resolve(specDir, 'golden/backfill_english_tokens.json'), 'utf8')) as {
        proposals: { rel_path: string; english_tokens: string[] }[];
      };
      const expected = new Map(golden.proposals.map((p) => [p.rel_path, p.english_tokens]));
      let compared = 0;
      const missing: string[] = [];
      for (const v of goldenVariants()) {
        const exp = expected.get(v.relPath);
        if (!exp) continue;
        compared++;
        const got = new Set(englishTokens(variantInput(v.relPath, v.files).tokens, rules));
        for (const t of exp) if (!got.has(t)) missing.push(`${v.relPath}: ${t}`);
      }
      console.log(`      english_tokens: ${compared - new Set(missing.map((m) => m.split(': ')[0])).size}/${compared} variants hold all the original's tokens`);
      assert.equal(compared, 391);
      // Our token stream also keeps the library-root folder's words (`sample`, `store`), hence "holds", not "equals".
      assert.deepEqual(missing, []);
    });

    it('translates the Chinese part names of 瑟瑟妹子/分件 like the original', () => {
      const v = goldenVariants().find((g) => g.relPath === 'sample_store/瑟瑟妹子/分件');
      assert.ok(v);
      const got = englishTokens(variantInput(v.relPath, v.files).tokens, rules).filter((t) => t !== 'sample' && t !== 'store');
      assert.deepEqual(
        [...got].sort(),
        ['base', 'bra', 'guardrail', 'hair', 'left leg', 'lewd girl', 'lower body', 'right leg', 'skirt', 'split parts', 'top', 'underwear', 'upper body'],
      );
    });
  });
});
