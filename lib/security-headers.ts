// Response headers every page gets. The Content-Security-Policy carries a fresh nonce per request:
// Next.js reads it from the request's CSP header and puts it on its own scripts, so no other inline
// script (and no eval outside development) can run. Pages are all rendered per request, so every
// page carries the nonce.
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's font loader and React put style elements/attributes in the page; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()";

/** Server action bodies above this are refused by the proxy with 413 before Next reads them. */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;
