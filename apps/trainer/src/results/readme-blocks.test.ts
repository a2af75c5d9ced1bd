import { describe, expect, it } from 'vitest';
import { replaceBlocks } from './readme-blocks.js';

describe('replaceBlocks', () => {
  const readme = 'intro\n<!-- results:a -->\nold a\n<!-- /results:a -->\nmiddle\n<!-- results:b -->\n<!-- /results:b -->\nend\n';

  it('replaces each named block whole and leaves the rest alone', () => {
    const out = replaceBlocks(readme, { a: '| new |', b: 'B' });
    expect(out).toBe('intro\n<!-- results:a -->\n| new |\n<!-- /results:a -->\nmiddle\n<!-- results:b -->\nB\n<!-- /results:b -->\nend\n');
    expect(replaceBlocks(out, { a: '| new |', b: 'B' })).toBe(out);
  });

  it('names a block the README lacks and a block nothing generates', () => {
    expect(() => replaceBlocks(readme, { a: '', b: '', c: '' })).toThrow(expect.objectContaining({ code: 'CLI_BAD_CONFIG', message: expect.stringContaining('"c"') }));
    expect(() => replaceBlocks(readme, { a: '' })).toThrow(/README block "b" has no generator/);
  });
});
