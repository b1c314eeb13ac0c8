import { describe, expect, it } from "vitest";
import { sameOriginPath } from "../../app/security/redirect";

const ORIGIN = "https://staffroom.example";

describe("sameOriginPath: only paths on this site survive", () => {
  it.each([
    ["/account", "/account"],
    ["/hr/vacancies?page=2#list", "/hr/vacancies?page=2#list"],
    ["/schools/100000", "/schools/100000"],
    ["/a b", "/a%20b"],
    ["/./account", "/account"],
  ])("keeps %j as %j", (input, expected) => {
    expect(sameOriginPath(input, ORIGIN, "/fallback")).toBe(expected);
  });

  it.each([
    ["tab after the slash", "/\t/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["line feed", "/\n/evil.example"],
    ["CR LF header injection", "/\r\nSet-Cookie: x=y"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/account"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["slash then backslash then host", "/\\/evil.example"],
    ["dot segment collapsing to two slashes", "/.//evil.example"],
    ["dot-dot segment collapsing to two slashes", "/x/..//evil.example"],
    ["absolute http URL", "http://evil.example/"],
    ["absolute URL on our host over http", "http://staffroom.example/account"],
    ["javascript: scheme", "javascript:alert(1)"],
    ["javascript: after a slash-less space", " javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["user-info trick", "/@evil.example"],
    ["leading space then protocol-relative", " //evil.example"],
    ["empty", ""],
    ["relative path", "account"],
  ])("refuses %s", (_name, input) => {
    const out = sameOriginPath(input, ORIGIN, "/fallback");
    // Either refused outright or, if kept, a same-site path that no browser reads as another host.
    if (out !== "/fallback") {
      expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      expect(out.startsWith("//")).toBe(false);
      expect(out).not.toMatch(/[\t\r\n\\]/);
    }
    expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
  });

  it("refuses the bypasses outright rather than rewriting them into a path", () => {
    for (const input of [
      "/\t/evil.example",
      "/\r/evil.example",
      "/\n/evil.example",
      "/\\evil.example",
      "/.//evil.example",
    ]) {
      expect(sameOriginPath(input, ORIGIN, "/fallback")).toBe("/fallback");
    }
  });

  it("treats encoded slashes as part of one path segment, on this site", () => {
    expect(sameOriginPath("/%2F%2Fevil.example", ORIGIN, "/fallback")).toBe("/%2F%2Fevil.example");
    expect(sameOriginPath("/%5Cevil.example", ORIGIN, "/fallback")).toBe("/%5Cevil.example");
  });
});
