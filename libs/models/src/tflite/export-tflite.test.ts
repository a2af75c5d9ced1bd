import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backends/index.js';
import { buildNetSpec, createNet, predictNet } from '../nets/index.js';
import type { NetSpec } from '../nets/net-spec.js';
import { randomWeights, testSpec, testWindows } from '../onnx/test-support/random-net.js';
import { referenceForward } from '../onnx/test-support/reference-forward.js';
import { DEFAULT_IO, trainedLikeBatchNorm } from '../onnx/test-support/registered-net.js';
import { exportTflite } from './export-tflite.js';
import { createTfliteSession, TFLITE_RUNTIMES } from './runtimes/tflite-session.js';
import { interpretTflite } from './test-support/reference-interpreter.js';
import { readTflite } from './tflite-reader.js';
import { bn, conv, dense, relu } from '../onnx/test-support/layer-specs.js';


/** One small net per layer kind and input shape; each must match tfjs. */
const layerCases: Record<string, NetSpec> = {
  'conv same + relu + global average pool + dense': testSpec([conv('c1', 6, 5), relu('r1'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5)]),
  'conv valid stride 2 without bias + folded batch norm + max pool + flatten': testSpec([
    conv('c1', 4, 4, 2, 'valid', false), bn('bn1'), relu('r1'), { kind: 'maxPool1d', name: 'mp', poolSize: 3, stride: 2 }, { kind: 'flatten', name: 'fl' }, dense('out', 5),
  ]),
  'avg pool + lone relu + dense with folded batch norm + dropout': testSpec(
    [conv('c1', 5, 3), { kind: 'avgPool1d', name: 'ap', poolSize: 2, stride: 2 }, relu('r_alone'), { kind: 'flatten', name: 'fl' }, dense('d1', 12), bn('bn_d1'), relu('r2'), { kind: 'dropout', name: 'drop', rate: 0.5 }, dense('out', 3)],
    { length: 64, channels: 1 },
    3,
  ),
  'three input channels, even kernel, stride 3 same padding': testSpec(
    [conv('c1', 8, 4, 3), bn('bn1'), relu('r1'), conv('c2', 8, 3, 1, 'valid'), relu('r2'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5, false)],
    { length: 50, channels: 3 },
  ),
  'a 4 Hz student window: 22 samples, 2 channels': testSpec(
    [conv('c1', 8, 5), bn('bn1'), relu('r1'), { kind: 'maxPool1d', name: 'p1', poolSize: 2, stride: 2 }, conv('c2', 12, 3), relu('r2'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5)],
    { length: 22, channels: 2 },
  ),
};

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('exportTflite fp32', () => {
  for (const [name, spec] of Object.entries(layerCases)) {
    it(`matches tfjs to 1e-5 in the reference interpreter and in both runtimes: ${name}`, async () => {
      const weights = randomWeights(spec, 11);
      const bytes = exportTflite(spec, weights);
      const graph = readTflite(bytes);
      expect(graph.tensors[graph.inputs[0]!]!.shape).toEqual([1, spec.input.length, spec.input.channels]);
      const per = spec.input.length * spec.input.channels;
      const x = testWindows(32, spec.input.length, spec.input.channels, 5);
      const ref = referenceForward(spec, weights, x, 32).logits;
      const sessions = await Promise.all(TFLITE_RUNTIMES.map((r) => createTfliteSession(bytes, r)));
      for (let w = 0; w < 32; w++) {
        const window = x.subarray(w * per, (w + 1) * per);
        const expected = ref.subarray(w * spec.classes, (w + 1) * spec.classes);
        expect(maxAbsDiff(interpretTflite(graph, window), expected)).toBeLessThan(1e-5);
        for (const s of sessions) expect(maxAbsDiff(await s.run(window), expected), `${s.runtime} window ${w}`).toBeLessThan(1e-5);
      }
      await Promise.all(sessions.map((s) => s.dispose()));
    });
  }

  for (const [arch, windows] of [['student-tiny', 1000], ['teacher-cnn', 100], ['seed-conv1d', 100]] as const) {
    it(`${arch}: tfjs-tflite and LiteRT.js equal the tfjs net's logits to 1e-5 on ${windows} windows`, async () => {
      const spec = buildNetSpec(arch, {}, DEFAULT_IO);
      const net = createNet(spec, { seed: 3 });
      net.setWeights(trainedLikeBatchNorm(net.getWeights(), 4));
      const x = testWindows(windows, DEFAULT_IO.inputLength, 1, 17);
      const ref = predictNet(net, x, 100).logits;
      const bytes = exportTflite(spec, net.getWeights());
      net.dispose();
      for (const runtime of TFLITE_RUNTIMES) {
        const session = await createTfliteSession(bytes, runtime);
        let max = 0;
        for (let w = 0; w < windows; w++) {
          const out = await session.run(x.subarray(w * 176, (w + 1) * 176));
          max = Math.max(max, maxAbsDiff(out, ref.subarray(w * 5, w * 5 + 5)));
        }
        await session.dispose();
        expect(max, runtime).toBeLessThanOrEqual(1e-5);
      }
    });
  }

  it('refuses a batch norm it cannot fold, a missing weight and an int8 export without a range, with coded errors', () => {
    const lone = testSpec([conv('c1', 4, 3), relu('r1'), bn('bn_alone'), { kind: 'globalAvgPool1d', name: 'gap' }, dense('out', 5)]);
    expect(() => exportTflite(lone, randomWeights(lone, 1))).toThrow(expect.objectContaining({ code: 'TFLITE_UNSUPPORTED_LAYER', details: { layer: 'bn_alone' } }));
    const spec = layerCases['conv same + relu + global average pool + dense']!;
    const missing = new Map(randomWeights(spec, 1));
    missing.delete('c1/kernel');
    expect(() => exportTflite(spec, missing)).toThrow(expect.objectContaining({ code: 'TFLITE_BAD_NET', message: 'missing weight c1/kernel' }));
    expect(() => exportTflite(spec, randomWeights(spec, 1), { int8: { ranges: new Map([['input', { min: -1, max: 1 }]]) } })).toThrow(
      expect.objectContaining({ code: 'TFLITE_BAD_OPTIONS', details: { tensor: 'r1_out' } }),
    );
  });
});
