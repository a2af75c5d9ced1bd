import { describe, expect, it } from 'vitest';
import { describedViews, normalizationScope, subjectScopedViews, transductiveNote, TRANSDUCTIVE_LABEL } from './report-views.js';
import { privilegedSampleReport, sampleReport } from '../testing/sample-report.js';

describe('report views', () => {
  it('describes views only when teacher and students do not share one lab view', () => {
    expect(describedViews(privilegedSampleReport()).map((v) => v.name)).toEqual(['lab', 'lab-gsr', 'wrist']);
    expect(describedViews(sampleReport())).toEqual([]);
    const wearableOnly = sampleReport();
    const views = wearableOnly.data.views?.map((v) => ({ ...v, wearable: true }));
    expect(describedViews({ data: { ...wearableOnly.data, views } })).toHaveLength(1);
  });

  it('resolves the normalisation scope as the runner merges it: a view replaces the base normalisation', () => {
    const config = { preprocess: { normalization: { scope: 'subject' } }, views: { a: {}, b: { preprocess: { normalization: { method: 'minmax' } } } } };
    expect(normalizationScope(config, 'a')).toBe('subject');
    expect(normalizationScope(config, 'b')).toBe('window');
    expect(normalizationScope({}, undefined)).toBe('window');
  });

  it('labels subject-scoped views as transductive, and nothing else', () => {
    const report = privilegedSampleReport();
    expect(subjectScopedViews(report)).toEqual(['wrist']);
    expect(transductiveNote(report)).toBe(`Normalisation scope 'subject' (view wrist) — ${TRANSDUCTIVE_LABEL}.`);
    expect(transductiveNote(sampleReport())).toBeUndefined();
    const { views: _v, ...data } = sampleReport().data;
    const old = { config: { preprocess: { normalization: { method: 'zscore', scope: 'subject' } } }, data };
    expect(transductiveNote(old)).toBe(`Normalisation scope 'subject' — ${TRANSDUCTIVE_LABEL}.`);
    expect(subjectScopedViews({ config: { views: { lab: {}, wrist: {} }, preprocess: { normalization: { scope: 'subject' } } }, data })).toEqual(['lab', 'wrist']);
  });
});
