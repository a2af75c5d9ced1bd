/** The CLI as a user runs it: a child process, its exit code and its stderr. */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], options: { onStderr?: (text: string, kill: () => void) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@painkd/source', '--import', 'tsx', 'src/main.ts', ...args], { cwd: appDir, env: { ...process.env, INIT_CWD: appDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      options.onStderr?.(stderr, () => child.kill('SIGINT'));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('trainer:distill as a process', () => {
  it('prints the usage for --help and rejects bad flags, config and data with exit code 2 naming the culprit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-cli-'));
    const badJson = join(dir, 'bad.json');
    await writeFile(badJson, '{ "training": ');
    const badConfig = join(dir, 'bad-config.json');
    await writeFile(badConfig, JSON.stringify({ runs: [{ id: 'student-kd', loss: { ce: 1, kd: { weight: 1, temperature: -2 } } }] }));
    const [help, unknown, profile, json, config, data] = await Promise.all([
      cli(['--help']),
      cli(['--bogus']),
      cli(['--profile', 'huge']),
      cli(['--config', badJson]),
      cli(['--config', badConfig]),
      cli(['--data', join(dir, 'nowhere'), '--out', join(dir, 'out')]),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npx nx run trainer:distill');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown flag --bogus') });
    expect(profile).toMatchObject({ code: 2, stderr: expect.stringContaining('--profile: expected one of quick, full, got "huge"') });
    expect(json).toMatchObject({ code: 2, stderr: expect.stringContaining(`--config ${badJson}: not valid JSON`) });
    expect(config).toMatchObject({ code: 2, stderr: expect.stringContaining('runs[0].loss.kd.temperature') });
    expect(data).toMatchObject({ code: 2, stderr: expect.stringContaining(join(dir, 'nowhere')) });
    expect(await readdir(dir)).toEqual(['bad-config.json', 'bad.json']);
  }, 120_000);

  it('leaves no output, partial or not, when interrupted with Ctrl-C during training', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-sigint-'));
    const config = join(dir, 'c.json');
    await writeFile(config, JSON.stringify({ synthetic: { subjects: 6, windowsPerClass: 2 }, cv: { folds: 2 }, training: { epochs: 50, patience: 50 } }));
    let sent = false;
    const run = await cli(['--config', config, '--out', join(dir, 'out'), '--workers', '1'], {
      onStderr: (text, kill) => {
        if (!sent && text.includes(' epoch ')) {
          sent = true;
          kill();
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted: no output was written');
    expect(await readdir(dir)).toEqual(['c.json']);
  }, 120_000);
});
