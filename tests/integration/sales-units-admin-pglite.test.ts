import { salesUnitsAdminSuite } from "./sales-units-admin.suite";

salesUnitsAdminSuite("pglite");
