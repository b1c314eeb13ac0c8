import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "../../app/security/same-origin";

const allowedOrigins = ["https://staffroom.example", "http://localhost:3000"];

describe("same-origin check for writes", () => {
  it.each([
    ["GET from anywhere", { method: "GET", origin: "https://evil.example" }, true],
    ["HEAD", { method: "HEAD" }, true],
    [
      "OPTIONS from another origin",
      { method: "OPTIONS", origin: "https://evil.example", secFetchSite: "cross-site" },
      true,
    ],
    ["POST from our origin", { method: "POST", origin: "https://staffroom.example" }, true],
    ["lower-case post from our origin", { method: "post", origin: "https://staffroom.example" }, true],
    ["POST from localhost in development", { method: "POST", origin: "http://localhost:3000" }, true],
    ["POST from another origin", { method: "POST", origin: "https://evil.example" }, false],
    ["POST from a look-alike origin", { method: "POST", origin: "https://staffroom.example.evil.example" }, false],
    ["POST from our host over http", { method: "POST", origin: "http://staffroom.example" }, false],
    ["POST from a sibling subdomain", { method: "POST", origin: "https://evil.staffroom.example" }, false],
    ["POST from another port", { method: "POST", origin: "http://localhost:3001" }, false],
    ["POST from 127.0.0.1 when localhost is allowed", { method: "POST", origin: "http://127.0.0.1:3000" }, false],
    [
      "POST with a path in Origin (never sent by browsers)",
      { method: "POST", origin: "https://staffroom.example/" },
      false,
    ],
    ["POST with Origin: null (sandboxed frame, file://)", { method: "POST", origin: "null" }, false],
    [
      "POST with Origin: null and Sec-Fetch-Site: same-origin",
      { method: "POST", origin: "null", secFetchSite: "same-origin" },
      false,
    ],
    [
      "POST that the browser says is cross-site",
      { method: "POST", origin: "https://staffroom.example", secFetchSite: "cross-site" },
      false,
    ],
    [
      "POST that the browser says is same-site (a sibling subdomain)",
      { method: "POST", secFetchSite: "same-site" },
      false,
    ],
    ["POST with only Sec-Fetch-Site: same-origin", { method: "POST", secFetchSite: "same-origin" }, true],
    [
      "POST with our Origin and Sec-Fetch-Site: none (typed by the user)",
      { method: "POST", origin: "https://staffroom.example", secFetchSite: "none" },
      true,
    ],
    ["POST with only Sec-Fetch-Site: none", { method: "POST", secFetchSite: "none" }, false],
    ["POST with empty headers", { method: "POST", origin: "", secFetchSite: "" }, false],
    ["POST with null headers", { method: "POST", origin: null, secFetchSite: null }, false],
    ["POST with neither header (not a browser)", { method: "POST" }, false],
    ["DELETE from another origin", { method: "delete", origin: "https://evil.example" }, false],
    ["PATCH with neither header", { method: "PATCH" }, false],
    ["PUT from our origin", { method: "PUT", origin: "https://staffroom.example", secFetchSite: "same-origin" }, true],
  ])("%s", (_name, input, expected) => {
    expect(isSameOriginWrite({ ...input, allowedOrigins })).toBe(expected);
  });

  it("allows nothing when no origin is allowed", () => {
    expect(isSameOriginWrite({ method: "POST", origin: "https://staffroom.example", allowedOrigins: [] })).toBe(false);
  });

  // Every combination of method, Origin and Sec-Fetch-Site against the rule stated plainly.
  const methods = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
  const origins = [undefined, "null", "https://staffroom.example", "http://localhost:3000", "https://evil.example"];
  const sites = [undefined, "same-origin", "same-site", "cross-site", "none"];
  const cases = methods.flatMap((method) =>
    origins.flatMap((origin) => sites.map((secFetchSite) => ({ method, origin, secFetchSite }))),
  );

  it(`agrees with the stated rule on all ${cases.length} combinations`, () => {
    for (const c of cases) {
      const safe = ["GET", "HEAD", "OPTIONS"].includes(c.method);
      const browserSaysForeign = c.secFetchSite === "same-site" || c.secFetchSite === "cross-site";
      const ownOrigin = c.origin !== undefined && allowedOrigins.includes(c.origin);
      const expected =
        safe || (!browserSaysForeign && (c.origin === undefined ? c.secFetchSite === "same-origin" : ownOrigin));
      expect(isSameOriginWrite({ ...c, allowedOrigins }), JSON.stringify(c)).toBe(expected);
    }
  });
});
