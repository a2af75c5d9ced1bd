/** @module Output length and padding of a 1-D convolution, TensorFlow conventions. */

/** Lengths and explicit padding of one 1-D convolution. */
export interface Conv1dGeometry {
  readonly inLength: number;
  readonly outLength: number;
  /** Zeros added before the first sample. */
  readonly padLeft: number;
  /** Zeros added after the last sample. */
  readonly padRight: number;
}

/**
 * Computes a conv1d's geometry: `valid` pads nothing; `same` gives `ceil(L / stride)` outputs and
 * pads `max((out − 1)·stride + K − L, 0)` zeros, the odd one at the end (TF/tfjs `SAME`, ONNX
 * `SAME_UPPER`).
 *
 * @example
 * conv1dGeometry(176, 7, 2, 'same'); // { inLength: 176, outLength: 88, padLeft: 2, padRight: 3 }
 */
export function conv1dGeometry(inLength: number, kernelSize: number, stride: number, padding: 'same' | 'valid'): Conv1dGeometry {
  if (padding === 'valid') {
    return { inLength, outLength: Math.floor((inLength - kernelSize) / stride) + 1, padLeft: 0, padRight: 0 };
  }
  const outLength = Math.ceil(inLength / stride);
  const total = Math.max((outLength - 1) * stride + kernelSize - inLength, 0);
  const padLeft = Math.floor(total / 2);
  return { inLength, outLength, padLeft, padRight: total - padLeft };
}
