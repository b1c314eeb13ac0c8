import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "../../app/security/same-origin";

const allowedOrigins = ["https://staffroom.example", "http://localhost:3000"];

describe("same-origin check for writes", () => {
  it.each([
    ["GET from anywhere", { method: "GET", origin: "https://evil.example" }, true],
    ["HEAD", { method: "HEAD" }, true],
    ["POST from our origin", { method: "POST", origin: "https://staffroom.example" }, true],
    ["POST from localhost in development", { method: "POST", origin: "http://localhost:3000" }, true],
    ["POST from another origin", { method: "POST", origin: "https://evil.example" }, false],
    ["POST from a look-alike origin", { method: "POST", origin: "https://staffroom.example.evil.example" }, false],
    ["POST from another port", { method: "POST", origin: "http://localhost:3001" }, false],
    ["POST with Origin: null (sandboxed frame, file://)", { method: "POST", origin: "null" }, false],
    ["POST that the browser says is cross-site", { method: "POST", origin: "https://staffroom.example", secFetchSite: "cross-site" }, false],
    ["POST that the browser says is same-site (a sibling subdomain)", { method: "POST", secFetchSite: "same-site" }, false],
    ["POST with only Sec-Fetch-Site: same-origin", { method: "POST", secFetchSite: "same-origin" }, true],
    ["POST with neither header (not a browser)", { method: "POST" }, false],
    ["DELETE from another origin", { method: "delete", origin: "https://evil.example" }, false],
    ["PUT from our origin", { method: "PUT", origin: "https://staffroom.example", secFetchSite: "same-origin" }, true],
  ])("%s", (_name, input, expected) => {
    expect(isSameOriginWrite({ ...input, allowedOrigins })).toBe(expected);
  });
});
