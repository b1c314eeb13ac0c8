import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  archive,
  closeEarly,
  dueTransition,
  extend,
  isEditable,
  publish,
  vacancyStatuses,
  type LifecycleState,
} from "../../app/vacancies/lifecycle";

const now = new Date("2026-11-22T12:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const draft = (over: Partial<LifecycleState> = {}): LifecycleState => ({
  status: "draft",
  publishAt: null,
  closesAt: at(24 * 14),
  ...over,
});

describe("publishing", () => {
  it("a draft with no publish date goes live now", () => {
    expect(publish(draft(), now)).toEqual({ ok: true, transition: { to: "published" } });
  });
  it("a draft with a future publish date is scheduled", () => {
    expect(publish(draft({ publishAt: at(48) }), now)).toEqual({ ok: true, transition: { to: "scheduled" } });
  });
  it("a publish date in the past publishes now", () => {
    expect(publish(draft({ publishAt: at(-1) }), now)).toEqual({ ok: true, transition: { to: "published" } });
  });
  it.each([
    [draft({ closesAt: null }), "Set a closing date before publishing"],
    [draft({ closesAt: at(-1) }), "The closing date must be in the future"],
    [draft({ closesAt: now }), "The closing date must be in the future"],
    [draft({ publishAt: at(48), closesAt: at(24) }), "The publish date must be before the closing date"],
    [{ ...draft(), status: "published" as const }, "Only a draft can be published"],
  ])("refuses %#: %s", (state, message) => {
    expect(publish(state, now)).toEqual({ ok: false, message });
  });
});

describe("closing early, extending, archiving", () => {
  it("a live vacancy closes early with a reason", () => {
    const live = { ...draft(), status: "published" as const };
    expect(closeEarly(live, "filled_elsewhere")).toEqual({
      ok: true,
      transition: { to: "closed", reason: "filled_elsewhere" },
    });
    expect(closeEarly(live, "expired").ok).toBe(false);
    expect(closeEarly(draft(), "withdrawn").ok).toBe(false);
    expect(closeEarly({ ...draft(), status: "scheduled" }, "withdrawn").ok).toBe(true);
    expect(closeEarly({ ...draft(), status: "scheduled" }, "filled_elsewhere").ok).toBe(false);
  });

  it("extending needs a later, future closing date; an expired vacancy reopens, a filled one does not", () => {
    const live = { ...draft(), status: "published" as const };
    expect(extend(live, at(24 * 30), now)).toEqual({ ok: true, transition: { to: "published" } });
    expect(extend(live, at(24), now)).toEqual({
      ok: false,
      message: "The new closing date must be later than the current one",
    });
    expect(extend(live, at(-1), now).ok).toBe(false);
    const expired = { status: "closed" as const, publishAt: null, closesAt: at(-24), closedReason: "expired" as const };
    expect(extend(expired, at(24), now)).toEqual({ ok: true, transition: { to: "published" } });
    expect(extend({ ...expired, closedReason: "filled_elsewhere" }, at(24), now).ok).toBe(false);
    expect(extend(draft(), at(24 * 30), now).ok).toBe(false);
  });

  it("only closed vacancies are archived", () => {
    expect(archive({ ...draft(), status: "closed" })).toEqual({ ok: true, transition: { to: "archived" } });
    for (const status of ["draft", "scheduled", "published", "archived"] as const)
      expect(archive({ ...draft(), status }).ok).toBe(false);
  });

  it("closed and archived vacancies are no longer editable", () => {
    expect(vacancyStatuses.filter(isEditable)).toEqual(["draft", "scheduled", "published"]);
  });
});

describe("what the clock changes", () => {
  it("publishes a scheduled vacancy at its publish time and closes a live one at its closing moment", () => {
    expect(dueTransition({ status: "scheduled", publishAt: at(-0.01), closesAt: at(24) }, now)).toEqual({
      to: "published",
    });
    expect(dueTransition({ status: "scheduled", publishAt: at(1), closesAt: at(24) }, now)).toBeNull();
    expect(dueTransition({ status: "published", publishAt: null, closesAt: now }, now)).toEqual({
      to: "closed",
      reason: "expired",
    });
    expect(dueTransition({ status: "published", publishAt: null, closesAt: at(1) }, now)).toBeNull();
    expect(dueTransition({ status: "scheduled", publishAt: at(-48), closesAt: at(-24) }, now)).toEqual({
      to: "closed",
      reason: "expired",
    });
  });

  it("never touches drafts, closed or archived vacancies, whatever the dates", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("draft" as const, "closed" as const, "archived" as const),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (status, p, c) => {
          expect(dueTransition({ status, publishAt: at(p), closesAt: at(c) }, now)).toBeNull();
        },
      ),
    );
  });

  it("applying the due transition again changes nothing more (the scheduler can run twice)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (p, c) => {
        let state: LifecycleState = { status: "scheduled", publishAt: at(p), closesAt: at(c) };
        for (let i = 0; i < 3; i++) {
          const next = dueTransition(state, now);
          if (!next) break;
          state = { ...state, status: next.to };
        }
        expect(dueTransition(state, now)).toBeNull();
      }),
    );
  });
});
