// Demo users, one per role. Seeded only in demo mode; listed in the README and on the login page
// only in demo mode.
import type { Role } from "@/generated/prisma/enums";

export const DEMO_USERS: { email: string; password: string; name: string; role: Role }[] = [
  { email: "admin@demo.merchantops.no", password: "demo-admin-2026", name: "Ada Admin", role: "admin" },
  { email: "finance@demo.merchantops.no", password: "demo-finance-2026", name: "Finn Økonomi", role: "finance" },
  { email: "support@demo.merchantops.no", password: "demo-support-2026", name: "Siri Kundeservice", role: "support" },
  { email: "developer@demo.merchantops.no", password: "demo-developer-2026", name: "Dev Utvikler", role: "developer" },
];
