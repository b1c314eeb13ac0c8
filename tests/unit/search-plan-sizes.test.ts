import { describe, expect, it } from "vitest";
import { atMost, type IndexSizes } from "../../search/postgres/plan-sizes.server";

const sizes: IndexSizes = {
  keys: new Map([
    ["trust:bench-trust-7", 140],
    ["phase:secondary", 30_000],
  ]),
  concepts: new Map([["zcchemistry", 1_471]]),
};

describe("atMost: how many vacancies a search can match at most, by the index's sizes", () => {
  it("is the fewest of the keys and concepts it requires", () => {
    expect(atMost(sizes, ["phase:secondary", "trust:bench-trust-7"], [])).toBe(140);
    expect(atMost(sizes, ["phase:secondary"], ["zcchemistry"])).toBe(1_471);
  });

  it("says nothing of what was not known at the last reading, or when nothing was read", () => {
    expect(atMost(sizes, ["trust:new-trust"], [])).toBeNull();
    expect(atMost(sizes, ["trust:new-trust", "phase:secondary"], [])).toBe(30_000);
    expect(atMost(sizes, [], [])).toBeNull();
    expect(atMost(null, ["trust:bench-trust-7"], [])).toBeNull();
  });
});
