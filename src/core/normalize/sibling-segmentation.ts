// Sibling segmentation (SPEC §3.3.2): a folder next to an `uncut` twin with the same model name is the split
// version. The evidence comes from other variants, so it is computed over the whole library first and passed to
// each variant as an input (and hashed into its tokens key: a new twin re-runs the variant).
import { pathComponents, tokenizeComponent } from './tokenize';
import { parentOf } from '../store/rel-path';

const BOILERPLATE = new Set(['uncut', 'scale', 'stl', 'lys', 'base', 'bases', 'images', 'image', 'preview', 'supported', 'presupported', 'pre', 'sup', 'sup_']);
const RATIO_TOKEN = /^1[-_:/]\d{1,3}$/u;
const DENOMINATOR = /(?<![0-9])1\s*[-_:/]?\s*(\d{1,2})\s*scale|(?<![0-9])(\d{1,2})scale/iu;

export interface SiblingSplit {
  /** Found under the grandparent rather than the same parent: the twin may be another scale. */
  crossScale: boolean;
}

/** The leaf's model name from its tokens: without boilerplate and ratio tokens (`Nscale` stays: 6scale ≠ 9scale). */
function modelKey(leafTokens: readonly string[]): string {
  const tokens = leafTokens.filter((t) => !BOILERPLATE.has(t) && !RATIO_TOKEN.test(t));
  return [...new Set(tokens)].sort().join(' ');
}

function denominator(leaf: string): number | null {
  const m = DENOMINATOR.exec(leaf);
  return m ? Number(m[1] ?? m[2]) : null;
}

interface Folder {
  rel: string;
  key: string;
  den: number | null;
  uncut: boolean;
}

export function inferSiblingSplits(relPaths: readonly string[]): Map<string, SiblingSplit> {
  const folders: Folder[] = relPaths.map((p) => {
    const rel = pathComponents(p).join('/');
    const parts = rel.split('/');
    const leaf = parts[parts.length - 1] ?? '';
    const tokens = tokenizeComponent(leaf);
    return { rel, key: modelKey(tokens), den: denominator(leaf), uncut: tokens.includes('uncut') };
  });
  const uncutByKey = new Map<string, Folder[]>();
  for (const f of folders) {
    if (f.key !== '' && f.uncut) {
      const list = uncutByKey.get(f.key) ?? [];
      list.push(f);
      uncutByKey.set(f.key, list);
    }
  }
  const out = new Map<string, SiblingSplit>();
  if (uncutByKey.size === 0) return out;
  for (const f of folders) {
    const twins = uncutByKey.get(f.key);
    if (!twins || f.uncut) continue;
    const sameScale = (u: Folder): boolean => f.den === null || u.den === null || f.den === u.den;
    const parent = parentOf(f.rel);
    if (twins.some((u) => parentOf(u.rel) === parent && sameScale(u))) {
      out.set(f.rel, { crossScale: false });
      continue;
    }
    const grand = parentOf(parent);
    const prefix = grand === '' ? '' : `${grand}/`;
    if (parent !== '' && twins.some((u) => u.rel.startsWith(prefix) && u.rel !== f.rel && sameScale(u))) {
      out.set(f.rel, { crossScale: true });
    }
  }
  return out;
}
