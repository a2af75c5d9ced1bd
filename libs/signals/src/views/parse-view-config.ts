/**
 * @module Validation of an untrusted (JSON) view: fills defaults (the view, each channel's
 * feature and its options, the preprocessing, the wearable sensor), checks that each feature suits
 * its source channel, and reports the first bad field as a coded error at its JSON path.
 */
import { configFields, type JsonObject } from '../config/config-fields.js';
import { CHANNEL_NAMES, type ChannelName } from '../io/biovid-format.js';
import { parsePreprocessConfig } from '../preprocess/parse-preprocess-config.js';
import type { PreprocessConfig } from '../preprocess/preprocess-config.js';
import { parseWearableConfig } from '../wearable/parse-wearable-config.js';
import type { EmgChannelName, ViewChannel, ViewConfig, ViewFeature } from './view-config.js';

const { fail, object, number, oneOf, boolean } = configFields('VIEW_INVALID_CONFIG');

const EMG_CHANNELS: readonly EmgChannelName[] = ['emg_trapezius', 'emg_corrugator', 'emg_zygomaticus'];
const FEATURES: readonly ViewFeature[] = ['level', 'heart-rate', 'bandpass', 'envelope', 'raw'];

/** Which sources each feature accepts, and the feature a bare `{ source }` gets. */
const SOURCES: Record<ViewFeature, readonly ChannelName[]> = {
  level: ['gsr'],
  'heart-rate': ['ecg'],
  bandpass: ['ecg', ...EMG_CHANNELS],
  envelope: EMG_CHANNELS,
  raw: CHANNEL_NAMES,
};
const DEFAULT_FEATURE: Record<ChannelName, ViewFeature> = {
  gsr: 'level',
  ecg: 'heart-rate',
  emg_trapezius: 'envelope',
  emg_corrugator: 'envelope',
  emg_zygomaticus: 'envelope',
};

/**
 * Validates `input` into a {@link ViewConfig}. Defaults: `channels` `[{ source: 'gsr' }]`,
 * `preprocess` the defaults of `parsePreprocessConfig`, `wearable` `null` (`{}` gives the default
 * sensor). A channel's `feature` defaults by source (gsr `level`, ecg `heart-rate`, EMG
 * `envelope`), its options as documented in the README (band-pass edges: ECG 0.5–40 Hz, EMG 20 Hz
 * high-pass). `JSON.stringify` of the result parses back to an equal view.
 *
 * @param path - JSON path of `input` in its document, used in error locations (default `$`).
 * @throws SignalsError `VIEW_INVALID_CONFIG` (view, channel or wearable field) or
 *   `PREPROCESS_INVALID_CONFIG` (a field under `preprocess`), located at the JSON path of the
 *   first bad field, e.g. `$.student.channels[1].feature`.
 *
 * @example
 * const teacher = parseViewConfig({ channels: [{ source: 'gsr' }, { source: 'ecg' }, { source: 'emg_corrugator' }] });
 * teacher.channels[1]; // { source: 'ecg', feature: 'heart-rate', minBpm: 30, maxBpm: 220 }
 */
export function parseViewConfig(input: unknown = {}, path = '$'): ViewConfig {
  const root = object(input, path, ['channels', 'preprocess', 'wearable']);
  const preprocess = parsePreprocessConfig(root.preprocess === undefined ? {} : root.preprocess, `${path}.preprocess`);
  const channelsIn = root.channels === undefined ? [{ source: 'gsr' }] : root.channels;
  if (!Array.isArray(channelsIn) || channelsIn.length === 0) fail(`${path}.channels`, 'must be a non-empty array of channels', channelsIn);
  const channels = (channelsIn as unknown[]).map((channel, i) => parseChannel(channel, `${path}.channels[${i}]`, preprocess));
  const wearable = root.wearable === undefined || root.wearable === null ? null : parseWearableConfig(root.wearable, `${path}.wearable`);
  if (wearable !== null) {
    if (!channels.some((c) => c.source === 'gsr')) fail(`${path}.wearable`, 'degrades the gsr source, but no channel reads gsr');
    if (wearable.dropouts !== null && wearable.dropouts.maxFraction > preprocess.missing.maxMissingFraction) {
      fail(
        `${path}.wearable.dropouts.maxFraction`,
        `${wearable.dropouts.maxFraction} exceeds preprocess.missing.maxMissingFraction ${preprocess.missing.maxMissingFraction}: degraded windows would be rejected`,
        wearable.dropouts.maxFraction,
      );
    }
  }
  return { channels, preprocess, wearable };
}

function parseChannel(input: unknown, path: string, preprocess: PreprocessConfig): ViewChannel {
  const given = object(input, path, ['source', 'feature', 'minBpm', 'maxBpm', 'lowHz', 'highHz', 'highPassHz', 'lowPassHz', 'windowSeconds', 'log']);
  const source = oneOf(given.source, `${path}.source`, CHANNEL_NAMES);
  const feature = oneOf(given.feature ?? DEFAULT_FEATURE[source], `${path}.feature`, FEATURES);
  if (!SOURCES[feature].includes(source)) {
    fail(`${path}.feature`, `'${feature}' applies to ${SOURCES[feature].join(', ')}, not ${source}`, feature);
  }
  const allow = (keys: readonly string[]): void => {
    object(given, path, ['source', 'feature', ...keys]);
  };
  switch (feature) {
    case 'level':
      allow([]);
      return { source: 'gsr', feature };
    case 'raw':
      allow([]);
      return { source, feature };
    case 'heart-rate': {
      allow(['minBpm', 'maxBpm']);
      const minBpm = number(given.minBpm ?? 30, `${path}.minBpm`, 1, 600);
      return { source: 'ecg', feature, minBpm, maxBpm: number(given.maxBpm ?? 220, `${path}.maxBpm`, minBpm, 600, true) };
    }
    case 'bandpass': {
      allow(['lowHz', 'highHz']);
      const isEcg = source === 'ecg';
      const lowHz = optionalHz(given, 'lowHz', isEcg ? 0.5 : 20, path);
      const highHz = optionalHz(given, 'highHz', isEcg ? 40 : null, path);
      if (lowHz !== null && highHz !== null && highHz <= lowHz) fail(`${path}.highHz`, `must be above lowHz ${lowHz}`, highHz);
      return { source: source as 'ecg' | EmgChannelName, feature, lowHz, highHz };
    }
    case 'envelope': {
      allow(['highPassHz', 'lowPassHz', 'windowSeconds', 'log']);
      const highPassHz = number(given.highPassHz ?? 20, `${path}.highPassHz`, 0, 1e6, true);
      const lowPassHz = optionalHz(given, 'lowPassHz', null, path);
      if (lowPassHz !== null && lowPassHz <= highPassHz) fail(`${path}.lowPassHz`, `must be above highPassHz ${highPassHz}`, lowPassHz);
      return {
        source: source as EmgChannelName,
        feature,
        highPassHz,
        lowPassHz,
        windowSeconds: number(given.windowSeconds ?? 0.25, `${path}.windowSeconds`, 0, preprocess.windowSeconds, true),
        log: boolean(given.log ?? false, `${path}.log`),
      };
    }
  }
}

/** A positive frequency or `null`; absent gives `fallback`. */
function optionalHz(given: JsonObject, key: string, fallback: number | null, path: string): number | null {
  const value = key in given ? given[key] : fallback;
  return value === null ? null : number(value, `${path}.${key}`, 0, 1e6, true);
}
