import { describe, expect, it } from "vitest";
import { pseudonym, securityLog } from "../../app/security/security-log.server";
import { firstRow } from "../../db/rows";

describe("security log lines", () => {
  it("are one JSON line each, in UTC, and a hostile value cannot forge another line or field", () => {
    const lines: string[] = [];
    const hostile = 'x"\n{"ts":"2020-01-01T00:00:00Z","log":"security","event":"forged"}\r\u001b[31m';
    securityLog("cross-origin.refused", { path: hostile, origin: "https://evil.example" }, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    for (const c of ["\r", "\n", "\u001b"]) expect(lines[0]).not.toContain(c);
    const parsed = JSON.parse(firstRow(lines, "a log line")) as Record<string, unknown>;
    expect(parsed.event).toBe("cross-origin.refused");
    expect(parsed.path).toBe(hostile);
    expect(parsed.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("cut long values, so no free text rides along", () => {
    const lines: string[] = [];
    securityLog("http.not-found", { path: "/".repeat(5000) }, (l) => lines.push(l));
    expect((JSON.parse(firstRow(lines, "a log line")) as { path: string }).path).toHaveLength(200);
  });

  it("pseudonymise addresses: stable and not readable", () => {
    expect(pseudonym("Ada@Example.com ")).toBe(pseudonym("ada@example.com"));
    expect(pseudonym("ada@example.com")).toMatch(/^[0-9a-f]{16}$/);
    expect(pseudonym("ada@example.com")).not.toContain("ada");
  });
});
