import { describe, expect, it } from "vitest";
import { measureTurnAbout, percentiles } from "../bench/stats";

describe("benchmark timing", () => {
  it("times two ways turn about, as often each, after a warm-up of each", async () => {
    const order: string[] = [];
    const result = await measureTurnAbout(
      12,
      async () => void order.push("a"),
      async () => void order.push("b"),
    );
    expect(order.join("")).toBe("a".repeat(10) + "b".repeat(10) + "ab".repeat(12));
    expect([result.a.n, result.b.n]).toEqual([12, 12]);
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, n: 100 });
  });
});
