// Used by the Prisma CLI (`prisma generate`). Migrations do not go through the CLI here: they run
// offline through the WebAssembly schema engine (scripts/db-migrate.ts, lib/db/migrations.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
