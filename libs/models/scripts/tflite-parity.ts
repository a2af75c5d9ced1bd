/**
 * @module `npx nx run models:tflite-parity -- [artifactDir]`: the TFLite figures the README quotes.
 * For the registered student (seeded, trained-like batch norms) and, given a trainer output folder,
 * for its trained student: file sizes; on 1,000 windows the fp32 `.tflite` against the reference
 * (the tfjs net, or for an artifact its fp32 ONNX model in onnxruntime) in tfjs-tflite and
 * LiteRT.js; the int8 `.tflite` against the integer reference interpreter (in output steps), and
 * its argmax agreement with the ONNX int8 and the fp32 student. Relative paths are from the
 * repository root.
 */
import { isAbsolute, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArtifact } from '@painkd/runtime';
import { argmax, createNet, exportTflite, initBackend, predictLogits, predictNet, readTflite, tfliteLogits, TFLITE_RUNTIMES } from '../src/index.js';
import { testWindows } from '../src/onnx/test-support/random-net.js';
import { interpretTflite } from '../src/tflite/test-support/reference-interpreter.js';
import { splitWindows, studentFixture } from '../src/tflite/test-support/tflite-fixtures.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Models {
  readonly name: string;
  readonly fp32: Uint8Array;
  readonly int8: Uint8Array;
  readonly onnxInt8: Uint8Array;
  /** Reference fp32 logits on the windows. */
  readonly reference: Float32Array;
  readonly referenceName: string;
}

async function report(m: Models, windows: readonly Float32Array[]): Promise<void> {
  const classes = m.reference.length / windows.length;
  const g = readTflite(m.int8);
  const out = g.tensors[g.operators.at(-1)!.inputs[0]!]!.quantization!;
  const step = out.scale[0]!;
  const onnx = await predictLogits(m.onnxInt8, windows, { runtime: 'node' });
  console.log(`\n${m.name}: student.fp32.tflite ${m.fp32.length} B, student.int8.tflite ${m.int8.length} B, student.int8.onnx ${m.onnxInt8.length} B; ${windows.length} windows`);
  for (const runtime of TFLITE_RUNTIMES) {
    const fp32 = await tfliteLogits(m.fp32, windows, runtime);
    const int8 = await tfliteLogits(m.int8, windows, runtime);
    let fpMax = 0;
    let steps = 0;
    let raw = 0;
    let grid = 0;
    let vsFp32 = 0;
    windows.forEach((w, i) => {
      const ref = interpretTflite(g, w);
      for (let c = 0; c < classes; c++) {
        fpMax = Math.max(fpMax, Math.abs(fp32[i * classes + c]! - m.reference[i * classes + c]!));
        steps = Math.max(steps, Math.abs(int8[i * classes + c]! - ref[c]!) / step);
      }
      const a = argmax(int8, i * classes, classes);
      raw += a === argmax(onnx, i * classes, classes) ? 1 : 0;
      const onGrid = Float32Array.from(onnx.subarray(i * classes, (i + 1) * classes), (v) => Math.max(-128, Math.min(127, Math.round(v / step) + out.zeroPoint[0]!)));
      grid += a === argmax(onGrid, 0, classes) ? 1 : 0;
      vsFp32 += a === argmax(m.reference, i * classes, classes) ? 1 : 0;
    });
    const pct = (n: number): string => `${((100 * n) / windows.length).toFixed(1)} %`;
    console.log(
      `  ${runtime.padEnd(11)} fp32 max |Δ| vs ${m.referenceName} ${fpMax.toExponential(2)} · int8 max |Δ| vs integer reference ${steps.toFixed(3)} steps · argmax = ONNX int8 ${pct(raw)} (${pct(grid)} on the int8 output grid) · = fp32 ${pct(vsFp32)}`,
    );
  }
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const f = await studentFixture();
  const net = createNet(f.spec, { seed: 1 });
  net.setWeights(f.weights);
  const packed = new Float32Array(f.windows.length * 176);
  f.windows.forEach((w, i) => packed.set(w, i * 176));
  const reference = predictNet(net, packed, 250).logits;
  net.dispose();
  await report({ name: `registered student-tiny (seeded, trained-like batch norms; calibration ${f.chosen.calibration.method})`, fp32: exportTflite(f.spec, f.weights), int8: f.tflite.floatIo, onnxInt8: f.chosen.model, reference, referenceName: 'tfjs' }, f.windows);
  const arg = process.argv[2];
  if (arg) {
    const dir = isAbsolute(arg) ? arg : join(repoRoot, arg);
    const artifact = await loadArtifact(dir, { verify: true });
    const length = artifact.manifest.input.windowSamples;
    const windows = splitWindows(testWindows(1000, length, artifact.manifest.input.channels.length, 200), length * artifact.manifest.input.channels.length);
    const fp32Onnx = await artifact.readModel('student-fp32');
    await report(
      {
        name: `${dir} (${artifact.manifest.model.arch}, trained; calibration ${artifact.manifest.quantization.calibration.method})`,
        fp32: await artifact.readModel('student-fp32-tflite'),
        int8: await artifact.readModel('student-int8-tflite'),
        onnxInt8: await artifact.readModel('student-int8'),
        reference: await predictLogits(fp32Onnx, windows, { runtime: 'node' }),
        referenceName: 'ONNX fp32',
      },
      windows,
    );
  }
}

await main();
