/**
 * @module Every step of a view but normalisation: each channel of one recording window becomes its
 * feature at the model rate, `windowSamples` long, in Float64. The GSR source goes through the
 * wearable degradation first when the view has one. Shared by `preprocessView` and the per-subject
 * statistics, so both see the same values.
 */
import { SignalsError } from '../errors.js';
import { rmsEnvelope } from '../features/rms-envelope.js';
import { heartRateTrace } from '../features/heart-rate-trace.js';
import { detectRPeaks } from '../features/r-peaks.js';
import { bandSections } from '../filters/butterworth.js';
import { sosFiltfilt } from '../filters/sos-filtfilt.js';
import { assertNumber, invalidArgument, type SignalLike } from '../preprocess/arguments.js';
import { fillMissing } from '../preprocess/fill-missing.js';
import { padOrTruncate } from '../preprocess/pad-or-truncate.js';
import type { PreprocessConfig } from '../preprocess/preprocess-config.js';
import { assertWindowDuration, shapeWindow } from '../preprocess/preprocess-window.js';
import { resample } from '../preprocess/resample.js';
import { degradeToWearable, type WearableSignal } from '../wearable/degrade-to-wearable.js';
import type { WearableConfig } from '../wearable/wearable-config.js';
import type { ViewChannel, ViewConfig, ViewRecording } from './view-config.js';

/**
 * The shaped (not yet normalised) channels of one window, in `view.channels` order.
 *
 * @param seed - this window's seed; required when `view.wearable` is set.
 * @throws SignalsError `VIEW_MISSING_CHANNEL` at `recording.channels.<name>`; `SIGNAL_INVALID_ARGUMENT`
 *   (a window of the wrong duration, a filter edge at or above the source's Nyquist, no seed for a
 *   wearable view), `SIGNAL_TOO_MUCH_MISSING` and `SIGNAL_NO_HEARTBEAT`, each at the channel's path.
 *
 * @example
 * const [gsr, heartRate] = shapeView(recording, parseViewConfig({ channels: [{ source: 'gsr' }, { source: 'ecg' }] }));
 */
export function shapeView(recording: ViewRecording, view: ViewConfig, seed?: number): Float64Array[] {
  assertNumber('recording.sampleRate', recording.sampleRate, Number.MIN_VALUE);
  let device: WearableSignal | undefined;
  return view.channels.map((channel, index) => {
    const path = `recording.channels.${channel.source}`;
    const samples = recording.channels[channel.source];
    if (samples === undefined) {
      throw new SignalsError(
        'VIEW_MISSING_CHANNEL',
        `the view reads ${channel.source} (channel ${index}); the recording has no such channel`,
        { path },
        { channel: channel.source, index, available: Object.keys(recording.channels) },
      );
    }
    if (channel.source !== 'gsr' || view.wearable === null) {
      return shapeChannel(samples, recording.sampleRate, channel, view.preprocess, path, index);
    }
    device ??= wearableSignal(samples, recording.sampleRate, view.wearable, view.preprocess, seed, path);
    return shapeChannel(device.samples, device.sampleRate, channel, view.preprocess, path, index);
  });
}

/** The lab GSR (duration checked, missing values filled) through the wearable sensor. */
function wearableSignal(
  samples: SignalLike,
  sampleRate: number,
  wearable: WearableConfig,
  preprocess: PreprocessConfig,
  seed: number | undefined,
  path: string,
): WearableSignal {
  if (seed === undefined) invalidArgument('options.seed', 'is required when the view has a wearable sensor (one seed per window)');
  assertWindowDuration(samples, sampleRate, preprocess, path);
  return degradeToWearable(fillMissing(samples, { ...preprocess.missing, path }), sampleRate, wearable, seed);
}

function shapeChannel(samples: SignalLike, sampleRate: number, channel: ViewChannel, preprocess: PreprocessConfig, path: string, index: number): Float64Array {
  if (channel.feature === 'level') return shapeWindow(samples, sampleRate, preprocess, path);
  assertWindowDuration(samples, sampleRate, preprocess, path);
  const x = fillMissing(samples, { ...preprocess.missing, path });
  const edge = (hz: number | null, name: string): void => {
    if (hz !== null && hz >= sampleRate / 2) {
      invalidArgument(`view.channels[${index}].${name}`, `${hz} Hz is not below the Nyquist frequency of ${path} (${sampleRate / 2} Hz)`, { value: hz, sampleRate });
    }
  };
  switch (channel.feature) {
    case 'raw':
      return rawAtModelRate(x, sampleRate, preprocess);
    case 'bandpass':
      edge(channel.lowHz, 'lowHz');
      edge(channel.highHz, 'highHz');
      return rawAtModelRate(sosFiltfilt(bandSections(channel.lowHz, channel.highHz, sampleRate), x), sampleRate, preprocess);
    case 'envelope': {
      edge(channel.highPassHz, 'highPassHz');
      edge(channel.lowPassHz, 'lowPassHz');
      const envelope = rawAtModelRate(rmsEnvelope(x, sampleRate, channel), sampleRate, preprocess);
      if (channel.log) for (let i = 0; i < envelope.length; i++) envelope[i] = Math.log1p(Math.max(0, envelope[i]));
      return envelope;
    }
    case 'heart-rate':
      return heartRateTrace(detectRPeaks(x, sampleRate), {
        sampleRate: preprocess.sampleRate,
        length: preprocess.windowSamples,
        minBpm: channel.minBpm,
        maxBpm: channel.maxBpm,
        path,
      });
  }
}

/** Resample to the model rate, then pad or truncate to the window (steps 4–5 of the GSR chain). */
function rawAtModelRate(x: SignalLike, sampleRate: number, preprocess: PreprocessConfig): Float64Array {
  return padOrTruncate(resample(x, sampleRate, preprocess.sampleRate, preprocess.resampling), preprocess.windowSamples, {
    mode: preprocess.length.padMode,
  });
}
