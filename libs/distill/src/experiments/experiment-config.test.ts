import { describe, expect, it } from 'vitest';
import { baselineRunId, experimentConfigHash, finalStudentId, profileDefaults, resolveExperimentConfig, resolveViews, studentIds, studentRuns, studentView, teacherRuns } from './experiment-config.js';

/** The message of the `CONFIG_INVALID` error `input` raises (fails the test when it raises none). */
function configError(input: unknown): string {
  try {
    resolveExperimentConfig(input);
  } catch (error) {
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    return (error as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

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
    const message = configError(bad);
    expect(message).toContain('runs[0].loss.kd.temperature');
    expect(message).toContain('training');
    expect(message).toContain('epocs');
  });

  it('rejects duplicate and reserved run ids', () => {
    const runs = [{ id: 'student-kd', loss: { ce: 1 } }, { id: 'student-kd', loss: { ce: 1 } }, { id: 'teacher', loss: { ce: 1 } }];
    expect(() => resolveExperimentConfig({ runs })).toThrow(/runs\[1\]\.id: duplicate run id "student-kd"[\s\S]*runs\[2\]\.id: "teacher" is reserved for a teacher/);
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
    expect(studentRuns(c)[0]!.training.learningRate).toBe(0.01);
    expect(teacherRuns(c)[0]!.training.learningRate).toBe(c.training.learningRate);
  });
});

describe('views, references, sizes and presets', () => {
  it('expands a size family into one student per run and size, size-major, with merged arch configs', () => {
    const c = resolveExperimentConfig({
      student: { arch: 'student-tiny', config: { hiddenUnits: 8 }, view: 'lab', sizes: [{ id: 'xs', config: { filters: [2] , kernelSizes: [3] } }, { id: 'l', config: {} }] },
      runs: [{ id: 'student-ce', loss: { ce: 1 } }, { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } }],
    });
    expect(studentIds(c)).toEqual(['student-ce@xs', 'student-kd@xs', 'student-ce@l', 'student-kd@l']);
    const runs = studentRuns(c);
    expect(runs[0]).toMatchObject({ method: 'student-ce', size: 'xs', view: 'lab', teacher: 'teacher' });
    expect(runs[0]!.net.config).toMatchObject({ hiddenUnits: 8, filters: [2], kernelSizes: [3] });
    expect(runs[3]!.net.config).toMatchObject({ hiddenUnits: 8 });
    expect(finalStudentId(c)).toBe('student-kd@l');
  });

  it('names the path of every broken reference between views, teachers, runs and sizes', () => {
    const bad = {
      teacher: { view: 'nope' },
      references: [{ id: 'teacher', net: { arch: 'teacher-cnn' }, view: 'lab' }],
      student: { view: 'lab', sizes: [{ id: 'a' }, { id: 'a' }] },
      runs: [
        { id: 'student-ce', loss: { ce: 1 }, net: { arch: 'student-tiny' } },
        { id: 'student-kd', loss: { ce: 1, kd: { weight: 1, temperature: 2 } }, teacher: 'ghost' },
      ],
      baseline: 'student-kd',
    };
    const message = configError(bad);
    expect(message).toContain('teacher.view: unknown view "nope"');
    expect(message).toContain('references[0].id: "teacher" is already a teacher id');
    expect(message).toContain('student.sizes[1].id: duplicate size id "a"');
    expect(message).toContain('runs[0].net: a run cannot override the net');
    expect(message).toContain('runs[1].teacher: unknown teacher "ghost"');
    expect(message).toContain('baseline: "student-kd" distils from a teacher');
  });

  it('picks the CE-only baseline: student-ce, else the first run without distillation, else none', () => {
    expect(baselineRunId(resolveExperimentConfig())).toBe('student-ce');
    const kd = { ce: 0.5, kd: { weight: 0.5, temperature: 2 } };
    expect(baselineRunId(resolveExperimentConfig({ runs: [{ id: 'kd', loss: kd }, { id: 'plain', loss: { ce: 1 } }] }))).toBe('plain');
    expect(baselineRunId(resolveExperimentConfig({ runs: [{ id: 'kd', loss: kd }] }))).toBeUndefined();
    expect(() => resolveExperimentConfig({ baseline: 'nope' })).toThrow(/baseline: "nope" is not auto or a run id/);
  });

  it('resolves the privileged preset: a five-channel lab teacher, a GSR-only reference, 4 Hz wrist students at four sizes', () => {
    for (const profile of ['quick', 'full'] as const) {
      const c = resolveExperimentConfig({}, { preset: 'privileged', profile });
      expect(c.preset).toBe('privileged');
      expect(c.task).toBe('binary');
      expect(c.cv.repeats).toBeGreaterThanOrEqual(2);
      const views = resolveViews(c);
      expect(views.lab!.channels.map((ch) => ch.source)).toEqual(['gsr', 'ecg', 'emg_trapezius', 'emg_corrugator', 'emg_zygomaticus']);
      expect(views['lab-gsr']!.channels).toHaveLength(1);
      expect(studentView(c).preprocess.sampleRate).toBe(4);
      expect(studentView(c).wearable).not.toBeNull();
      expect(teacherRuns(c).map((t) => [t.id, t.view])).toEqual([['teacher', 'lab'], ['teacher-gsr', 'lab-gsr']]);
      expect(c.student.sizes!.length).toBeGreaterThanOrEqual(4);
      expect(studentRuns(c).find((s) => s.id === 'student-kd-gsr@xs')!.teacher).toBe('teacher-gsr');
    }
    expect(resolveExperimentConfig({ preset: 'privileged' }).synthetic.subjects).toBe(24);
    expect(() => resolveExperimentConfig({}, { preset: 'lab' })).toThrow(/preset: expected "default" or "privileged"/);
  });

  it('keeps the default preset a single GSR view shared by teacher and students', () => {
    const c = resolveExperimentConfig();
    expect(Object.keys(c.views)).toEqual(['lab']);
    expect(c.teacher.view).toBe('lab');
    expect(studentView(c).channels).toEqual([expect.objectContaining({ source: 'gsr' })]);
    expect(studentView(c).preprocess.windowSamples).toBe(176);
  });

  it('hashes what decides the results, not how the run is executed', () => {
    const base = resolveExperimentConfig();
    expect(experimentConfigHash(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(experimentConfigHash(resolveExperimentConfig({ workers: 1, backend: 'cpu' }))).toBe(experimentConfigHash(base));
    expect(experimentConfigHash(resolveExperimentConfig({ seed: 43 }))).not.toBe(experimentConfigHash(base));
    expect(experimentConfigHash(resolveExperimentConfig({}, { preset: 'privileged' }))).not.toBe(experimentConfigHash(base));
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
