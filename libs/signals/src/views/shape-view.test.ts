import { describe, expect, it } from 'vitest';
import { fillMissing } from '../preprocess/fill-missing.js';
import { shapeWindow } from '../preprocess/preprocess-window.js';
import { resample } from '../preprocess/resample.js';
import { generateCohort } from '../synth/generate-cohort.js';
import { caught, errorAt } from '../testing/error-at.js';
import { featureFixtures } from '../testing/feature-fixtures.js';
import { relativeError } from '../testing/fixtures.js';
import { beatsAt, syntheticEcg } from '../testing/synthetic-ecg.js';
import { degradeToWearable } from '../wearable/degrade-to-wearable.js';
import { parseViewConfig } from './parse-view-config.js';
import { shapeView } from './shape-view.js';

const recording = generateCohort({ subjects: 1, windowsPerClass: 1, seed: 2 }).render(4);

describe('shapeView', () => {
  it('runs the GSR level feature through today’s chain (steps 1–6 of preprocessWindow)', () => {
    const [level] = shapeView(recording, parseViewConfig({}));
    expect(level).toEqual(shapeWindow(recording.channels.gsr, 512, parseViewConfig({}).preprocess));
  });

  it('gives heart rate in bpm on the model grid', () => {
    const ecg = syntheticEcg({ sampleRate: 512, length: 2816, beatTimes: beatsAt(() => 72, 0.3, 5.5), noiseMv: 0.02 });
    const [rate] = shapeView({ sampleRate: 512, channels: { ecg } }, parseViewConfig({ channels: [{ source: 'ecg' }] }));
    expect(rate.length).toBe(176);
    for (const bpm of rate) expect(bpm).toBeCloseTo(72, 0);
  });

  it('gives the EMG envelope equal to the numpy/scipy reference, resampled to the model rate (and its log1p)', () => {
    for (const c of featureFixtures().envelope) {
      const seconds = c.x.length / c.sampleRate;
      const options = { highPassHz: c.highPassHz, lowPassHz: c.lowPassHz, windowSeconds: c.windowSeconds };
      const view = (log: boolean) =>
        parseViewConfig({ channels: [{ source: 'emg_corrugator', ...options, log }], preprocess: { sampleRate: c.modelRate, windowSeconds: seconds, smoothing: null } });
      const channels = { emg_corrugator: Float64Array.from(c.x) };
      const [envelope] = shapeView({ sampleRate: c.sampleRate, channels }, view(false));
      expect(envelope.length).toBe(c.resampled.length);
      expect(relativeError(envelope, c.resampled)).toBeLessThan(1e-9);
      expect(relativeError(shapeView({ sampleRate: c.sampleRate, channels }, view(true))[0], c.logResampled)).toBeLessThan(1e-9);
    }
  });

  it('band-passes and resamples, or only resamples (raw)', () => {
    const view = parseViewConfig({ channels: [{ source: 'ecg', feature: 'raw' }, { source: 'ecg', feature: 'bandpass', lowHz: null, highHz: null }] });
    const [raw, unfiltered] = shapeView(recording, view);
    expect(raw).toEqual(resample(recording.channels.ecg, 512, 32, { padType: 'edge' }));
    expect(unfiltered).toEqual(raw);
  });

  it('degrades the gsr source once per window when the view has a wearable sensor; other channels are untouched', () => {
    const view = parseViewConfig({ channels: [{ source: 'gsr' }, { source: 'gsr', feature: 'raw' }, { source: 'ecg', feature: 'raw' }], preprocess: { sampleRate: 4, smoothing: null }, wearable: {} });
    const [level, raw, ecg] = shapeView(recording, view, 77);
    const device = degradeToWearable(fillMissing(recording.channels.gsr), 512, view.wearable!, 77);
    expect(level).toEqual(shapeWindow(device.samples, 4, view.preprocess));
    expect(raw).toEqual(resample(fillMissing(device.samples, { maxMissingFraction: 1 }), 4, 4));
    expect(ecg).toEqual(resample(recording.channels.ecg, 512, 4, { padType: 'edge' }));
  });

  it('names the channel at fault', () => {
    const view = parseViewConfig({ channels: [{ source: 'gsr' }, { source: 'ecg' }] });
    const missing = caught(() => shapeView({ sampleRate: 512, channels: { gsr: recording.channels.gsr } }, view));
    expect(missing.code).toBe('VIEW_MISSING_CHANNEL');
    expect(missing.location.path).toBe('recording.channels.ecg');
    expect(missing.details).toMatchObject({ channel: 'ecg', index: 1, available: ['gsr'] });

    const holes = Float32Array.from(recording.channels.ecg);
    holes.fill(Number.NaN, 0, 1000);
    expect(errorAt(() => shapeView({ ...recording, channels: { ...recording.channels, ecg: holes } }, view))).toBe('SIGNAL_TOO_MUCH_MISSING@recording.channels.ecg');
    const flat = new Float32Array(2816);
    expect(errorAt(() => shapeView({ ...recording, channels: { ...recording.channels, ecg: flat } }, view))).toBe('SIGNAL_NO_HEARTBEAT@recording.channels.ecg');
    const short = recording.channels.ecg.subarray(0, 2000);
    expect(errorAt(() => shapeView({ ...recording, channels: { ...recording.channels, ecg: short } }, view))).toBe('SIGNAL_INVALID_ARGUMENT@recording.channels.ecg');
  });

  it('refuses a filter edge above the source’s Nyquist, naming the view field, and a wearable view without a seed', () => {
    const band = parseViewConfig({ channels: [{ source: 'ecg', feature: 'bandpass', highHz: 300 }] });
    expect(errorAt(() => shapeView(recording, band))).toBe('SIGNAL_INVALID_ARGUMENT@view.channels[0].highHz');
    const envelope = parseViewConfig({ channels: [{ source: 'emg_trapezius', highPassHz: 100 }], preprocess: { windowSeconds: 5.5 } });
    expect(errorAt(() => shapeView({ sampleRate: 128, channels: { emg_trapezius: new Float64Array(704) } }, envelope))).toBe(
      'SIGNAL_INVALID_ARGUMENT@view.channels[0].highPassHz',
    );
    expect(errorAt(() => shapeView(recording, parseViewConfig({ wearable: {} })))).toBe('SIGNAL_INVALID_ARGUMENT@options.seed');
  });
});
