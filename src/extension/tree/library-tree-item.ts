// Turns a library entry into the TreeItem VS Code renders: label, "N files · 1.2 GB", codicon, tooltip, context.
import * as vscode from 'vscode';
import { formatBytes, formatCount } from '../../shared/format-bytes';
import { KIND_ICONS, entryId, entryPath, type LibraryEntry } from './library-node';
import type { DisplayName } from '../vocab/display-names';
import { describeWarning } from '../../core/normalize/warning-text';

export const CONTEXT = {
  root: 'stlManager.root',
  folder: 'stlManager.folder',
  variant: 'stlManager.variant',
  missingVariant: 'stlManager.missingVariant',
  loadMore: 'stlManager.loadMore',
  message: 'stlManager.message',
} as const;

/** Display name of a vocabulary key (designer `titan_forge` → "Titan Forge"); the key itself when unknown. */

export function toTreeItem(entry: LibraryEntry, designerName: DisplayName = (key) => key): vscode.TreeItem {
  const id = entryId(entry);
  switch (entry.type) {
    case 'root': {
      const { root } = entry;
      const item = new vscode.TreeItem(baseName(root.path), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = id;
      item.description = root.lastScanAt ? undefined : 'not scanned';
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.contextValue = CONTEXT.root;
      item.tooltip = markdown([
        `**${escape(baseName(root.path))}** — library folder`,
        code(root.path),
        root.lastScanAt ? `Last scan: ${new Date(root.lastScanAt).toLocaleString()}` : 'Not scanned yet',
      ]);
      return item;
    }
    case 'folder': {
      const { node } = entry;
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = id;
      item.description = `${formatCount(node.variantCount, 'variant')} · ${formatBytes(node.sizeBytes)}`;
      item.iconPath = new vscode.ThemeIcon('folder');
      item.contextValue = CONTEXT.folder;
      item.tooltip = markdown([
        `**${escape(node.name)}**`,
        code(entryPath(entry)),
        `${formatCount(node.variantCount, 'variant')} · ${formatCount(node.fileCount, 'file')} · ${formatBytes(node.sizeBytes)}`,
      ]);
      return item;
    }
    case 'variant': {
      const { node } = entry;
      const state = node.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
      const item = new vscode.TreeItem(node.name, state);
      item.id = id;
      const counts = `${formatCount(node.fileCount, 'file')} · ${formatBytes(node.sizeBytes)}`;
      // Effective designer (by its display name) and support state (override ?? auto), then the counts.
      const designer = node.designer ? designerName(node.designer) : undefined;
      const described = [designer, node.supportState, counts].filter((p) => p).join(' · ');
      item.description = node.missing ? `(missing) · ${described}` : described;
      item.iconPath = node.missing
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon(KIND_ICONS[node.kind] ?? 'file');
      item.contextValue = node.missing ? CONTEXT.missingVariant : CONTEXT.variant;
      item.tooltip = markdown([
        `**${escape(node.name)}** — ${node.kind} variant${node.missing ? ' (missing)' : ''}`,
        code(entryPath(entry)),
        counts,
        ...(node.designer ? [`Designer: ${escape(designer ?? node.designer)} (\`${node.designer}\`)`] : []),
        ...(node.missing ? ['$(warning) Not found by the last scan: the folder was moved or deleted.'] : []),
        ...(node.warnings ?? []).map((w) => `$(info) ${escape(describeWarning(w))}`),
      ]);
      return item;
    }
    case 'loadMore': {
      const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
      item.id = id;
      item.description = `${entry.remaining.toLocaleString('en-US')} more`;
      item.iconPath = new vscode.ThemeIcon('more');
      item.contextValue = CONTEXT.loadMore;
      item.command = { command: 'stlManager.loadMore', title: 'Load More', arguments: [entry] };
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(entry.label, vscode.TreeItemCollapsibleState.None);
      item.id = id;
      item.iconPath = new vscode.ThemeIcon(entry.icon);
      item.contextValue = CONTEXT.message;
      if (entry.command) item.command = { command: entry.command, title: entry.label };
      return item;
    }
  }
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts.at(-1) ?? p;
}

function markdown(paragraphs: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(paragraphs.join('\n\n'), true);
  md.isTrusted = false;
  return md;
}

function code(text: string): string {
  return '`' + text.replaceAll('`', "'") + '`';
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
