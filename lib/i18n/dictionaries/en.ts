import type { Dictionary } from "./nb";
import { actionsEn } from "./sections/actions.en";
import { apiLogEn } from "./sections/api-log.en";
import { auditEn } from "./sections/audit.en";
import { chargedTwiceEn } from "./sections/charged-twice.en";
import { financeEn } from "./sections/finance.en";
import { errorEn } from "./sections/error.en";
import { errorsEn } from "./sections/errors.en";
import { historyEn } from "./sections/history.en";
import { homeEn } from "./sections/home.en";
import { ingestEn } from "./sections/ingest.en";
import { moneyEn } from "./sections/money.en";
import { lookupEn } from "./sections/lookup.en";
import { paymentEn } from "./sections/payment.en";
import { remediesEn } from "./sections/remedies.en";
import { myAccountEn } from "./sections/my-account.en";
import { salesUnitsAdminEn } from "./sections/sales-units-admin.en";
import { paletteEn } from "./sections/palette.en";
import { spikesEn } from "./sections/spikes.en";
import { usersEn } from "./sections/users.en";
import { twoFactorEn } from "./sections/two-factor.en";

const en: Dictionary = {
  actions: actionsEn,
  apiLog: apiLogEn,
  audit: auditEn,
  chargedTwice: chargedTwiceEn,
  errors: errorsEn,
  finance: financeEn,
  history: historyEn,
  home: homeEn,
  ingest: ingestEn,
  lookup: lookupEn,
  money: moneyEn,
  payment: paymentEn,
  remedies: remediesEn,
  salesUnitsAdmin: salesUnitsAdminEn,
  palette: paletteEn,
  spikes: spikesEn,
  users: usersEn,
  myAccount: myAccountEn,
  twoFactor: twoFactorEn,
  appName: "Merchant Ops",
  tagline: "Operations for Vipps payments",
  language: { label: "Language", nb: "Norsk", en: "English" },
  roles: { admin: "Administrator", finance: "Finance", support: "Customer service", developer: "Developer" },
  nav: {
    overview: "Overview",
    lookup: "Look up",
    history: "History",
    approvals: "Approvals",
    finance: "Capture queue",
    salesUnits: "Sales units",
    errors: "API errors",
    apiLog: "API log",
    users: "Users",
    signOut: "Sign out",
    signOutEverywhere: "Sign out on every device",
    signedInAs: "Signed in as",
    mainMenu: "Main menu",
    openMenu: "Menu",
    closeMenu: "Close",
  },
  login: {
    title: "Sign in",
    subtitle: "Use the email address and password your administrator gave you.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in …",
    errors: {
      invalid: "Wrong email or password.",
      locked: "Too many failed attempts. The account is locked until {time}. Try again after that.",
      emailRequired: "Enter your email address.",
      passwordRequired: "Enter your password.",
      emailMalformed: "That does not look like an email address.",
      tooLong: "The field is too long (1 KB at most).",
      addressThrottled: "Too many failed sign-ins from your network. Wait a while and try again.",
      unexpected: "Something went wrong while signing in. Please try again.",
    },
    demoTitle: "Demo users",
    demoHint: "Demo mode: these users exist only in the demo data.",
  },
  overview: {
    title: "Overview",
    greeting: "Hello, {name}",
    roleIntro: "You are signed in as {role}.",
    canDo: "What you can do",
    salesUnitsCard: "Sales units you can access",
    allSalesUnits: "All sales units",
    noSalesUnits: "You do not have access to any sales units yet. Ask an administrator for access.",
    apiCallsCard: "API calls in the last 24 hours",
    abilities: {
      "payments:read": "Look up payments and read their history",
      "payments:money": "Capture, release, cancel and refund payments",
      "apilog:read": "Follow API errors with their cause and fix, and read every call in the API log",
      "salesunits:read": "See your sales units",
      "users:manage": "Create and change users and their roles, and create API keys for the shop",
      "salesunits:manage": "Add sales units, store their API keys and test the connection to Vipps",
    },
  },
  approvals: {
    title: "Waiting for approval",
    description:
      "Requests over the sales unit's four-eyes limit. Someone other than the requester approves or rejects them; after 24 hours they expire.",
    empty: "No requests are waiting.",
    columns: {
      orderId: "OrderId",
      salesUnit: "Sales unit",
      what: "Operation",
      amount: "Amount",
      by: "Asked by",
      when: "When",
      decide: "Decide",
    },
    yours: "Your request: someone else decides it.",
  },
  salesUnits: {
    approvals: "Four eyes",
    approvalsHelp: "Refunds above the limit, and optionally releases, must be approved by a second person.",
    threshold: "Refund limit (kr, empty = none)",
    releaseApproval: "Releasing the rest needs approval",
    save: "Save",
    saved: "Saved.",
    approvalNone: "No limit",
    approvalOver: "Refunds over {amount}",
    approvalRelease: "releases",
    title: "Sales units",
    description: "The sales units (MSN) you have access to.",
    msn: "MSN",
    name: "Name",
    environment: "Environment",
    captureType: "Capture",
    credentials: "API keys",
    configured: "Stored (encrypted)",
    missing: "Missing",
    empty: "No sales units to show.",
    environments: { simulator: "Simulator", test: "Test", production: "Production" },
    captureTypes: { reserve: "Reserve, capture later", direct: "Direct capture" },
  },
  notFound: {
    title: "Page not found",
    body: "This address does not exist, or you do not have access to it. Check the link, or go back to the overview.",
    home: "Go to the overview",
  },
  forbidden: {
    title: "No access",
    body: "Your role ({role}) does not give access to this page. Ask an administrator if you need it.",
  },
  error: errorEn,
  common: {
    loading: "Loading …",
    skipToContent: "Skip to content",
    notifications: "Notifications",
    closeNotification: "Close notification",
  },
};

export default en;
