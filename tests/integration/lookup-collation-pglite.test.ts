import { lookupCollationSuite } from "./lookup-collation.suite";

lookupCollationSuite("pglite", "PGlite (C collation)");
