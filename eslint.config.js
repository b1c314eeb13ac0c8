import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The layering (docs/decisions/0013-layers-and-import-boundaries.md), as import rules: each entry forbids a set of
 * import specifiers in a set of files. Specifiers are relative, so the patterns match path segments.
 */
const boundaries = [
  {
    name: "vocabulary is a leaf",
    files: ["app/vocabulary/**"],
    patterns: [{ regex: String.raw`^\.\./`, message: "app/vocabulary imports nothing from the rest of the app." }],
  },
  {
    name: "db/ imports nothing from app/ (but the vocabulary), search/ or emails/",
    files: ["db/**"],
    ignores: ["db/scripts/**"],
    patterns: [
      { regex: String.raw`(^|/)app/(?!vocabulary/)`, message: "db/ may import only app/vocabulary from app/." },
      { regex: String.raw`^(\.\./)+(search|emails)(/|$)`, message: "db/ imports nothing from search/ or emails/." },
    ],
  },
  {
    name: "search/ and emails/ take plain data: no capabilities, routes or services",
    files: ["search/**", "emails/**"],
    ignores: ["search/scripts/**"],
    patterns: [
      {
        regex: String.raw`(^|/)app/(?!vocabulary/)`,
        message: "search/ and emails/ never import a capability, a route or the services: pass what they need.",
      },
    ],
  },
  {
    name: "components never touch data",
    files: ["app/components/**/*.tsx", "app/*/components/**/*.tsx"],
    patterns: [
      {
        regex: String.raw`(^|/)db(/|$)|\.server$`,
        allowTypeImports: true,
        message: "Components render what they are given: data comes from a route's loader, not from db/ or *.server.",
      },
    ],
  },
  {
    name: "capabilities never import routes",
    files: ["app/**"],
    ignores: ["app/routes/**", "app/vocabulary/**", "app/components/**/*.tsx", "app/*/components/**/*.tsx"],
    patterns: [{ regex: String.raw`(^|/)routes/`, message: "Routes call capabilities, never the other way round." }],
  },
  {
    name: "routes never build SQL",
    files: ["app/routes/**"],
    patterns: [
      {
        regex: String.raw`^drizzle-orm|(^|/)db/schema`,
        allowTypeImports: true,
        message: "Routes call their capability, which owns the queries.",
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      "node_modules/",
      "playwright-report/",
      "test-results/",
      ".tmp/",
      ".data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Drizzle and Remix generics sometimes need an explicit escape hatch; each use is commented.
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  {
    // Type-aware rules, chosen for the bugs they catch: a promise nobody awaits (a write that may not happen, an
    // error nobody sees), a promise where a callback's result is ignored, awaiting what is not a promise, and
    // assertions the types already make. Each file is type-checked through the project's tsconfig. Over every file,
    // tests included (an un-awaited `expect(...).rejects` passes silently): the type program is built once either
    // way, so `npx eslint .` takes about 70 s on this machine whether tests/ are in or out (19 s without these rules).
    name: "type-aware: rules that catch real bugs",
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // A form's onSubmit or a button's onClick may be async: React ignores what they return.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    files: ["app/**/*.tsx", "emails/**/*.tsx", "tests/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...boundaries.map(({ name, files, ignores, patterns }) => ({
    name: `boundaries: ${name}`,
    files,
    ...(ignores ? { ignores } : {}),
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
  })),
  {
    // People's input is checked with app/forms/zod, whose default messages are written for people. ESLint's own
    // rule, so that it adds to the boundaries above instead of replacing them for these files.
    name: "zod through app/forms/zod",
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/forms/zod.ts", "app/config.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Import { z } from app/forms/zod: its default messages are written for people." },
          ],
        },
      ],
    },
  },
);
