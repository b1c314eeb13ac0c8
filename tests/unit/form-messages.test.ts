import { describe, expect, it } from "vitest";
import { z } from "zod";

/**
 * Every form schema the app validates people's input with, walked with empty input (nothing sent, and every field
 * sent empty): no message may read as code ("undefined", zod's "Invalid input", a field's code name).
 */
const MODULES = {
  "app/auth/schemas.ts": () => import("../../app/auth/schemas"),
  "app/memberships/schemas.ts": () => import("../../app/memberships/schemas"),
  "app/vacancies/schemas.ts": () => import("../../app/vacancies/schemas"),
  "app/pay/policy.ts": () => import("../../app/pay/policy"),
};

const isSchema = (v: unknown): v is z.ZodType => v instanceof z.ZodType;

function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType; schema?: z.ZodType } })
    .def;
  if (def?.shape) return Object.keys(def.shape);
  if (def?.in) return keysOf(def.in);
  if (def?.schema) return keysOf(def.schema);
  return [];
}

const BAD = [/undefined/i, /invalid input/i, /expected (string|number|boolean|object|array)/i, /received /i, /NaN/];

describe("form messages are written for people", () => {
  for (const [file, load] of Object.entries(MODULES)) {
    it(`${file}: every message for empty input`, async () => {
      const schemas = Object.entries(await load()).filter((e): e is [string, z.ZodType] => isSchema(e[1]));
      expect(schemas.length, `${file} exports no schema`).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const [name, schema] of schemas) {
        const keys = keysOf(schema);
        const empties = [{}, Object.fromEntries(keys.map((k) => [k, ""]))];
        for (const input of empties) {
          const result = await schema.safeParseAsync(input);
          if (result.success) continue;
          for (const issue of result.error.issues) {
            const codeNames = keys.filter((k) => /[A-Z_]/.test(k) && issue.message.includes(k));
            if (BAD.some((bad) => bad.test(issue.message)) || codeNames.length > 0)
              problems.push(`${name}.${issue.path.join(".")}: "${issue.message}"`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("required fields say what to do", () => {
  it("an empty job title, description or closing date names what is missing", async () => {
    const { roleStep, advertStep, applyStep } = await import("../../app/vacancies/schemas");
    const messages = (r: { success: boolean; error?: z.ZodError }) =>
      Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages(roleStep.safeParse({}))).toMatchObject({ title: "Enter a job title" });
    expect(messages(advertStep.safeParse({}))).toMatchObject({ aboutRole: "Describe the role" });
    expect(messages(applyStep.safeParse({ applyMethod: "email", publishOn: "now" }))).toMatchObject({
      closesAt: "Enter a date and time",
    });
  });
});
