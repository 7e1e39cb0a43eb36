import { describe, expect, it } from "vitest";
import { createDebouncer, type Timers } from "../../src/taskpane/logic/debounce";

/** Manual timers: `advance` fires what is due, no real waiting. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; cb: () => void }>();
  const timers: Timers = {
    set: (cb, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, cb });
      return id;
    },
    clear: (h) => {
      due.delete(h as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due]) {
      if (t.at <= now) {
        due.delete(id);
        t.cb();
      }
    }
  };
  return { timers, advance };
}

describe("createDebouncer", () => {
  it("calls once after the quiet period, restarting on each trigger", () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const d = createDebouncer(() => calls++, 400, timers);
    d.trigger();
    advance(300);
    d.trigger();
    advance(300);
    expect(calls).toBe(0);
    expect(d.pending).toBe(true);
    advance(100);
    expect(calls).toBe(1);
    expect(d.pending).toBe(false);
  });

  it("ignores triggers while muted (the pane's own writes)", () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const d = createDebouncer(() => calls++, 400, timers);
    d.mute();
    d.trigger();
    advance(1000);
    expect(calls).toBe(0);
    d.unmute();
    d.trigger();
    advance(400);
    expect(calls).toBe(1);
  });

  it("nested mutes need as many unmutes; cancel drops a pending call", () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const d = createDebouncer(() => calls++, 400, timers);
    d.mute();
    d.mute();
    d.unmute();
    d.trigger();
    advance(500);
    expect(calls).toBe(0);
    d.unmute();
    d.trigger();
    d.cancel();
    advance(500);
    expect(calls).toBe(0);
  });
});
