import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { findLeaks, serverOnlyMarkers } from "../support/browser-bundle";
import { firstRow } from "../../db/rows";

/** Bundles `source` for the browser as Remix would, and returns the JavaScript. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    logLevel: "silent",
  });
  return firstRow(result.outputFiles, "esbuild's bundle").text;
}

describe("the browser-bundle check (tests/support/check-browser-bundle.ts)", () => {
  const markers = serverOnlyMarkers();

  it("knows the schema's index and constraint names", () => {
    expect(markers).toContain("memberships_one_scope");
    expect(markers).toContain("vacancies_owner_org_idx");
  });

  it("catches a client import that drags the Drizzle tables along", async () => {
    const text = await bundle(`import { role } from "./db/schema/memberships"; console.log(role.enumValues);`);
    const leaks = findLeaks([{ file: "client.js", text }], markers);
    expect(leaks.map((l) => l.marker)).toContain("memberships_one_scope");
  });

  it("passes the vocabulary leaf, which the browser may import", async () => {
    const text = await bundle(`
      import { roles } from "./app/vocabulary/roles";
      import { contractOptions } from "./app/vocabulary/options";
      import { subjects } from "./app/vocabulary/subjects";
      import { schoolTypeLabels } from "./app/vocabulary/school-types";
      console.log(roles, contractOptions, subjects, schoolTypeLabels);`);
    expect(text).toContain("maternity_cover");
    expect(findLeaks([{ file: "client.js", text }], markers)).toEqual([]);
  });
});
