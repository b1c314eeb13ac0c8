import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          sequence: { groupOrder: 1 },
          // Each file gets its own database; a fresh PGlite plus migrations costs a few seconds.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: more workers only thrash.
          maxWorkers: 2,
        },
      },
    ],
  },
});
