type Listener = () => void;

// On globalThis: Next.js may load instrumentation (where the in-process driver listens) and route handlers
// as separate module copies, and both must share one set of listeners.
const globalForWake = globalThis as unknown as { __khqrPollingRequested?: Set<Listener> };
const listeners = (globalForWake.__khqrPollingRequested ??= new Set<Listener>());

/** Lets an in-process driver start a polling pass as soon as a client check is waiting for one. */
export function onPollingRequested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A client check made its QR due now and waits: a local poller, if any, runs its next pass at once. */
export function requestPollingPass(): void {
  for (const listener of listeners) listener();
}
