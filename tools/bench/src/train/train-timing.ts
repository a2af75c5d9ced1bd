/**
 * @module Timing of training steps, shared by the painkd and PyTorch sides of `bench:train`:
 * warm-up steps, then several timing windows, keeping the best window per clock — wall time,
 * and process CPU time (user + system), which other load on a shared machine does not inflate.
 */

/** Time per training step and the resulting throughput. */
export interface TrainTiming {
  readonly steps: number;
  readonly wallMsPerStep: number;
  readonly cpuMsPerStep: number;
  readonly samplesPerSecWall: number;
  readonly samplesPerSecCpu: number;
}

/** How long to measure. */
export interface TimingPlan {
  readonly warmup: number;
  /** Timing windows; the best one counts. */
  readonly windows: number;
  /** Minimum seconds per window (each window runs at least `minSteps`). */
  readonly seconds: number;
  readonly minSteps: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs `step` per `plan` and returns the best window's time per step, by each clock. A step may
 * only queue its work (a GPU backend): `settle` then waits for everything queued, before the
 * warm-up ends and before each window's clocks are read, so a window times finished work.
 *
 * @example
 * const t = await timeSteps(() => adam.minimize(loss, vars), 64, { warmup: 5, windows: 5, seconds: 1, minSteps: 2 });
 */
export async function timeSteps(step: () => void | Promise<void>, batch: number, plan: TimingPlan, settle: () => Promise<void> = async () => undefined): Promise<TrainTiming> {
  for (let i = 0; i < plan.warmup; i++) await step();
  await settle();
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let total = 0;
  for (let w = 0; w < plan.windows; w++) {
    const wall0 = performance.now();
    const cpu0 = cpuMs();
    let steps = 0;
    let wall = 0;
    do {
      await step();
      steps++;
      wall = performance.now() - wall0;
    } while (wall < plan.seconds * 1000 || steps < plan.minSteps);
    await settle();
    wall = performance.now() - wall0;
    bestWall = Math.min(bestWall, wall / steps);
    bestCpu = Math.min(bestCpu, (cpuMs() - cpu0) / steps);
    total += steps;
  }
  return {
    steps: total,
    wallMsPerStep: bestWall,
    cpuMsPerStep: bestCpu,
    samplesPerSecWall: (batch * 1000) / bestWall,
    samplesPerSecCpu: (batch * 1000) / bestCpu,
  };
}
