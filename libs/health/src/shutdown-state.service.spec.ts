import { ShutdownState } from './shutdown-state.service';

describe('ShutdownState', () => {
  it('drains as soon as the last in-flight request finishes', async () => {
    const state = new ShutdownState();
    const release = state.requestStarted();
    const drained = state.drain(5000, 0);

    expect(state.isDraining).toBe(true);
    setTimeout(release, 30);
    await expect(drained).resolves.toBe(true);
    expect(state.inFlightRequests).toBe(0);
  });

  it('gives up when the grace period is over and tells the caller', async () => {
    const state = new ShutdownState();
    state.requestStarted();
    await expect(state.drain(50, 0)).resolves.toBe(false);
    expect(state.inFlightRequests).toBe(1);
  });

  it('counts a released request once, and tells drain listeners once', async () => {
    const state = new ShutdownState();
    const listener = jest.fn();
    state.onDrain(listener);
    const release = state.requestStarted();
    release();
    release();
    expect(state.inFlightRequests).toBe(0);

    await state.drain(10, 0);
    await state.drain(10, 0);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
