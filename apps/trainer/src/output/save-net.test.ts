import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetSpec, WeightTensor } from '@painkd/models';
import { loadNet, saveNet } from './save-net.js';

describe('saveNet / loadNet', () => {
  it('round-trips the spec and every weight bit for bit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-net-'));
    const spec: NetSpec = { arch: 'x', config: { a: 1 }, input: { length: 4, channels: 1 }, classes: 2, layers: [{ kind: 'flatten', name: 'f' }, { kind: 'dense', name: 'out', units: 2, useBias: true }] };
    const weights = new Map<string, WeightTensor>([
      ['out/kernel', { shape: [4, 2], data: Float32Array.from([1.5, -2, 3e-8, 4, 5, 6, 7, Math.PI]) }],
      ['out/bias', { shape: [2], data: Float32Array.from([0.1, -0.2]) }],
    ]);
    expect(await saveNet(dir, 'student', spec, weights)).toEqual(['student.net.json', 'student.weights.bin']);
    const loaded = await loadNet(dir, 'student');
    expect(loaded.spec).toEqual(spec);
    expect([...loaded.weights.keys()]).toEqual(['out/kernel', 'out/bias']);
    expect(loaded.weights.get('out/kernel')!.data).toEqual(weights.get('out/kernel')!.data);
    expect(loaded.weights.get('out/bias')!.shape).toEqual([2]);
  });
});
