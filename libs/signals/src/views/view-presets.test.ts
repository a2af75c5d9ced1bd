import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../io/biovid-format.js';
import { DEFAULT_PREPROCESS_CONFIG } from '../preprocess/preprocess-config.js';
import { DEFAULT_WEARABLE_CONFIG } from '../wearable/wearable-config.js';
import { parseViewConfig } from './parse-view-config.js';
import { LAB_ALL_CHANNELS_VIEW, LAB_GSR_VIEW, WEARABLE_GSR_VIEW } from './view-presets.js';

const PRESETS = { LAB_GSR_VIEW, LAB_ALL_CHANNELS_VIEW, WEARABLE_GSR_VIEW };

describe('view presets', () => {
  it.each(Object.entries(PRESETS))('%s is plain JSON: it round-trips and parses to itself', (_, view) => {
    const json = JSON.parse(JSON.stringify(view));
    expect(json).toEqual(view);
    expect(parseViewConfig(json)).toEqual(view);
  });

  it('the lab GSR view is today’s default input', () => {
    expect(LAB_GSR_VIEW).toEqual({ channels: [{ source: 'gsr', feature: 'level' }], preprocess: DEFAULT_PREPROCESS_CONFIG, wearable: null });
  });

  it('the lab teacher reads all five channels at 32 Hz: GSR level, heart rate, three EMG envelopes', () => {
    expect(LAB_ALL_CHANNELS_VIEW.channels.map((c) => c.source)).toEqual(CHANNEL_NAMES);
    expect(LAB_ALL_CHANNELS_VIEW.channels.map((c) => c.feature)).toEqual(['level', 'heart-rate', 'envelope', 'envelope', 'envelope']);
    expect(LAB_ALL_CHANNELS_VIEW.preprocess.sampleRate).toBe(32);
    expect(LAB_ALL_CHANNELS_VIEW.wearable).toBeNull();
  });

  it('the wrist student is GSR at 4 Hz (22 samples) through the default wearable sensor', () => {
    expect(WEARABLE_GSR_VIEW.channels).toEqual([{ source: 'gsr', feature: 'level' }]);
    expect(WEARABLE_GSR_VIEW.preprocess).toMatchObject({ sampleRate: 4, windowSamples: 22, smoothing: null });
    expect(WEARABLE_GSR_VIEW.wearable).toEqual(DEFAULT_WEARABLE_CONFIG);
  });

  it('is frozen, so no caller can change a preset for everyone', () => {
    expect(Object.isFrozen(LAB_ALL_CHANNELS_VIEW)).toBe(true);
    expect(Object.isFrozen(LAB_ALL_CHANNELS_VIEW.channels)).toBe(true);
    expect(Object.isFrozen(LAB_ALL_CHANNELS_VIEW.channels[2])).toBe(true);
    expect(Object.isFrozen(WEARABLE_GSR_VIEW.preprocess)).toBe(true);
  });
});
