import { createInferenceSession } from '@painkd/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backends/index.js';
import { buildNetSpec, createNet, predictNet } from '../nets/index.js';
import { exportOnnx } from './export-onnx.js';
import { testWindows } from './test-support/random-net.js';
import { DEFAULT_IO as io, trainedLikeBatchNorm } from './test-support/registered-net.js';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('exportOnnx on the registered nets', () => {
  for (const arch of ['student-tiny', 'teacher-cnn', 'seed-conv1d']) {
    it(`${arch}: ONNX (node and web) equals the tfjs net's logits and hidden to 1e-4 on 1,000 windows`, async () => {
      const spec = buildNetSpec(arch, {}, io);
      const net = createNet(spec, { seed: 3 });
      net.setWeights(trainedLikeBatchNorm(net.getWeights(), 4));
      const x = testWindows(1000, io.inputLength, 1, 17);
      const ref = predictNet(net, x, 250);
      const bytes = exportOnnx(spec, net.getWeights(), { outputs: ['logits', 'hidden'] });
      net.dispose();
      for (const runtime of ['node', 'web'] as const) {
        const session = await createInferenceSession(bytes, { runtime });
        const per = io.inputLength;
        let maxLogit = 0;
        let maxHidden = 0;
        for (let start = 0; start < 1000; start += 250) {
          const out = await session.run(x.subarray(start * per, (start + 250) * per), 250);
          out.logits.forEach((v, i) => (maxLogit = Math.max(maxLogit, Math.abs(v - ref.logits[start * io.classes + i]!))));
          const h = out['hidden']!;
          const width = h.length / 250;
          h.forEach((v, i) => (maxHidden = Math.max(maxHidden, Math.abs(v - ref.hidden[start * width + i]!))));
        }
        await session.dispose();
        expect(maxLogit, `${runtime} logits`).toBeLessThan(1e-4);
        expect(maxHidden, `${runtime} hidden`).toBeLessThan(1e-4);
      }
    });
  }
});
