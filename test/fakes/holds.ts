/**
 * Holding requests by method in the fake servers: a test holds a method, learns when a request for it has
 * arrived, and releases it when it has checked what it wanted (an ack sent before the answer, an answer in flight
 * at SIGTERM).
 */

/** A held method: `arrived` resolves when a request for it comes in; `release` lets it through. */
export interface Hold {
  arrived: Promise<void>;
  release(): void;
}

/** What a server's request handler consults: the gate to wait on and the arrival to signal, per method. */
export type Holds = Map<string, { gate: Promise<void>; arrived: () => void }>;

/** Holds `method` in `holds` until the returned hold is released. */
export function holdMethod(holds: Holds, method: string): Hold {
  let release!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const came = new Promise<void>((resolve) => (arrived = resolve));
  holds.set(method, { gate, arrived });
  return {
    arrived: came,
    release() {
      holds.delete(method);
      release();
    },
  };
}
