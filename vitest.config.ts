import { defineConfig } from "vitest/config";

// Three projects: plain tests once; every *.db.test.ts twice, against the machine's PostgreSQL
// and against the embedded one (the two database paths the service supports).
const root = import.meta.dirname;
const shared = {
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
};
const all = ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"];
const dbTests = ["lib/**/*.db.test.ts", "tests/**/*.db.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    maxWorkers: 2,
    exclude: ["node_modules", "e2e", ".next", "data"],
    projects: [
      { extends: true, test: { ...shared, name: "unit", include: all, exclude: [...dbTests, "node_modules"] } },
      { extends: true, test: { ...shared, name: "db:system", include: dbTests, env: { TEST_DB_TARGET: "system" } } },
      {
        extends: true,
        test: {
          ...shared,
          name: "db:embedded",
          include: dbTests,
          env: { TEST_DB_TARGET: "embedded" },
          globalSetup: ["tests/support/embedded-pg-setup.ts"],
        },
      },
    ],
  },
});
