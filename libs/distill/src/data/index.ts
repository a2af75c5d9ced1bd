/** @module Public exports of the dataset part of @painkd/distill. */
export * from './window-dataset.js';
export { viewDatasetsHash } from './dataset-hash.js';
