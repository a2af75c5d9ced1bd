/** @module Events are delivered in reservation order whatever order they are filled in; a rejected place is skipped. */
import { describe, expect, it } from 'vitest';
import { OrderedPublisher } from './ordered-publisher.js';

describe('OrderedPublisher', () => {
  it('delivers in reservation order when later places are filled first, and skips a rejected place', async () => {
    const seen: number[] = [];
    const order = new OrderedPublisher<number>((events) => seen.push(...events));
    const places = [order.reserve(), order.reserve(), order.reserve(), order.reserve()];
    let releaseFirst: (v: readonly number[]) => void = () => undefined;
    const first = new Promise<readonly number[]>((resolve) => {
      releaseFirst = resolve;
    });
    const done = [places[3]?.(Promise.resolve([4])), places[2]?.(Promise.reject(new Error('inference failed'))), places[1]?.(Promise.resolve([2, 3])), places[0]?.(first)];
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([]);
    releaseFirst([1]);
    await Promise.all(done);
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});
