// Where the sales-unit admin pages live, for links and revalidation.
export const ADMIN_UNITS_PATH = "/admin/sales-units";
export const PARTNER_KEYS_PATH = "/admin/sales-units/partner-keys";
export const NEW_UNIT_PATH = "/admin/sales-units/new";
export const adminUnitPath = (msn: string) => `${ADMIN_UNITS_PATH}/${encodeURIComponent(msn)}`;
