/**
 * @module Why Dawn found no WebGPU adapter on Linux, in one line: no Vulkan loader, no Vulkan
 * driver, a Mesa lavapipe too old for Dawn (Debian 12's Mesa 22.3 lacks
 * `shaderUniform*ArrayDynamicIndexing`; Mesa ≥ 25 works), or drivers that exist but offer no
 * usable device. Dawn itself only prints a warning to stderr and returns a null adapter.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The oldest Mesa major release whose lavapipe Dawn accepts (25.0 measured; 22.3 refused). */
export const MESA_MIN_MAJOR = 25;

/** What {@link diagnoseNoAdapter} inspects; every field defaults to this machine. */
export interface VulkanProbe {
  /** `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** Environment (`VK_DRIVER_FILES`, `VK_ICD_FILENAMES`, `XDG_DATA_DIRS`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Whether `libvulkan.so.1` can be loaded (default: asks the dynamic linker). */
  readonly loaderFound?: () => boolean;
  /** Folders searched for Vulkan ICD manifests when the environment names none. */
  readonly icdDirs?: readonly string[];
}

/** One installed Vulkan driver: its ICD manifest and the library it names. */
interface Icd {
  readonly manifest: string;
  readonly library: string;
}

const NVIDIA_HINT = "on NVIDIA install the driver's Vulkan ICD (nvidia_icd.json; in containers NVIDIA_DRIVER_CAPABILITIES must include graphics)";
const MESA_HINT = `for the software device install mesa-vulkan-drivers >= ${MESA_MIN_MAJOR} (bookworm-backports on Debian 12; scripts/ensure-system.sh does it)`;

/**
 * Whether the dynamic linker finds the Vulkan loader — the same `dlopen("libvulkan.so.1")` Dawn
 * makes. Node's `process.dlopen` loads the library, then refuses it as a Node module ("did not
 * self-register"): that error means found, "cannot open shared object file" means missing.
 */
function vulkanLoaderFound(): boolean {
  try {
    process.dlopen({ exports: {} } as NodeJS.Module, 'libvulkan.so.1');
    return true;
  } catch (error) {
    return !/cannot open shared object file|image not found|no such file/i.test(error instanceof Error ? error.message : String(error));
  }
}

function defaultIcdDirs(env: NodeJS.ProcessEnv): string[] {
  const data = (env['XDG_DATA_DIRS'] || '/usr/local/share:/usr/share').split(':').filter((d) => d !== '');
  return ['/etc/vulkan/icd.d', ...data.map((d) => join(d, 'vulkan', 'icd.d'))];
}

function readIcd(manifest: string): Icd | undefined {
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { ICD?: { library_path?: unknown } };
    const library = parsed.ICD?.library_path;
    return typeof library === 'string' ? { manifest, library } : undefined;
  } catch {
    return undefined;
  }
}

function installedIcds(env: NodeJS.ProcessEnv, dirs: readonly string[]): Icd[] {
  const listed = (env['VK_DRIVER_FILES'] || env['VK_ICD_FILENAMES'] || '').split(':').filter((f) => f !== '');
  const manifests =
    listed.length > 0
      ? listed
      : dirs.flatMap((dir) => {
          try {
            return readdirSync(dir)
              .filter((f) => f.endsWith('.json'))
              .map((f) => join(dir, f));
          } catch {
            return [];
          }
        });
  return manifests.flatMap((m) => readIcd(m) ?? []);
}

/** The Mesa version a driver library carries (`Mesa 22.3.6`), or undefined. */
function mesaVersion(library: string): string | undefined {
  const candidates = library.includes('/') ? [library] : ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'].map((d) => join(d, library));
  const path = candidates.find((p) => existsSync(p));
  if (!path) return undefined;
  return /Mesa (\d+\.\d+(?:\.\d+)?)/.exec(readFileSync(path).toString('latin1'))?.[1];
}

/**
 * One line saying why no WebGPU adapter was found, and what to install.
 *
 * @example
 * ```ts
 * diagnoseNoAdapter(); // 'Mesa lavapipe 22.3.6 is too old for Dawn (…); install mesa-vulkan-drivers >= 25 …'
 * ```
 */
export function diagnoseNoAdapter(probe: VulkanProbe = {}): string {
  const platform = probe.platform ?? process.platform;
  if (platform !== 'linux') return `Dawn found no GPU adapter on ${platform}`;
  const env = probe.env ?? process.env;
  if (!(probe.loaderFound ?? vulkanLoaderFound)()) return 'no Vulkan loader (libvulkan.so.1 not found): install libvulkan1 (scripts/ensure-system.sh does)';
  const icds = installedIcds(env, probe.icdDirs ?? defaultIcdDirs(env));
  if (icds.length === 0) return `no Vulkan driver installed: ${NVIDIA_HINT}; ${MESA_HINT}`;
  const lavapipe = icds.find((icd) => /libvulkan_lvp\.so/.test(icd.library));
  const version = lavapipe ? mesaVersion(lavapipe.library) : undefined;
  if (version !== undefined && Number(version.split('.')[0]) < MESA_MIN_MAJOR) {
    return `Mesa lavapipe ${version} is too old for Dawn (it lacks shaderUniform*ArrayDynamicIndexing): install mesa-vulkan-drivers >= ${MESA_MIN_MAJOR} (bookworm-backports on Debian 12; scripts/ensure-system.sh does it)`;
  }
  const names = icds.map((icd) => icd.manifest.split('/').pop()).join(', ');
  return `Dawn found no usable Vulkan adapter (drivers: ${names}): ${NVIDIA_HINT}; ${MESA_HINT}`;
}
