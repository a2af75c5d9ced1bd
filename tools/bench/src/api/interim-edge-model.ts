/**
 * @module Interim edge model: until `trainer:distill` exists, writes a real int8 artifact (exporter
 * + static quantisation + manifest via `writeArtifact`) for a small untrained student with seeded
 * weights, calibrated on preprocessed synthetic-cohort windows. Its predictions carry no meaning;
 * it exists so the edge API serves a real int8 ONNX of the right interface. `regen-model
 * --interim` runs it; the default `regen-model` copies the trainer's artifact instead.
 *
 * Usage: node --conditions=@painkd/source --import tsx tools/bench/src/api/interim-edge-model.ts <outDir>
 */
import { writeArtifact, type NetSpec, type NetWeights, type WeightTensor } from '@painkd/models';
import { CLASS_LABELS, DEFAULT_PREPROCESS_CONFIG, generateCohort, mulberry32, preprocessWindow } from '@painkd/signals';

function spec(arch: string, filters: readonly number[]): NetSpec {
  const layers: NetSpec['layers'][number][] = [];
  filters.forEach((f, i) => {
    layers.push({ kind: 'conv1d', name: `conv${i}`, filters: f, kernelSize: 7, stride: 1, padding: 'same', useBias: true });
    layers.push({ kind: 'relu', name: `relu${i}` });
    layers.push({ kind: 'maxPool1d', name: `pool${i}`, poolSize: 2, stride: 2 });
  });
  layers.push({ kind: 'globalAvgPool1d', name: 'gap' });
  layers.push({ kind: 'dense', name: 'logits', units: CLASS_LABELS.length, useBias: true });
  return { arch, config: { filters: [...filters], interim: true }, input: { length: DEFAULT_PREPROCESS_CONFIG.windowSamples, channels: 1 }, classes: CLASS_LABELS.length, layers };
}

function seededWeights(net: NetSpec, seed: number): NetWeights {
  const rand = mulberry32(seed);
  const weights = new Map<string, WeightTensor>();
  let channels = net.input.channels;
  for (const layer of net.layers) {
    if (layer.kind === 'conv1d' || layer.kind === 'dense') {
      const fanIn = layer.kind === 'conv1d' ? layer.kernelSize * channels : channels;
      const units = layer.kind === 'conv1d' ? layer.filters : layer.units;
      const shape = layer.kind === 'conv1d' ? [layer.kernelSize, channels, units] : [channels, units];
      const limit = Math.sqrt(6 / (fanIn + units));
      const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => (rand() * 2 - 1) * limit);
      weights.set(`${layer.name}/kernel`, { shape, data });
      weights.set(`${layer.name}/bias`, { shape: [units], data: new Float32Array(units).map(() => (rand() - 0.5) * 0.1) });
      channels = units;
    }
  }
  return weights;
}

const outDir = process.argv[2];
if (outDir === undefined) {
  process.stderr.write('usage: interim-edge-model.ts <outDir>\n');
  process.exit(2);
}
const cohort = generateCohort({ subjects: 4, windowsPerClass: 8, seed: 5 });
const windows = cohort.trials.map((trial) => preprocessWindow(cohort.render(trial.index).channels.gsr, 512, DEFAULT_PREPROCESS_CONFIG));
const student = spec('student-interim', [8, 16]);
const teacher = spec('teacher-interim', [16, 32, 64]);
const written = await writeArtifact(outDir, {
  student: { spec: student, weights: seededWeights(student, 11) },
  teacher: { spec: teacher, weights: seededWeights(teacher, 12) },
  calibrationWindows: windows,
  preprocess: DEFAULT_PREPROCESS_CONFIG,
  classLabels: [...CLASS_LABELS],
  runtime: 'node',
});
process.stdout.write(`interim artifact in ${written.dir}: int8 agreement ${written.agreement.argmaxAgreement}\n`);
