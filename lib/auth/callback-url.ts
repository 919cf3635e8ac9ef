// Where to go after signing in: a path on this site, or "/". The value comes from the URL, so it is
// an attacker's to choose: it is parsed as a URL against our own origin and kept only when the
// origin stays ours. Browsers drop tabs and newlines inside URLs ("/\t/evil.example" becomes
// "//evil.example", another host), so control characters, any whitespace and backslashes never pass,
// and neither do encoded slashes or backslashes in the path.
const OWN_ORIGIN = "http://merchant-ops.invalid";
const MAX_LENGTH = 2000;
// C0/C1 controls, DEL, every Unicode space (incl. U+3000, NBSP, line/paragraph separators, BOM), "\".
const FORBIDDEN_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const ENCODED_SEPARATOR = /%(2f|5c|2e)/i;
const ENCODED_CONTROL = /%(0[0-9a-f]|1[0-9a-f]|7f)/i;

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  if (FORBIDDEN_CHARS.test(value)) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN) return "/";
  // Dot-segments collapse while parsing ("/a/..//evil.example" → "//evil.example"): what comes out
  // must still be a single-slash path, or a browser reads it as another host.
  // No app path has an empty segment, so none may carry one (nor a double-encoded escape).
  if (url.pathname.includes("//") || /%25/i.test(url.pathname)) return "/";
  if (ENCODED_SEPARATOR.test(url.pathname) || ENCODED_CONTROL.test(url.pathname)) return "/";
  // Never back to sign-in itself or to Auth.js' endpoints.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/") || url.pathname.startsWith("/api/")) return "/";
  return url.pathname + url.search + url.hash;
}
