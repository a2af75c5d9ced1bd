import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseNoAdapter } from './vulkan-diagnosis.js';

/** A folder with one ICD manifest per `libraries` entry, each naming a fake driver library that carries `mesa`. */
async function icdFolder(drivers: Record<string, string | null>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'painkd-icd-'));
  for (const [name, mesa] of Object.entries(drivers)) {
    const library = join(dir, `${name}.so`);
    await writeFile(library, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]), Buffer.from(mesa ? `\0llvmpipe: Mesa ${mesa} (LLVM 15.0.6)\0` : '\0no version\0', 'latin1')]));
    await writeFile(join(dir, `${name}.json`), JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: library, api_version: '1.3.0' } }));
  }
  return dir;
}

const linux = { platform: 'linux' as const, env: {}, loaderFound: () => true };

describe('diagnoseNoAdapter', () => {
  it('names the missing Vulkan loader first', () => {
    expect(diagnoseNoAdapter({ ...linux, loaderFound: () => false, icdDirs: [] })).toBe(
      'no Vulkan loader (libvulkan.so.1 not found): install libvulkan1 (scripts/ensure-system.sh does)',
    );
  });

  it('says when no Vulkan driver is installed, with the NVIDIA and Mesa remedies', async () => {
    const line = diagnoseNoAdapter({ ...linux, icdDirs: [join(tmpdir(), 'painkd-no-such-dir')] });
    expect(line).toMatch(/^no Vulkan driver installed: on NVIDIA install the driver's Vulkan ICD/);
    expect(line).toContain('NVIDIA_DRIVER_CAPABILITIES must include graphics');
    expect(line).toContain('mesa-vulkan-drivers >= 25');
  });

  it('recognises a lavapipe too old for Dawn by its Mesa version', async () => {
    const dir = await icdFolder({ libvulkan_lvp: '22.3.6' });
    expect(diagnoseNoAdapter({ ...linux, icdDirs: [dir] })).toMatch(/^Mesa lavapipe 22\.3\.6 is too old for Dawn \(it lacks shaderUniform\*ArrayDynamicIndexing\): install mesa-vulkan-drivers >= 25/);
  });

  it('lists the installed drivers when they are recent but offer no usable device, and reads VK_DRIVER_FILES first', async () => {
    const dir = await icdFolder({ libvulkan_lvp: '25.0.7', nvidia_icd: null });
    expect(diagnoseNoAdapter({ ...linux, icdDirs: [dir] })).toMatch(/^Dawn found no usable Vulkan adapter \(drivers: (libvulkan_lvp|nvidia_icd)\.json, (libvulkan_lvp|nvidia_icd)\.json\)/);
    const only = diagnoseNoAdapter({ ...linux, env: { VK_DRIVER_FILES: join(dir, 'nvidia_icd.json') }, icdDirs: [dir] });
    expect(only).toMatch(/\(drivers: nvidia_icd\.json\)/);
  });

  it('does not blame Vulkan on other platforms', () => {
    expect(diagnoseNoAdapter({ platform: 'darwin' })).toBe('Dawn found no GPU adapter on darwin');
  });

  it('finds the Vulkan loader on this machine (scripts/ensure-system.sh installs libvulkan1)', () => {
    expect(diagnoseNoAdapter({ icdDirs: [] })).not.toMatch(/no Vulkan loader/);
  });
});
