/**
 * @module Public exports of the io part of @painkd/signals: the BioVid format (pure: parse,
 * format, describe paths) and the Node-only readers, which load `node:fs` lazily on first call.
 */
export * from './biovid-format.js';
export * from './describe-biovid-path.js';
export * from './format-biovid-csv.js';
export * from './parse-biovid-csv.js';
export { loadBiovid, type LoadBiovidOptions, type LoadBiovidProgress, type LoadBiovidResult } from '../node/load-biovid.js';
export { readBiovidRecording, type ReadBiovidOptions } from '../node/read-biovid-recording.js';
export { scanBiovid, scanBiovidFiles, type BiovidScanResult, type BiovidSkippedFile } from '../node/scan-biovid.js';
