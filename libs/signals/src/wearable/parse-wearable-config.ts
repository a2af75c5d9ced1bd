/**
 * @module Validation of an untrusted (JSON) wearable configuration: defaults for missing fields,
 * `null` switches motion artefacts or dropouts off, and every bad field is a `VIEW_INVALID_CONFIG`
 * error whose location is its JSON path (`$.wearable.rangeUs.max`).
 */
import { configFields, fieldOr } from '../config/config-fields.js';
import { DEFAULT_WEARABLE_CONFIG, type WearableConfig, type WearableDropoutConfig, type WearableMotionConfig } from './wearable-config.js';

const { object, merged, number, sampleRate: readSampleRate } = configFields('VIEW_INVALID_CONFIG');

/**
 * Validates `input` into a {@link WearableConfig}; missing fields (nested ones too) take their
 * values from {@link DEFAULT_WEARABLE_CONFIG}.
 *
 * @param path - JSON path of `input`, used in error locations (default `$`).
 * @throws SignalsError `VIEW_INVALID_CONFIG` at the JSON path of the first bad field.
 *
 * @example
 * parseWearableConfig({ noiseUs: 0.02, motion: null }, '$.wearable').sampleRate; // 4
 */
export function parseWearableConfig(input: unknown = {}, path = '$'): WearableConfig {
  const root = object(input, path, Object.keys(DEFAULT_WEARABLE_CONFIG));
  const field = (key: keyof WearableConfig): unknown => fieldOr(root, DEFAULT_WEARABLE_CONFIG, key);
  const sampleRate = readSampleRate(field('sampleRate'), `${path}.sampleRate`);
  const resolutionUs = number(field('resolutionUs'), `${path}.resolutionUs`, 0, 1e6);
  const rangeIn = merged(field('rangeUs'), DEFAULT_WEARABLE_CONFIG.rangeUs, `${path}.rangeUs`, ['min', 'max']);
  const min = number(rangeIn.min, `${path}.rangeUs.min`, -1e6, 1e6);
  const max = number(rangeIn.max, `${path}.rangeUs.max`, min + Math.max(resolutionUs, Number.MIN_VALUE), 1e6);
  const noiseUs = number(field('noiseUs'), `${path}.noiseUs`, 0, 1e6);

  const motionValue = field('motion');
  let motion: WearableMotionConfig | null = null;
  if (motionValue !== null) {
    const p = `${path}.motion`;
    const given = merged(motionValue, DEFAULT_WEARABLE_CONFIG.motion, p, ['ratePerMinute', 'minSeconds', 'maxSeconds', 'edgeSeconds', 'maxRelativeAmplitude']);
    const minSeconds = number(given.minSeconds, `${p}.minSeconds`, 0, 3600, true);
    motion = {
      ratePerMinute: number(given.ratePerMinute, `${p}.ratePerMinute`, 0, 600),
      minSeconds,
      maxSeconds: number(given.maxSeconds, `${p}.maxSeconds`, minSeconds, 3600),
      edgeSeconds: number(given.edgeSeconds, `${p}.edgeSeconds`, 0, 3600),
      maxRelativeAmplitude: number(given.maxRelativeAmplitude, `${p}.maxRelativeAmplitude`, 0, 0.99),
    };
  }

  const dropoutsValue = field('dropouts');
  let dropouts: WearableDropoutConfig | null = null;
  if (dropoutsValue !== null) {
    const p = `${path}.dropouts`;
    const given = merged(dropoutsValue, DEFAULT_WEARABLE_CONFIG.dropouts, p, ['ratePerMinute', 'minSeconds', 'maxSeconds', 'maxFraction']);
    const minSeconds = number(given.minSeconds, `${p}.minSeconds`, 0, 3600, true);
    dropouts = {
      ratePerMinute: number(given.ratePerMinute, `${p}.ratePerMinute`, 0, 600),
      minSeconds,
      maxSeconds: number(given.maxSeconds, `${p}.maxSeconds`, minSeconds, 3600),
      maxFraction: number(given.maxFraction, `${p}.maxFraction`, 0, 1),
    };
  }
  return { sampleRate, resolutionUs, rangeUs: { min, max }, noiseUs, motion, dropouts };
}
