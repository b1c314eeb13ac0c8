import { describe, expect, it } from "vitest";
import { runAgainIfDeadlocked } from "../../db/run-again-if-deadlocked";

const failing = (code: string) => Object.assign(new Error("query failed"), { cause: { code } });

function transactionFailing(codes: string[], result = "done") {
  let calls = 0;
  const run = async () => {
    const code = codes[calls];
    calls += 1;
    if (code) throw failing(code);
    return result;
  };
  return { run, calls: () => calls };
}

describe("runAgainIfDeadlocked", () => {
  it("runs a transaction chosen as a deadlock's victim again, and returns what the second run returns", async () => {
    const t = transactionFailing(["40P01"]);
    await expect(runAgainIfDeadlocked(t.run)).resolves.toBe("done");
    expect(t.calls()).toBe(2);
  });

  it("runs a transaction that could not be serialised again", async () => {
    const t = transactionFailing(["40001", "40P01"]);
    await expect(runAgainIfDeadlocked(t.run)).resolves.toBe("done");
    expect(t.calls()).toBe(3);
  });

  it("gives up after the third deadlock in a row, throwing the database's error", async () => {
    const t = transactionFailing(["40P01", "40P01", "40P01", "40P01"]);
    await expect(runAgainIfDeadlocked(t.run)).rejects.toMatchObject({ cause: { code: "40P01" } });
    expect(t.calls()).toBe(3);
  });

  it("throws any other error at once: a constraint's refusal, a broken connection, a bug", async () => {
    for (const code of ["23P01", "23505", "08006"]) {
      const t = transactionFailing([code]);
      await expect(runAgainIfDeadlocked(t.run)).rejects.toMatchObject({ cause: { code } });
      expect(t.calls()).toBe(1);
    }
    let calls = 0;
    await expect(
      runAgainIfDeadlocked(async () => {
        calls += 1;
        throw new TypeError("not a database error");
      }),
    ).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });
});
