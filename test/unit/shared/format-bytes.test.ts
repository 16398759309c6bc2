// One way to write sizes and counts everywhere (tree, status bar, panel, CLI): binary multiples, one decimal below 10.
import * as assert from 'node:assert/strict';
import { formatBytes, formatCount } from '../../../src/shared/format-bytes';

describe('sizes and counts as people read them', function () {
  it('writes bytes in binary multiples, with one decimal only below 10', function () {
    const cases: [number, string][] = [
      [0, '0 B'],
      [-5, '0 B'],
      [Number.NaN, '0 B'],
      [700, '700 B'],
      [1023, '1023 B'],
      [1024, '1.0 KB'],
      [4812, '4.7 KB'],
      [10 * 1024, '10 KB'],
      [3.8 * 1024 * 1024, '3.8 MB'],
      [250 * 1024 * 1024, '250 MB'],
      [98 * 1024 ** 3, '98 GB'],
      [2 * 1024 ** 5, '2.0 PB'],
      [3 * 1024 ** 6, '3072 PB'],
    ];
    assert.deepEqual(cases.map(([n]) => formatBytes(n)), cases.map(([, s]) => s));
  });

  it('counts in the singular for one and with thousands separators', function () {
    assert.deepEqual([formatCount(1, 'file'), formatCount(0, 'file'), formatCount(12345, 'variant'), formatCount(2, 'entry', 'entries')], ['1 file', '0 files', '12,345 variants', '2 entries']);
  });
});
