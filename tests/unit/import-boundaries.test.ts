import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { firstRow } from "../../db/rows";

/**
 * The layering rule in eslint.config.js (ADR 0013) must fail the lint on a deliberate violation. Each case lints a
 * line of source as if it were written in a real file of the tree, with the project's own configuration.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const result = firstRow(await eslint.lintText(`${source}\nexport {};\n`, { filePath }), "ESLint's result");
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("import boundaries (eslint.config.js)", () => {
  it.each([
    ["db/ importing a capability", "db/seed/demo.ts", `import { hasRole } from "../../app/access/scope.server";`],
    ["db/ importing search/", "db/importers/schools.ts", `import { reindex } from "../../search/reindex.server";`],
    [
      "search/ importing a capability",
      "search/documents.server.ts",
      `import { listMemberships } from "../app/memberships/queries.server";`,
    ],
    ["emails/ importing the services", "emails/outbox.server.ts", `import { db } from "../app/services.server";`],
    [
      "the vocabulary importing a capability",
      "app/vocabulary/options.ts",
      `import { proRata } from "../vacancies/pay";`,
    ],
    ["a component importing db/", "app/components/pagination.tsx", `import { schools } from "../../db/schema";`],
    [
      "a component importing a server module",
      "app/vacancies/components/advert.tsx",
      `import { findManagedVacancy } from "../vacancies.server";`,
    ],
    ["a capability importing a route", "app/pay/rule.ts", `import { loader } from "../routes/pay._index";`],
    ["a route building SQL", "app/routes/pay._index.tsx", `import { sql } from "drizzle-orm";`],
  ])(
    "fails on %s",
    async (_what, filePath, source) => {
      expect(await boundaryErrors(filePath, source)).toHaveLength(1);
    },
    60_000,
  );

  it.each([
    ["db/ importing the vocabulary", "db/schema/memberships.ts", `import { roles } from "../../app/vocabulary/roles";`],
    ["a route calling its capability", "app/routes/pay._index.tsx", `import { db } from "../services.server";`],
    [
      "a component importing a server module's type",
      "app/components/site-header.tsx",
      `import type { MembershipSummary } from "../memberships/queries.server";`,
    ],
    ["a capability importing the vocabulary", "app/pay/rule.ts", `import { payRanges } from "../vocabulary/options";`],
  ])(
    "allows %s",
    async (_what, filePath, source) => {
      expect(await boundaryErrors(filePath, source)).toEqual([]);
    },
    60_000,
  );
});
