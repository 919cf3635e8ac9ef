import { describe, it } from "vitest";
import { databaseKinds } from "../helpers/databases";
import { lookupCollationSuite } from "./lookup-collation.suite";

if ((await databaseKinds()).includes("postgres"))
  lookupCollationSuite("postgres", "PostgreSQL (server default collation)");
else describe.skip("orderId prefix search on PostgreSQL (server default collation)", () => it("needs PostgreSQL"));
