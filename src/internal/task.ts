import {notEqual, type ReactiveController, type ReactiveControllerHost} from 'lit';

/**
 * The part of `@lit/task` the elements use, kept here because its download was paid by every page with a listing,
 * a product or orders (issue 16): a task re-runs when its arguments change, aborts the run it replaces, keeps the last
 * value while a new run is pending and ignores a reply a newer run overtook. Same names and semantics as
 * `@lit/task`'s `Task`, `TaskStatus` and `initialState`; not its `taskComplete`, `initialValue` or `autoRun`.
 */
export const TaskStatus = {INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Returned by a task function: nothing to do with these arguments (the status goes back to INITIAL). */
export const initialState = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  task: (
    args: A,
    options: {signal: AbortSignal},
  ) => Promise<R | typeof initialState> | R | typeof initialState;
  args: () => A;
}

export interface TaskRenderers<R> {
  initial?: () => unknown;
  pending?: () => unknown;
  complete?: (value: R) => unknown;
  error?: (error: unknown) => unknown;
}

export class Task<
  A extends readonly unknown[] = readonly unknown[],
  R = unknown,
> implements ReactiveController {
  #status: TaskStatus = TaskStatus.INITIAL;
  #value?: R;
  #error?: unknown;
  #args?: A;
  #run = 0;
  #abort?: AbortController;
  readonly #host: ReactiveControllerHost;
  /** Typed loosely so that a `Task<[client, query]>` is also a `Task<readonly unknown[]>` for code that only reads it. */
  readonly #task: (args: never, options: {signal: AbortSignal}) => unknown;
  readonly #argsOf: () => A;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#task = config.task;
    this.#argsOf = config.args;
  }

  get status(): TaskStatus {
    return this.#status;
  }

  /** The last value a run completed with (kept while a newer run is pending; cleared by a failed run). */
  get value(): R | undefined {
    return this.#value;
  }

  get error(): unknown {
    return this.#error;
  }

  hostUpdate(): void {
    const args = this.#argsOf();
    const before = this.#args;
    if (before && args.length === before.length && args.every((a, i) => !notEqual(a, before[i]))) return;
    void this.run(args);
  }

  /** Runs the task now (with the current arguments unless given), aborting a run still pending. */
  async run(args: A = this.#argsOf()): Promise<void> {
    this.#args = args;
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort();
    this.#status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const run = ++this.#run;
    const abort = (this.#abort = new AbortController());
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = (await this.#task(args as never, {signal: abort.signal})) as R | typeof initialState;
    } catch (e) {
      failed = true;
      error = e;
    }
    if (run !== this.#run) return;
    if (result === initialState) this.#status = TaskStatus.INITIAL;
    else {
      this.#status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.#value = result;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }

  render(renderers: TaskRenderers<R>): unknown {
    switch (this.#status) {
      case TaskStatus.INITIAL:
        return renderers.initial?.();
      case TaskStatus.PENDING:
        return renderers.pending?.();
      case TaskStatus.COMPLETE:
        return renderers.complete?.(this.#value as R);
      default:
        return renderers.error?.(this.#error);
    }
  }
}
