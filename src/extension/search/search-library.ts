// "STL Manager: Search Library": a quick pick whose results follow the typed words (path words and effective
// values, prefix match); picking a result opens it in the variant panel.
import * as vscode from 'vscode';
import type { SearchHit } from '../../core/store/search';
import type { StoreSession } from '../store/store-session';
import type { DisplayName } from '../vocab/display-names';
import { nameOf } from '../../core/store/rel-path';

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

const LIMIT = 100;

export function searchLibrary(session: StoreSession, open: (variantId: number) => Promise<void>, designerName: DisplayName = (k) => k): Promise<number | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<HitItem>();
    qp.title = 'Search Library';
    qp.placeholder = 'Words of a path, designer, faction, tag… (prefixes match)';
    // the store already matched; `alwaysShow` keeps the quick pick from filtering the results again
    let seq = 0;
    const run = async (text: string) => {
      const mine = ++seq;
      qp.busy = true;
      try {
        const r = await (await session.get()).searchVariants(text, LIMIT);
        if (mine !== seq) return;
        qp.items = r.hits.map((hit) => ({
          label: nameOf(hit.relPath),
          description: [hit.designer ? designerName(hit.designer) : undefined, hit.missing ? 'missing' : undefined].filter(Boolean).join(' · '),
          detail: hit.relPath,
          alwaysShow: true,
          iconPath: new vscode.ThemeIcon(hit.missing ? 'warning' : 'symbol-misc'),
          hit,
        }));
        qp.title = text.trim() ? `Search Library — ${r.hits.length}${r.more ? '+' : ''} found` : 'Search Library';
      } finally {
        if (mine === seq) qp.busy = false;
      }
    };
    let done = false;
    const finish = (id: number | undefined) => {
      if (done) return;
      done = true;
      resolve(id);
      qp.dispose();
    };
    qp.onDidChangeValue((v) => void run(v));
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      if (item) void open(item.hit.id);
      finish(item?.hit.id);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
