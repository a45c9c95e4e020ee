/**
 * The sync's request planner: a request holds one of the `concurrency` places only while it is on
 * the wire. Once its reply has arrived the next request goes out while this one is still being
 * parsed, a retried read waits for a place again, and a cancelled sync sends nothing more.
 */
import { describe, expect, it } from 'vitest';
import type { RequestSlot } from '../../../src/main/core/cloudflare/paging';
import { createSyncPlanner } from '../../../src/main/core/sync/request-planner';

/** Settles after the promises queued so far (and their follow-ups) have run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A planner with a wire that counts the requests on it at once. */
function wiredPlanner(concurrency: number, signal = new AbortController().signal) {
  let onWire = 0;
  let most = 0;
  const sent: string[] = [];
  const planner = createSyncPlanner({ concurrency, signal, onProgress: () => undefined });
  /** A request: on the wire until `reply` resolves, then parsed until `parsed` resolves. */
  const request = (name: string, reply: Promise<void>, parsed: Promise<void>) =>
    planner.run(name, null, async (slot: RequestSlot) => {
      onWire += 1;
      most = Math.max(most, onWire);
      sent.push(name);
      await reply;
      onWire -= 1;
      slot.replied();
      await parsed;
      return name;
    });
  return { planner, request, sent, most: () => most, onWire: () => onWire };
}

describe('the sync request planner', () => {
  it('sends the next request as soon as a reply has arrived, before that reply is parsed', async () => {
    const wire = wiredPlanner(2);
    const replies = [deferred(), deferred(), deferred()];
    const parsing = deferred();
    const runs = replies.map((reply, i) => wire.request(`r${i}`, reply.promise, parsing.promise));
    await settle();
    expect(wire.sent).toEqual(['r0', 'r1']);

    // r0's body is in; its parse is still running, yet r2 is on the wire.
    replies[0]?.resolve();
    await settle();
    expect(wire.sent).toEqual(['r0', 'r1', 'r2']);

    for (const reply of replies) reply.resolve();
    parsing.resolve();
    await expect(Promise.all(runs.map((r) => r.then((x) => x.value)))).resolves.toEqual(['r0', 'r1', 'r2']);
    expect(wire.most()).toBe(2);
  });

  it('never has more requests on the wire than its concurrency, however many are queued', async () => {
    const wire = wiredPlanner(3);
    const runs = Array.from({ length: 20 }, (_, i) =>
      wire.request(
        `r${i}`,
        new Promise((resolve) => setTimeout(resolve, i % 4)),
        new Promise((resolve) => setTimeout(resolve, 3)),
      ),
    );
    await Promise.all(runs);
    expect(wire.sent).toHaveLength(20);
    expect(wire.most()).toBe(3);
  });

  it('makes a read sent again after its reply wait for a place like any other request', async () => {
    const planner = createSyncPlanner({
      concurrency: 1,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    const events: string[] = [];
    const secondReply = deferred();
    const first = planner.run('first', null, async (slot) => {
      events.push('first sent');
      slot.replied();
      // Its body was unreadable: the read is sent once more, after taking a place back.
      await slot.retake();
      events.push('first sent again');
      return 'first';
    });
    const second = planner.run('second', null, async (slot) => {
      events.push('second sent');
      await secondReply.promise;
      events.push('second replied');
      slot.replied();
      return 'second';
    });
    await settle();
    expect(events).toEqual(['first sent', 'second sent']);
    secondReply.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['first sent', 'second sent', 'second replied', 'first sent again']);
  });

  it('sends nothing queued once the sync is cancelled', async () => {
    const controller = new AbortController();
    const wire = wiredPlanner(1, controller.signal);
    const reply = deferred();
    const first = wire.request('first', reply.promise, Promise.resolve());
    const queued = wire.request('queued', Promise.resolve(), Promise.resolve());
    await settle();
    controller.abort();
    reply.resolve();
    await expect(first).resolves.toMatchObject({ value: 'first' });
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(wire.sent).toEqual(['first']);
    expect(wire.planner.done()).toBe(2);
  });
});
