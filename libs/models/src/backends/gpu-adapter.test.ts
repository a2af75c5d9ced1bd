import { describe, expect, it } from 'vitest';
import { adapterInfoOf, describeAdapter } from './gpu-adapter.js';

/** An adapter whose `info` has the given fields (the rest empty). */
function adapter(fields: Record<string, unknown>): { info: GPUAdapterInfo } {
  const all = { vendor: '', architecture: '', device: '', description: '', ...fields };
  return { info: Object.create(null, Object.fromEntries(Object.entries(all).map(([key, value]) => [key, { value }]))) };
}

describe('adapterInfoOf', () => {
  it('marks CPU implementations as software: the fallback flag, the software architecture, or a known name', () => {
    expect(adapterInfoOf(adapter({ vendor: 'mesa', architecture: 'software', device: 'llvmpipe-llvm-15', description: 'llvmpipe: Mesa 25.0.7' })).software).toBe(true);
    expect(adapterInfoOf(adapter({ vendor: 'google', device: 'SwiftShader Device (Subzero)' })).software).toBe(true);
    expect(adapterInfoOf(adapter({ vendor: 'x', architecture: 'y', isFallbackAdapter: true })).software).toBe(true);
    const h100 = adapterInfoOf(adapter({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100 80GB HBM3', description: 'NVIDIA: 550.54.15', isFallbackAdapter: false }));
    expect(h100).toEqual({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100 80GB HBM3', description: 'NVIDIA: 550.54.15', software: false });
  });
});

describe('describeAdapter', () => {
  it('names vendor, architecture and device, adding the description only when it says more', () => {
    const info = { vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100', description: 'NVIDIA: 550.54.15', software: false };
    expect(describeAdapter(info)).toBe('nvidia hopper · NVIDIA H100 (NVIDIA: 550.54.15)');
    expect(describeAdapter({ ...info, description: 'NVIDIA H100' })).toBe('nvidia hopper · NVIDIA H100');
    expect(describeAdapter({ vendor: '', architecture: '', device: '', description: '', software: false })).toBe('unknown vendor · unknown device');
  });
});
