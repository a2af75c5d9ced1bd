/** @module Public exports of the artifact writer and the per-fold int8 evaluation. */
export { foldInt8Logits, type FoldInt8Logits, type FoldInt8Options } from './fold-int8-logits.js';
export { writeArtifact, type ArtifactNet, type WriteArtifactOptions, type WrittenArtifact } from './write-artifact.js';
