import { describe, expect, it } from 'vitest';
import { finalStudentId, profileDefaults, resolveExperimentConfig, trainingFor } from './experiment-config.js';

describe('resolveExperimentConfig', () => {
  it('gives the quick profile by default and the full protocol on request', () => {
    const quick = resolveExperimentConfig();
    expect(quick.profile).toBe('quick');
    expect(quick.runs.map((r) => r.id)).toContain('student-dkd');
    const full = resolveExperimentConfig({}, { profile: 'full' });
    expect(full.synthetic).toEqual({ subjects: 87, windowsPerClass: 20, seed: 1 });
    expect(full.cv.folds).toBe(5);
  });

  it('merges a file over the profile and flags over the file', () => {
    const c = resolveExperimentConfig({ seed: 3, training: { epochs: 2 }, cv: { folds: 4 } }, { seed: 9, cv: { scheme: 'loso' } });
    expect(c.seed).toBe(9);
    expect(c.training.epochs).toBe(2);
    expect(c.training.batchSize).toBe(profileDefaults('quick').training.batchSize);
    expect(c.cv).toMatchObject({ folds: 4, scheme: 'loso' });
  });

  it('names the JSON path of every problem', () => {
    const bad = {
      runs: [{ id: 'student-kd', loss: { ce: 1, kd: { weight: 0.5, temperature: 0 } } }],
      training: { epocs: 3 },
    };
    let message = '';
    try {
      resolveExperimentConfig(bad);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
      message = (error as Error).message;
    }
    expect(message).toContain('runs[0].loss.kd.temperature');
    expect(message).toContain('training');
    expect(message).toContain('epocs');
  });

  it('rejects duplicate and reserved run ids', () => {
    const runs = [{ id: 'student-kd', loss: { ce: 1 } }, { id: 'student-kd', loss: { ce: 1 } }, { id: 'teacher', loss: { ce: 1 } }];
    expect(() => resolveExperimentConfig({ runs })).toThrow(/runs\[1\]\.id: duplicate run id "student-kd"[\s\S]*runs\[2\]\.id: "teacher" is reserved/);
  });

  it('picks the final student: auto prefers student-kd, best waits for CV, an id is kept', () => {
    expect(finalStudentId(resolveExperimentConfig())).toBe('student-kd');
    expect(finalStudentId(resolveExperimentConfig({ runs: [{ id: 'a', loss: { ce: 1 } }] }))).toBe('a');
    expect(finalStudentId(resolveExperimentConfig({ final: { student: 'best' } }))).toBeUndefined();
  });

  it('checks that the final student is a run and validates the preprocessing block', () => {
    expect(() => resolveExperimentConfig({ final: { student: 'nope' } })).toThrow(/final\.student/);
    expect(() => resolveExperimentConfig({ preprocess: { sampleRate: -1 } })).toThrow(/preprocess\.sampleRate/);
    expect(() => resolveExperimentConfig([])).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('lets a run override training settings', () => {
    const c = resolveExperimentConfig({ runs: [{ id: 'student-ce', loss: { ce: 1 }, training: { learningRate: 0.01 } }], final: { student: 'student-ce' } });
    expect(trainingFor(c, c.runs[0]).learningRate).toBe(0.01);
    expect(trainingFor(c).learningRate).toBe(c.training.learningRate);
  });
});

describe('resolveExperimentConfig loss terms', () => {
  it('accepts the cross-modal terms and leaves the default runs as they were', () => {
    const loss = { ce: 0.5, cosine: { weight: 0.2, align: 'project' }, rkd: { distanceWeight: 25, angleWeight: 50 }, sp: { weight: 3000 } };
    expect(resolveExperimentConfig({ runs: [{ id: 'student-x', loss }] }).runs[0].loss).toEqual(loss);
    expect(resolveExperimentConfig().runs.find((r) => r.id === 'student-cosine')!.loss).toEqual({ ce: 0.75, cosine: { weight: 0.25 } });
  });

  it('names the path of a bad alignment or RKD weight', () => {
    const runs = [{ id: 'student-x', loss: { ce: 1, cosine: { weight: 1, align: 'crop' }, rkd: { distanceWeight: -1, angleWeight: 50 } } }];
    expect(() => resolveExperimentConfig({ runs })).toThrow(/runs\[0\]\.loss\.cosine\.align[\s\S]*runs\[0\]\.loss\.rkd\.distanceWeight/);
    expect(() => resolveExperimentConfig({ runs: [{ id: 'student-x', loss: { ce: 1, rkd: { weight: 1 } } }] })).toThrow(/rkd/);
  });
});
