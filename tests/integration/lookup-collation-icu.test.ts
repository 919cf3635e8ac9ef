import { describe, it } from "vitest";
import { databaseKinds } from "../helpers/databases";
import { lookupCollationSuite } from "./lookup-collation.suite";

// A language collation: "FS-123" sorts after "FS-12~", so the prefix cannot be an index range here.
if ((await databaseKinds()).includes("postgres"))
  lookupCollationSuite("postgres", "PostgreSQL (ICU en-US collation)", { icuLocale: "en-US" });
else describe.skip("orderId prefix search on PostgreSQL (ICU en-US collation)", () => it("needs PostgreSQL"));
