// Where sign-in may send the browser: the probes of issue 8 (open redirect, 500 on a newline) and
// the bad inputs it lists. Every refused value lands on "/", never on another origin.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/** What a browser does with a Location value: resolve it against our origin. */
const landsOn = (location: string) => new URL(location, "https://ops.example.no").origin;

describe("post-sign-in redirect", () => {
  it.each([
    ["/users?x=1", "/users?x=1"],
    ["/history/212345?status=reserved&text=FS%2012", "/history/212345?status=reserved&text=FS%2012"],
    ["/payments/212345/FS-1001#timeline", "/payments/212345/FS-1001#timeline"],
    ["/?q=FS-1", "/?q=FS-1"],
  ])("keeps the same-site deep link %j", (value, expected) => expect(safeCallbackPath(value)).toBe(expected));

  it.each([
    // The probes: a tab, a newline, a carriage return, an ideographic space inside "//".
    "/\t/evil.example/",
    "/\n/x",
    "/\r/x",
    "/\u3000/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u0000/x",
    // Schemes, protocol-relative, backslashes, encoded separators.
    "https://evil.example/",
    "HTTPS://evil.example/",
    "javascript:alert(1)",
    "data:text/html,x",
    "//evil.example/x",
    "/\\evil.example",
    "/x\\y",
    "\\/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C%5Cevil.example",
    "/%0A/x",
    // Dot-segments that collapse into "//host" (found by the probe review).
    "/history/..//evil.example/phish",
    "/.//evil.example",
    "/a/%2e%2e//evil.example",
    "/a/%252e%252e//evil.example",
    "/a/b/../..//evil.example",
    // Too long, empty, not a string, back to sign-in.
    `/${"a".repeat(3000)}`,
    "",
    "users",
    "/login",
    "/login?callbackUrl=https://evil.example",
    "/api/auth/signout",
    42,
    null,
    ["/users"],
  ])("sends %j to the overview instead", (value) => expect(safeCallbackPath(value)).toBe("/"));

  it("never produces a value a browser resolves to another origin (random paths)", () => {
    const alphabet = [
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      "\u3000",
      "%",
      "2",
      "f",
      "F",
      "5",
      "c",
      ".",
      "e",
      ":",
      "@",
      "?",
      "#",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const len = 1 + (next() % 12);
      const value = Array.from({ length: len }, () => alphabet[next() % alphabet.length]).join("");
      const out = safeCallbackPath(value);
      expect(landsOn(out), JSON.stringify(value)).toBe("https://ops.example.no");
      expect(out).not.toMatch(/[\u0000-\u0020\\]/);
      expect(out.startsWith("//"), JSON.stringify(value)).toBe(false);
    }
  });
});
