// Unit tests of the benchmark harness: `npx vitest run -c bench/vitest.config.ts`
// (the project's vitest.config.ts does not include bench/).
import { defineConfig } from "vitest/config";

const root = new URL("..", import.meta.url).pathname;

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: { include: ["bench/**/*.test.ts"], testTimeout: 30_000, pool: "forks" },
});
