// Prisma CLI settings. Only `prisma generate` is used here (STACK-NOTES: the migration engine cannot
// be downloaded on these machines); migrations are applied by lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/placeholder" },
});
