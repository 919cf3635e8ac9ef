import { accessSuite } from "./payment-access.suite";

accessSuite("pglite");
