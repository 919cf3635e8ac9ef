import { describe, it } from "vitest";
import { databaseKinds } from "../helpers/databases";
import { salesUnitsAdminSuite } from "./sales-units-admin.suite";

if ((await databaseKinds()).includes("postgres")) salesUnitsAdminSuite("postgres");
else describe.skip("sales-unit administration on postgres (no PostgreSQL reachable)", () => it("skipped", () => {}));
