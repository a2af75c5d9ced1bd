import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS_CONFIG } from '../preprocess/preprocess-config.js';
import { errorAt } from '../testing/error-at.js';
import { DEFAULT_WEARABLE_CONFIG } from '../wearable/wearable-config.js';
import { parseViewConfig } from './parse-view-config.js';
import { LAB_GSR_VIEW } from './view-presets.js';

describe('parseViewConfig', () => {
  it('gives the lab GSR view for an empty object or no input', () => {
    expect(parseViewConfig({})).toEqual(LAB_GSR_VIEW);
    expect(parseViewConfig()).toEqual(LAB_GSR_VIEW);
  });

  it('fills each channel’s feature by source, and the feature’s options', () => {
    const view = parseViewConfig({
      channels: [{ source: 'gsr' }, { source: 'ecg' }, { source: 'emg_corrugator' }, { source: 'ecg', feature: 'bandpass' }, { source: 'emg_trapezius', feature: 'bandpass' }, { source: 'emg_zygomaticus', feature: 'raw' }],
    });
    expect(view.channels).toEqual([
      { source: 'gsr', feature: 'level' },
      { source: 'ecg', feature: 'heart-rate', minBpm: 30, maxBpm: 220 },
      { source: 'emg_corrugator', feature: 'envelope', highPassHz: 20, lowPassHz: null, windowSeconds: 0.25, log: false },
      { source: 'ecg', feature: 'bandpass', lowHz: 0.5, highHz: 40 },
      { source: 'emg_trapezius', feature: 'bandpass', lowHz: 20, highHz: null },
      { source: 'emg_zygomaticus', feature: 'raw' },
    ]);
    expect(view.preprocess).toEqual(DEFAULT_PREPROCESS_CONFIG);
    expect(view.wearable).toBeNull();
  });

  it('keeps given options, and a given wearable `{}` is the default sensor', () => {
    const view = parseViewConfig({
      channels: [{ source: 'gsr' }, { source: 'emg_corrugator', windowSeconds: 0.1, log: true, lowPassHz: 150 }, { source: 'ecg', feature: 'bandpass', lowHz: null }],
      preprocess: { sampleRate: 4, smoothing: null },
      wearable: {},
    });
    expect(view.channels[1]).toMatchObject({ windowSeconds: 0.1, log: true, lowPassHz: 150 });
    expect(view.channels[2]).toMatchObject({ lowHz: null, highHz: 40 });
    expect(view.preprocess.windowSamples).toBe(22);
    expect(view.wearable).toEqual(DEFAULT_WEARABLE_CONFIG);
    expect(parseViewConfig(JSON.parse(JSON.stringify(view)))).toEqual(view);
  });

  it('names the JSON path of the first bad field, under the path it is given', () => {
    const at = (input: unknown): string | undefined => errorAt(() => parseViewConfig(input, '$.student'));
    expect(at(3)).toBe('VIEW_INVALID_CONFIG@$.student');
    expect(at({ chanels: [] })).toBe('VIEW_INVALID_CONFIG@$.student.chanels');
    expect(at({ channels: [] })).toBe('VIEW_INVALID_CONFIG@$.student.channels');
    expect(at({ channels: [{ source: 'eeg' }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].source');
    expect(at({ channels: [{ source: 'gsr' }, { source: 'ecg', feature: 'envelope' }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[1].feature');
    expect(at({ channels: [{ source: 'gsr', feature: 'heart-rate' }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].feature');
    expect(at({ channels: [{ source: 'gsr', minBpm: 40 }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].minBpm');
    expect(at({ channels: [{ source: 'ecg', minBpm: 90, maxBpm: 80 }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].maxBpm');
    expect(at({ channels: [{ source: 'ecg', feature: 'bandpass', lowHz: 40, highHz: 20 }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].highHz');
    expect(at({ channels: [{ source: 'emg_corrugator', windowSeconds: 6 }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].windowSeconds');
    expect(at({ channels: [{ source: 'emg_corrugator', log: 'yes' }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].log');
    expect(at({ channels: [{ source: 'emg_corrugator', lowPassHz: 10 }] })).toBe('VIEW_INVALID_CONFIG@$.student.channels[0].lowPassHz');
    expect(at({ preprocess: { sampleRate: 0 } })).toBe('PREPROCESS_INVALID_CONFIG@$.student.preprocess.sampleRate');
    expect(at({ preprocess: null })).toBe('PREPROCESS_INVALID_CONFIG@$.student.preprocess');
    expect(at({ wearable: { noiseUs: -1 } })).toBe('VIEW_INVALID_CONFIG@$.student.wearable.noiseUs');
  });

  it('refuses a wearable sensor without a gsr channel, and dropouts that fill-missing would reject', () => {
    expect(errorAt(() => parseViewConfig({ channels: [{ source: 'ecg' }], wearable: {} }))).toBe('VIEW_INVALID_CONFIG@$.wearable');
    expect(errorAt(() => parseViewConfig({ wearable: { dropouts: { maxFraction: 0.25 } } }))).toBe('VIEW_INVALID_CONFIG@$.wearable.dropouts.maxFraction');
    expect(parseViewConfig({ wearable: { dropouts: { maxFraction: 0.25 } }, preprocess: { missing: { maxMissingFraction: 0.3 } } }).wearable?.dropouts?.maxFraction).toBe(0.25);
  });
});
