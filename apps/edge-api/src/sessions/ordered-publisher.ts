/**
 * @module Publication in append order. Chunks of one device are accepted in `seq` order, but
 * their predictions may finish out of order (worker threads, micro-batches of different sizes);
 * each chunk reserves its place when it is appended, and its events are delivered only after
 * every earlier place has been delivered or given up.
 */

/**
 * Delivers batches of events in the order their places were reserved.
 *
 * @example
 * const order = new OrderedPublisher<SessionEvent>((events) => events.forEach(send));
 * const first = order.reserve();
 * const second = order.reserve();
 * void second(Promise.resolve([b])); // waits for first
 * void first(predictA.then(toEvents)); // delivers a, then b
 */
export class OrderedPublisher<E> {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly deliver: (events: readonly E[]) => void) {}

  /** Reserves the next place; fill it once with the events (or a rejection to give it up). */
  reserve(): (events: Promise<readonly E[]>) => Promise<void> {
    let fill: (events: Promise<readonly E[]>) => void = () => undefined;
    const filled = new Promise<readonly E[]>((resolve, reject) => {
      fill = (events) => void events.then(resolve, reject);
    });
    filled.catch(() => undefined);
    const delivered = this.tail.then(() => filled).then(
      (events) => this.deliver(events),
      () => undefined,
    );
    this.tail = delivered;
    return (events) => {
      fill(events);
      return delivered;
    };
  }
}
