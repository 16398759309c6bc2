// The panel's message schemas and the path check the host applies to the webview's requests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInsideRoots } from '../../../src/extension/panel/path-guard';
import { toHost, toWebview } from '../../../src/shared/panel-protocol';

describe('panel protocol and path check', function () {
  it('accepts the protocol messages and rejects anything else', function () {
    assert.ok(toHost.safeParse({ type: 'setOverride', requestId: 1, variantId: 3, field: 'designer', value: 'x' }).success);
    assert.ok(toHost.safeParse({ type: 'setOverride', requestId: 1, variantId: 3, field: 'tags', value: ['a', 'b'] }).success);
    assert.ok(toHost.safeParse({ type: 'revert', requestId: 2, target: { batchId: 'b-1' } }).success);
    assert.ok(!toHost.safeParse({ type: 'setOverride', requestId: 1, variantId: -3, field: 'designer', value: 'x' }).success);
    assert.ok(!toHost.safeParse({ type: 'setOverride', requestId: 1, variantId: 3, field: 'designer', value: { evil: true } }).success);
    assert.ok(!toHost.safeParse({ type: 'runSql', sql: 'DROP TABLE variant' }).success);
    assert.ok(!toHost.safeParse('ready').success);
    assert.ok(toWebview.safeParse({ type: 'result', requestId: 1, ok: false, message: 'no' }).success);
    assert.ok(!toWebview.safeParse({ type: 'variant', variant: { id: 1 } }).success);
  });

  it('lets through paths inside a library root only, after resolving .. and symbolic links', function () {
    const dir = mkdtempSync(join(tmpdir(), 'stlmgr-guard-'));
    try {
      const root = join(dir, 'lib');
      mkdirSync(join(root, 'A'), { recursive: true });
      writeFileSync(join(root, 'A', 'm.stl'), 'x');
      writeFileSync(join(dir, 'secret.txt'), 'x');
      symlinkSync(join(dir, 'secret.txt'), join(root, 'A', 'link.txt'));
      assert.equal(isInsideRoots(join(root, 'A', 'm.stl'), [root]), true);
      assert.equal(isInsideRoots(join(root, 'A', '..', '..', 'secret.txt'), [root]), false);
      assert.equal(isInsideRoots(join(root, 'A', 'link.txt'), [root]), false, 'a link out of the root');
      assert.equal(isInsideRoots(root, [root]), false, 'the root itself is not a file of it');
      assert.equal(isInsideRoots(`${root}-other/x.stl`, [root]), false, 'a sibling with the same prefix');
      assert.equal(isInsideRoots('A/m.stl', [root]), false, 'relative paths are refused');
      assert.equal(isInsideRoots(join(dir, 'secret.txt'), []), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
