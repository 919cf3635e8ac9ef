// The remedy catalogue against the research it was written from: every error code in ecom-api.md
// §8.4 and every status in §8.1/§8.2 is read from the notes at test time, so removing an entry (or a
// new code in the notes) fails here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS } from "@/lib/api-errors/remedy-catalogue";
import { REMEDY_IDS, remedyEntry, remedyFor, type RemedyId, type RemedyInput } from "@/lib/api-errors/remedies";
import en from "@/lib/i18n/dictionaries/en";
import nb from "@/lib/i18n/dictionaries/nb";

const SHARED = path.join(process.cwd(), "..", "shared");
const notes = readFileSync(path.join(SHARED, "notes", "ecom-api.md"), "utf8");

/** The text of one `### n.n` section of the notes. */
function section(heading: string): string {
  const start = notes.indexOf(`### ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = notes.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}

interface Row {
  group: string;
  code: string;
  message: string;
}

/** The §8.4 table: `| group | code | errorMessage (latest) | notes |`. */
function codeTable(): Row[] {
  return section("8.4 Error codes")
    .split("\n")
    .filter((line) => /^\|\s*(Payment|VippsError|User|Merchant|InvalidRequest)\s*\|/.test(line))
    .map((line) => {
      const cells = line.split("|").map((c) => c.trim());
      return { group: cells[1]!, code: cells[2]!, message: cells[3]!.replace(/^\(|\)$/g, "").replace(/"/g, "") };
    });
}

/** Every HTTP error status named in §8.1 (the gateway's) and §8.2. */
function documentedStatuses(): number[] {
  const text = section("8.1 Body formats") + section("8.2 HTTP statuses");
  const all = [...text.matchAll(/\b([45]\d\d)\b/g)].map((m) => Number(m[1]));
  return [...new Set(all)].sort();
}

const texts = (id: RemedyId) => [nb.remedies.entries[id], en.remedies.entries[id]];
const seen = new Set<RemedyId>();
function remedy(input: RemedyInput) {
  const r = remedyFor(input);
  seen.add(r.id);
  return r;
}

describe("every error code in ecom-api.md §8.4 has its own remedy", () => {
  const rows = codeTable();

  it("reads the whole table", () => {
    expect(rows.length).toBeGreaterThanOrEqual(43);
    expect(rows).toContainEqual(expect.objectContaining({ group: "Payment", code: "61" }));
    expect(rows).toContainEqual(expect.objectContaining({ group: "Merchant", code: "97" }));
  });

  it.each(codeTable().map((r) => [`${r.group}/${r.code}`, r] as const))("%s", (_, row) => {
    const field = row.code.startsWith("*");
    const input = { httpStatus: 400, errorGroup: row.group, errorCode: field ? "amount" : row.code };
    const expected = field ? `vipps.${row.group}` : `vipps.${row.group}.${row.code}`;
    for (const r of [remedy(input), remedy({ ...input, errorMessage: row.message })]) {
      expect(r.matchedBy).toBe("code");
      expect(r.id === expected || r.id.startsWith(`${expected}.`), r.id).toBe(true);
      for (const t of texts(r.id)) for (const s of [t.title, t.cause, t.next]) expect(s.trim()).not.toBe("");
      expect(r.entry.links.length).toBeGreaterThan(0);
    }
  });

  it("the same number in two groups means two different things", () => {
    for (const [a, b] of [
      ["Payment", "Merchant", "51"],
      ["Payment", "VippsError", "93"],
      ["Payment", "VippsError", "98"],
    ].map(([g1, g2, code]) => [
      remedy({ errorGroup: g1, errorCode: code }),
      remedy({ errorGroup: g2, errorCode: code }),
    ]))
      expect(a!.id).not.toBe(b!.id);
    expect(remedy({ errorGroup: "Merchant", errorCode: "51" }).id).toBe("vipps.Merchant.51");
    expect(remedy({ errorGroup: "Payment", errorCode: "51" }).id).toBe("vipps.Payment.51");
  });

  it("Payment/95 tells the 365-day limit from 'direct capture is not allowed'", () => {
    const p95 = (errorMessage?: string, operation?: string) =>
      remedy({ errorGroup: "Payment", errorCode: "95", errorMessage, operation }).id;
    expect(p95("Payments can only be refunded up to 365 days after reservation. See the FAQ.")).toBe(
      "vipps.Payment.95",
    );
    expect(p95("Direct capture is not allowed. See the Checkout documentation.")).toBe(
      "vipps.Payment.95.direct-capture",
    );
    expect(p95(undefined, "refund")).toBe("vipps.Payment.95");
    expect(p95(undefined, "initiate")).toBe("vipps.Payment.95.direct-capture");
    expect(p95()).toBe("vipps.Payment.95");
  });

  it("accepts the group's other spellings and a numeric code", () => {
    expect(remedy({ errorGroup: "user", errorCode: "81" }).id).toBe("vipps.User.81");
    expect(remedy({ errorGroup: "Customer", errorCode: 82 }).id).toBe("vipps.User.82");
  });

  it("a code we do not know falls back to its group, not to the generic remedy", () => {
    expect(remedy({ errorGroup: "Payment", errorCode: "4242", httpStatus: 400 })).toMatchObject({
      id: "vipps.Payment",
      matchedBy: "group",
    });
    for (const group of ["VippsError", "User", "Merchant", "Authentication"])
      expect(remedy({ errorGroup: group, errorCode: "4242" }).id).toBe(`vipps.${group}`);
  });
});

describe("every HTTP status in ecom-api.md §8.1/§8.2 has a remedy", () => {
  it("reads the statuses", () => {
    expect(documentedStatuses()).toEqual(expect.arrayContaining([400, 401, 403, 404, 409, 422, 423, 429, 500]));
  });

  it.each(documentedStatuses())("HTTP %i without a Vipps error code", (status) => {
    const r = remedy({ httpStatus: status, operation: "capture" });
    expect(r.matchedBy).toBe("status");
    expect(r.id).toBe(`http.${status}`);
    for (const t of texts(r.id)) expect(t.cause).not.toBe("");
  });

  it("plain 5xx without a body, and the other 5xx", () => {
    expect(remedy({ httpStatus: 500 }).id).toBe("http.500");
    expect(remedy({ httpStatus: 503 }).id).toBe("http.503");
    expect(remedy({ httpStatus: 502 }).id).toBe("http.5xx");
    expect(remedy({ httpStatus: 504, errorMessage: "details: HTTP 504" }).id).toBe("http.5xx");
    // With a Vipps body, the code decides.
    expect(remedy({ httpStatus: 500, errorGroup: "VippsError", errorCode: "99" }).id).toBe("vipps.VippsError.99");
  });

  it("a 2xx we could not read", () => {
    expect(remedy({ httpStatus: 200, errorMessage: "capture: unexpected response body (transactionInfo)" }).id).toBe(
      "response.unreadable",
    );
  });
});

// The gateway's answers have no Vipps code: the message tells the causes apart (FAQ "Why do I get
// HTTP 401 / 403", "Invalid MSN", "unauthorized_client"). Messages as Vipps, Azure and our simulator
// send them; the APIM statusCode only repeats the status, so our client logs no code for it, and for
// the ErrorFromAzure format it logs "<responseMessage> (<result.message>)".
const GATEWAY_401: [string, RemedyInput, RemedyId][] = [
  [
    "invalid subscription key (APIM format)",
    {
      errorMessage:
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
    },
    "gateway.401.subscription-key-invalid",
  ],
  [
    "missing subscription key",
    {
      errorMessage:
        "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
    },
    "gateway.401.subscription-key-missing",
  ],
  [
    "subscription not found (Vipps' own body)",
    { errorCode: "Unauthorized", errorMessage: "Subscription not found" },
    "gateway.401.subscription-not-found",
  ],
  [
    "access token missing or invalid (ErrorFromAzure format)",
    { errorMessage: "Unauthorized (Unauthorized. Access token is missing, invalid or expired.)" },
    "gateway.401.access-token",
  ],
  ["access token expired", { errorMessage: "Unauthorized. Access token has expired." }, "gateway.401.token-expired"],
];

const GATEWAY_403: [string, RemedyInput, RemedyId][] = [
  [
    "sales unit approved for Login only",
    { errorMessage: "Merchant Not Allowed for Ecommerce Payment" },
    "vipps.Merchant.97",
  ],
  [
    "partner keys without Merchant-Serial-Number",
    {
      errorMessage: "Partner keys need a Merchant-Serial-Number header naming a sales unit the partner may act for.",
    },
    "gateway.403.partner-msn",
  ],
  [
    "MSN header for another sales unit than the keys",
    { errorMessage: "The Merchant-Serial-Number header does not match the keys used." },
    "gateway.403.msn-mismatch",
  ],
];

const INVALID_MSN: [string, string, RemedyId][] = [
  [
    "keys not valid for the MSN",
    "Invalid MSN: 654321. Check your API keys on portal.vipps.no and see the eCom FAQ for tips.",
    "gateway.invalid-msn.keys",
  ],
  [
    "partner MSN from the other environment",
    "Invalid MSN: 654321. This MSN is not valid for the provided supermerchant ID.",
    "gateway.invalid-msn.supermerchant",
  ],
  [
    "partner keys without the MSN header",
    "Invalid MSN: This MSN is not valid for the provided supermerchant ID.",
    "gateway.invalid-msn.header-missing",
  ],
  [
    "MSN created by another PSP",
    "Invalid MSN: 654321. This MSN is not valid for the provided PSP ID. Check that you are using the correct credentials for the right environment.",
    "gateway.invalid-msn.psp",
  ],
];

describe("the gateway's 401 and 403 causes map to distinct remedies", () => {
  it.each(GATEWAY_401)("401: %s", (_, input, id) => {
    expect(remedy({ ...input, httpStatus: 401, operation: "details" })).toMatchObject({ id, matchedBy: "pattern" });
  });

  it.each(GATEWAY_403)("403: %s", (_, input, id) => {
    expect(remedy({ ...input, httpStatus: 403, operation: "initiate" }).id).toBe(id);
  });

  it.each(INVALID_MSN)("Invalid MSN: %s", (_, errorMessage, id) => {
    for (const httpStatus of [400, 401, 403]) expect(remedy({ httpStatus, errorMessage }).id).toBe(id);
  });

  it("every cause has its own remedy, and none is the per-status fallback", () => {
    const ids = [...GATEWAY_401, ...GATEWAY_403].map(([, , id]) => id).concat(INVALID_MSN.map(([, , id]) => id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain("http.401");
    expect(ids).not.toContain("http.403");
  });

  it("a 401 or 403 without a message we know gets the status' remedy", () => {
    expect(remedy({ httpStatus: 401, errorMessage: "Unauthorized" }).id).toBe("http.401");
    expect(remedy({ httpStatus: 403, errorMessage: "Forbidden" }).id).toBe("http.403");
    // Our client's message for a body it could not parse names the operation, not the cause.
    expect(remedy({ httpStatus: 401, errorMessage: "accessToken: HTTP 401", operation: "accessToken" }).id).toBe(
      "http.401",
    );
    expect(remedy({ httpStatus: 401, errorGroup: "constructor", errorCode: "toString" }).id).toBe("http.401");
  });

  it("the access token endpoint's own errors", () => {
    const token = (httpStatus: number, errorCode: string, errorMessage: string) =>
      remedy({ httpStatus, errorCode, errorMessage, operation: "accessToken" }).id;
    expect(
      token(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent…"),
    ).toBe("token.invalid-client");
    expect(
      token(400, "unauthorized_client", "AADSTS700016: Application with identifier 'my_client_id' was not found…"),
    ).toBe("token.unauthorized-client");
    expect(token(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter")).toBe(
      "token.invalid-request",
    );
    // The token endpoint behind the gateway: a wrong subscription key is the gateway's answer.
    expect(
      token(
        401,
        "401",
        "Unauthorized (Access denied due to invalid subscription key. Make sure to provide a valid key…)",
      ),
    ).toBe("gateway.401.subscription-key-invalid");
  });

  it("404: unknown path, test-only endpoint, unknown orderId", () => {
    expect(remedy({ httpStatus: 404, errorCode: "404", errorMessage: "Not Found (Resource not found)" }).id).toBe(
      "gateway.404.resource-not-found",
    );
    expect(remedy({ httpStatus: 404, operation: "approve", errorMessage: "Resource not found" }).id).toBe(
      "gateway.404.test-only",
    );
    expect(
      remedy({
        httpStatus: 404,
        errorGroup: "Merchant",
        errorCode: "35",
        errorMessage: "The orderId 'acme-shop-123-order123abc' does not exist for MSN 654321.",
      }).id,
    ).toBe("vipps.Merchant.35");
  });

  it("429 from the gateway, whatever the operation", () => {
    for (const operation of ["initiate", "capture", "details"])
      expect(
        remedy({
          httpStatus: 429,
          errorCode: "429",
          errorMessage: "Rate limit is exceeded. Try again in 1 seconds.",
          operation,
        }).id,
      ).toBe("http.429");
  });

  it("a duplicate orderId in the plain-string format", () => {
    expect(remedy({ httpStatus: 400, errorMessage: "orderId is already used, and must be unique" }).id).toBe(
      "vipps.Merchant.34",
    );
  });
});

describe("no answer at all", () => {
  it.each([
    ["timeout after 10000 ms", "network.timeout"],
    ["UND_ERR_CONNECT_TIMEOUT", "network.timeout"],
    ["ECONNRESET", "network.reset"],
    ["other side closed", "network.reset"],
    ["ECONNREFUSED", "network.unreachable"],
    ["ENOTFOUND", "network.unreachable"],
    ["fetch failed", "network.other"],
  ] as const)("%s", (networkError, id) => {
    expect(remedy({ networkError, httpStatus: null, operation: "capture" })).toMatchObject({
      id,
      matchedBy: "network",
    });
  });

  it("a rollup row's status 0 (no answer, no text)", () => {
    expect(remedy({ httpStatus: 0, errorGroup: "", errorCode: "" }).id).toBe("network.other");
  });
});

describe("callbacks we refused (logged with group Callback and our own error code)", () => {
  it.each<[string, RemedyId]>([
    ["unauthorized", "callback.unauthorized"],
    ["too_many_callbacks", "callback.too_many_callbacks"],
    ["invalid_body", "callback.other"],
  ])("%s", (errorCode, id) => {
    expect(remedy({ httpStatus: 401, errorGroup: "Callback", errorCode, operation: "callback" })).toMatchObject({
      id,
      matchedBy: "code",
    });
  });
});

describe("the generic fallback", () => {
  it.each<[string, RemedyInput]>([
    ["nothing at all", {}],
    ["a status we have no remedy for", { httpStatus: 418, errorMessage: "I'm a teapot" }],
    ["a group Vipps does not have", { errorGroup: "Nonsense", errorCode: "1", errorMessage: "?" }],
    ["empty strings", { httpStatus: null, errorGroup: " ", errorCode: "", errorMessage: "" }],
  ])("%s", (_, input) => {
    expect(remedy(input)).toMatchObject({ id: "generic", matchedBy: "generic" });
  });
});

describe("the catalogue", () => {
  it("every remedy has a title, cause and next step in both languages, and the languages differ", () => {
    for (const id of REMEDY_IDS) {
      const [n, e] = texts(id);
      for (const t of [n, e]) for (const s of [t!.title, t!.cause, t!.next]) expect(s.trim(), id).not.toBe("");
      expect(e!.cause, id).not.toBe(n!.cause);
      const entry = remedyEntry(id);
      expect(nb.remedies.who[entry.who], id).toBeTruthy();
      expect(entry.links.length, id).toBeGreaterThan(0);
    }
  });

  it("links only to Vipps documentation named in the shared research", () => {
    const ref = path.join(SHARED, "reference");
    const sources = [
      notes,
      ...readdirSync(path.join(ref, "faq")).map((f) => readFileSync(path.join(ref, "faq", f), "utf8")),
      readFileSync(path.join(ref, "swagger.yaml"), "utf8"),
      readFileSync(path.join(ref, "ms_import.yaml"), "utf8"),
      readFileSync(path.join(ref, "access-token-api", "swagger.yaml"), "utf8"),
    ].join("\n");
    for (const [key, url] of Object.entries(DOCS)) {
      expect(url, key).toMatch(/^https:\/\/developer\.vippsmobilepay\.com\/docs\//);
      expect(sources.includes(url), `${key}: ${url}`).toBe(true);
      expect(nb.remedies.docs[key as keyof typeof DOCS]).toBeTruthy();
    }
  });

  // Last, after every test above has recorded the remedies it saw.
  it("every remedy is reached by at least one realistic input above", () => {
    expect(REMEDY_IDS.filter((id) => !seen.has(id))).toEqual([]);
  });
});
