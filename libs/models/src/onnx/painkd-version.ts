/** @module The painkd version written into ONNX files and manifests (the @painkd/models package version). */
import pkg from '../../package.json' with { type: 'json' };

/** The painkd version, e.g. `0.1.0`. */
export const PAINKD_VERSION: string = pkg.version;
