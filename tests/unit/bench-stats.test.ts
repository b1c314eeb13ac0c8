import { describe, expect, it } from "vitest";
import { measureSideBySide, percentiles } from "../bench/stats";

describe("benchmark timing", () => {
  it("times two ways turn about, the fewer runs spread evenly among the more, after a warm-up of each", async () => {
    const order: string[] = [];
    const run = (name: string) => async () => {
      order.push(name);
    };
    const result = await measureSideBySide({ runs: 6, fn: run("a") }, { runs: 3, fn: run("b") });
    expect(order.join("")).toBe("aaaaaa" + "bbb" + "abaabaaba");
    expect([result.a.n, result.b.n]).toEqual([6, 3]);
  });

  it("alternates one for one when both run as often", async () => {
    const order: string[] = [];
    await measureSideBySide(
      { runs: 12, fn: async () => void order.push("a") },
      { runs: 12, fn: async () => void order.push("b") },
    );
    expect(order.slice(20).join("")).toBe("ab".repeat(12));
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, n: 100 });
  });
});
