// The remedy catalogue's data: for every remedy id, who has to act and where Vipps documents it.
// The words (title, cause, next step) are in the dictionaries under remedies.entries.<id>, typed
// against RemedyId, so an id without texts (or texts without an id) fails type-checking.
// lib/api-errors/remedies.ts picks the id for a logged error.

/** Who has to do something: the paying customer, the shop's staff, a developer, or Vipps. */
export const REMEDY_ACTORS = ["customer", "staff", "developer", "vipps"] as const;
export type RemedyActor = (typeof REMEDY_ACTORS)[number];

const ECOM = "https://developer.vippsmobilepay.com/docs/APIs/ecom-api/vipps-ecom-api";

/**
 * Vipps' documentation pages we link to. Each address appears word for word in the shared research
 * (../shared: the notes, the FAQ files, the eCom and access token specs); a unit test checks that.
 */
export const DOCS = {
  errors: `${ECOM}#errors`,
  errorCodes: `${ECOM}#error-codes`,
  errorGroups: `${ECOM}#error-groups`,
  requests: `${ECOM}#requests-and-responses`,
  urlValidation: "https://developer.vippsmobilepay.com/docs/APIs/ecom-api/vipps-ecom-api/#url-validation",
  ecomFaqErrors: "https://developer.vippsmobilepay.com/docs/APIs/ecom-api/vipps-ecom-api-faq#common-errors",
  commonErrorsFaq: "https://developer.vippsmobilepay.com/docs/faqs/common-errors-faq",
  reserveCaptureFaq: "https://developer.vippsmobilepay.com/docs/faqs/reserve-and-capture-faq/",
  refundsFaq: "https://developer.vippsmobilepay.com/docs/faqs/refunds-faq",
  usersPaymentsFaq: "https://developer.vippsmobilepay.com/docs/faqs/users-and-payments-faq",
  accessToken: "https://developer.vippsmobilepay.com/docs/APIs/access-token-api/",
  httpHeaders: "https://developer.vippsmobilepay.com/docs/common-topics/http-headers/",
  partnerKeys: "https://developer.vippsmobilepay.com/docs/partner/partner-keys",
  pspSignup: "https://developer.vippsmobilepay.com/docs/APIs/psp-api/vipps-psp-signup-api/",
  testEnvironment: "https://developer.vippsmobilepay.com/docs/test-environment/",
  testSalesUnit: "https://developer.vippsmobilepay.com/docs/developer-resources/portal#how-to-create-a-test-sales-unit",
  orderId: "https://developer.vippsmobilepay.com/docs/common-topics/orderid",
  userinfoScope: "https://developer.vippsmobilepay.com/docs/APIs/userinfo-api#scope",
  statusPages: "https://developer.vippsmobilepay.com/docs/developer-resources/status-pages/",
  callbacks: `${ECOM}#callbacks`,
} as const;
export type DocKey = keyof typeof DOCS;

export interface RemedyDef {
  who: RemedyActor;
  /** Most useful first. */
  docs: readonly DocKey[];
}

const r = (who: RemedyActor, ...docs: DocKey[]): RemedyDef => ({ who, docs });

/**
 * Every remedy. Ids: `vipps.<group>.<code>` for a Vipps error code (the same number means different
 * things in different groups), `vipps.<group>` for a group's codes we do not know, `gateway.…` and
 * `token.…` for the gateway's and the token endpoint's errors told apart by their message,
 * `http.<status>` per HTTP status, `network.…` when no answer came, and `generic` for the rest.
 */
export const REMEDY_CATALOGUE = {
  // Payment (ecom-api.md §8.4)
  "vipps.Payment.41": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Payment.42": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Payment.43": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Payment.44": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Payment.45": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Payment.51": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.52": r("developer", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.53": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.61": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.62": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.63": r("developer", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.71": r("staff", "errorCodes", "refundsFaq"),
  "vipps.Payment.72": r("staff", "errorCodes", "refundsFaq"),
  "vipps.Payment.73": r("staff", "errorCodes", "refundsFaq"),
  "vipps.Payment.74": r("staff", "errorCodes", "refundsFaq"),
  "vipps.Payment.93": r("developer", "errorCodes", "httpHeaders"),
  "vipps.Payment.95": r("staff", "errorCodes", "refundsFaq"),
  "vipps.Payment.95.direct-capture": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.96": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.98": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.Payment.1082": r("developer", "testEnvironment", "errorCodes"),
  "vipps.Payment.1501": r("customer", "errorCodes", "usersPaymentsFaq"),
  // VippsError
  "vipps.VippsError.91": r("staff", "errorCodes", "reserveCaptureFaq"),
  "vipps.VippsError.92": r("developer", "errorCodes"),
  "vipps.VippsError.93": r("developer", "errorCodes", "httpHeaders"),
  "vipps.VippsError.94": r("developer", "errorCodes", "httpHeaders"),
  "vipps.VippsError.98": r("developer", "errorCodes"),
  "vipps.VippsError.99": r("developer", "ecomFaqErrors", "errorCodes"),
  // User
  "vipps.User.81": r("customer", "ecomFaqErrors", "usersPaymentsFaq"),
  "vipps.User.82": r("customer", "errorCodes"),
  // Merchant
  "vipps.Merchant.21": r("developer", "errorCodes"),
  "vipps.Merchant.22": r("developer", "errorCodes"),
  "vipps.Merchant.31": r("staff", "errorCodes"),
  "vipps.Merchant.32": r("staff", "errorCodes"),
  "vipps.Merchant.33": r("staff", "errorCodes"),
  "vipps.Merchant.34": r("developer", "orderId", "errorCodes"),
  "vipps.Merchant.35": r("developer", "ecomFaqErrors", "orderId"),
  "vipps.Merchant.36": r("staff", "errorCodes"),
  "vipps.Merchant.37": r("staff", "ecomFaqErrors", "testSalesUnit"),
  "vipps.Merchant.38": r("developer", "errorCodes"),
  "vipps.Merchant.39": r("developer", "errorCodes"),
  "vipps.Merchant.51": r("developer", "userinfoScope", "errorCodes"),
  "vipps.Merchant.97": r("staff", "ecomFaqErrors", "commonErrorsFaq"),
  // Whole groups: InvalidRequest (the code is the field's name), and codes we do not know
  "vipps.InvalidRequest": r("developer", "errors", "urlValidation"),
  "vipps.Authentication": r("developer", "commonErrorsFaq", "accessToken"),
  "vipps.Payment": r("developer", "errorCodes", "errorGroups"),
  "vipps.VippsError": r("vipps", "errorCodes", "statusPages"),
  "vipps.User": r("customer", "errorCodes", "usersPaymentsFaq"),
  "vipps.Merchant": r("staff", "errorCodes", "ecomFaqErrors"),
  // The Azure gateway and the token endpoint, told apart by their message
  "gateway.401.subscription-key-missing": r("developer", "commonErrorsFaq", "httpHeaders"),
  "gateway.401.subscription-key-invalid": r("developer", "commonErrorsFaq", "testEnvironment"),
  "gateway.401.subscription-not-found": r("staff", "commonErrorsFaq"),
  "gateway.401.access-token": r("developer", "accessToken", "commonErrorsFaq"),
  "gateway.401.token-expired": r("developer", "accessToken"),
  "gateway.403.msn-mismatch": r("developer", "commonErrorsFaq", "httpHeaders"),
  "gateway.403.partner-msn": r("developer", "partnerKeys", "httpHeaders"),
  "gateway.404.test-only": r("developer", "testEnvironment"),
  "gateway.404.resource-not-found": r("developer", "requests", "ecomFaqErrors"),
  "gateway.invalid-msn.keys": r("developer", "ecomFaqErrors", "testEnvironment"),
  "gateway.invalid-msn.supermerchant": r("developer", "partnerKeys", "ecomFaqErrors"),
  "gateway.invalid-msn.header-missing": r("developer", "partnerKeys", "httpHeaders"),
  "gateway.invalid-msn.psp": r("developer", "pspSignup", "ecomFaqErrors"),
  "token.invalid-client": r("developer", "accessToken", "commonErrorsFaq"),
  "token.unauthorized-client": r("developer", "commonErrorsFaq", "accessToken"),
  "token.invalid-request": r("developer", "accessToken"),
  // Per HTTP status, when nothing more specific matched
  "http.400": r("developer", "errors", "urlValidation"),
  "http.401": r("developer", "commonErrorsFaq", "accessToken"),
  "http.402": r("staff", "errors"),
  "http.403": r("developer", "ecomFaqErrors", "partnerKeys"),
  "http.404": r("developer", "ecomFaqErrors"),
  "http.405": r("developer", "requests"),
  "http.409": r("developer", "httpHeaders"),
  "http.415": r("developer", "requests"),
  "http.422": r("developer", "errors"),
  "http.423": r("developer", "errors"),
  "http.429": r("developer", "ecomFaqErrors"),
  "http.500": r("developer", "ecomFaqErrors", "statusPages"),
  "http.503": r("vipps", "statusPages"),
  "http.5xx": r("vipps", "statusPages"),
  "response.unreadable": r("developer", "requests"),
  // Callbacks Vipps sent us that we refused (logged with group "Callback" and our error code)
  "callback.unauthorized": r("developer", "callbacks"),
  "callback.too_many_callbacks": r("developer", "callbacks"),
  "callback.other": r("developer", "callbacks"),
  // No HTTP answer at all
  "network.timeout": r("developer", "statusPages"),
  "network.reset": r("developer", "statusPages"),
  "network.unreachable": r("developer", "statusPages"),
  "network.other": r("developer", "statusPages"),
  generic: r("developer", "errors", "commonErrorsFaq"),
} satisfies Record<string, RemedyDef>;

export type RemedyId = keyof typeof REMEDY_CATALOGUE;

export const REMEDY_IDS = Object.keys(REMEDY_CATALOGUE) as RemedyId[];

export const isRemedyId = (id: string): id is RemedyId => Object.hasOwn(REMEDY_CATALOGUE, id);
