import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Task, TaskStatus, initialState} from '../../src/internal/task.js';

/** A host that records update requests and runs its controllers' hostUpdate on demand, as a Lit element would. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  update(): void {
    for (const c of this.controllers) c.hostUpdate?.();
  }
}

/** A task function whose runs the test settles by hand. */
function manual<R>() {
  const runs: {
    args: readonly unknown[];
    signal: AbortSignal;
    resolve: (v: R | typeof initialState) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const task = (args: readonly unknown[], {signal}: {signal: AbortSignal}) =>
    new Promise<R | typeof initialState>((resolve, reject) => runs.push({args, signal, resolve, reject}));
  return {runs, task};
}

const settle = () => new Promise((r) => setTimeout(r));

describe('Task (src/internal/task.ts, the part of @lit/task the elements use)', () => {
  it('runs on the first update and again only when an argument changes (NaN equals NaN)', async () => {
    const host = new Host();
    let args: readonly unknown[] = ['a', NaN];
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => args});
    assert.equal(t.status, TaskStatus.INITIAL);
    host.update();
    host.update();
    assert.equal(runs.length, 1);
    assert.deepEqual(runs[0]!.args, ['a', NaN]);
    args = ['a', NaN];
    host.update();
    assert.equal(runs.length, 1, 'equal arguments in a new array do not run it again');
    args = ['b', NaN];
    host.update();
    assert.equal(runs.length, 2);
    args = ['b', NaN, 1];
    host.update();
    assert.equal(runs.length, 3, 'a longer argument list runs it');
  });

  it('is pending while a run is under way, then complete with the value; each change asks the host to render', async () => {
    const host = new Host();
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => [1]});
    host.update();
    assert.equal(t.status, TaskStatus.PENDING);
    assert.equal(host.updates, 1);
    runs[0]!.resolve('one');
    await settle();
    assert.equal(t.status, TaskStatus.COMPLETE);
    assert.equal(t.value, 'one');
    assert.equal(t.error, undefined);
    assert.equal(host.updates, 2);
  });

  it('a new run aborts the pending one, keeps the last value meanwhile and ignores the overtaken reply', async () => {
    const host = new Host();
    let n = 1;
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => [n]});
    host.update();
    runs[0]!.resolve('one');
    await settle();
    n = 2;
    host.update();
    n = 3;
    host.update();
    assert.equal(runs[1]!.signal.aborted, true, 'the run for 2 is aborted by the run for 3');
    assert.equal(runs[2]!.signal.aborted, false);
    assert.equal(t.status, TaskStatus.PENDING);
    assert.equal(t.value, 'one', 'the last value stays while the new run is pending');
    runs[2]!.resolve('three');
    await settle();
    runs[1]!.resolve('two');
    await settle();
    assert.equal(t.value, 'three', 'the overtaken reply is dropped');
    assert.equal(t.status, TaskStatus.COMPLETE);
  });

  it('a failed run is an error with no value; a later success clears the error', async () => {
    const host = new Host();
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => [1]});
    host.update();
    runs[0]!.resolve('one');
    await settle();
    const boom = new Error('boom');
    void t.run();
    runs[1]!.reject(boom);
    await settle();
    assert.equal(t.status, TaskStatus.ERROR);
    assert.equal(t.error, boom);
    assert.equal(t.value, undefined);
    void t.run();
    runs[2]!.resolve('again');
    await settle();
    assert.equal(t.status, TaskStatus.COMPLETE);
    assert.equal(t.error, undefined);
    assert.equal(t.value, 'again');
  });

  it('initialState puts it back to INITIAL and keeps the last value', async () => {
    const host = new Host();
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => [1]});
    host.update();
    runs[0]!.resolve('one');
    await settle();
    void t.run([2]);
    assert.deepEqual(runs[1]!.args, [2], 'run() takes explicit arguments');
    runs[1]!.resolve(initialState);
    await settle();
    assert.equal(t.status, TaskStatus.INITIAL);
    assert.equal(t.value, 'one');
  });

  it('render() picks the renderer of the current status', async () => {
    const host = new Host();
    const {runs, task} = manual<string>();
    const t = new Task(host, {task, args: () => [1]});
    const renderers = {
      initial: () => 'initial',
      pending: () => 'pending',
      complete: (v: string) => `complete ${v}`,
      error: (e: unknown) => `error ${(e as Error).message}`,
    };
    assert.equal(t.render(renderers), 'initial');
    host.update();
    assert.equal(t.render(renderers), 'pending');
    runs[0]!.resolve('v');
    await settle();
    assert.equal(t.render(renderers), 'complete v');
    void t.run();
    runs[1]!.reject(new Error('x'));
    await settle();
    assert.equal(t.render(renderers), 'error x');
    assert.equal(t.render({}), undefined);
  });
});
