import { describe, it } from "vitest";
import { databaseKinds } from "../helpers/databases";
import { accessSuite } from "./payment-access.suite";

if ((await databaseKinds()).includes("postgres")) accessSuite("postgres");
else describe.skip("payment access on postgres (no PostgreSQL reachable)", () => it("skipped", () => {}));
