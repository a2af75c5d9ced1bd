/**
 * @module Generated blocks in a Markdown file: the text between `<!-- results:NAME -->` and
 * `<!-- /results:NAME -->` is owned by a generator and replaced whole.
 */
import { TrainerError } from '../errors.js';

/**
 * Replaces every named block of `markdown` with `blocks[name]`. A block the markdown lacks, or a
 * block without its generator, throws `CLI_BAD_CONFIG` naming it (a renamed block must not go
 * stale silently).
 *
 * @example
 * replaceBlocks(readme, { 'default-full': methodTable(report) });
 */
export function replaceBlocks(markdown: string, blocks: Readonly<Record<string, string>>): string {
  const found = [...markdown.matchAll(/<!-- results:([a-z0-9-]+) -->/g)].map((m) => m[1]!);
  for (const name of found) if (!(name in blocks)) throw new TrainerError('CLI_BAD_CONFIG', `README block "${name}" has no generator`);
  let out = markdown;
  for (const [name, body] of Object.entries(blocks)) {
    const open = `<!-- results:${name} -->`;
    const close = `<!-- /results:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new TrainerError('CLI_BAD_CONFIG', `README has no block "${name}" (${open} … ${close})`);
    out = `${out.slice(0, start + open.length)}\n${body.trim()}\n${out.slice(end)}`;
  }
  return out;
}
