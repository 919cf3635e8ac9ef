// Small helpers for the public JSON endpoints (Vipps callbacks, the shop's ingest API): a body read
// with a size limit (never buffering more than the limit), and one error body shape.

export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 413; error: string; message: string };

/** Reads the request body as UTF-8, refusing more than `maxBytes` or bytes that are not UTF-8. */
export async function readBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const tooLarge = {
    ok: false,
    status: 413,
    error: "body_too_large",
    message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, error: "invalid_encoding", message: "The request body is not UTF-8 text." };
  }
}

/** A JSON error answer: a stable `error` code for programs and a specific `message` for people. */
export function problem(
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  return Response.json({ error, message, ...extra }, { status, headers });
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The first zod issue as "path: message", for a specific 400 message. */
export function firstIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const i = issues[0];
  if (!i) return "The body is not valid.";
  const path = i.path.map(String).join(".");
  return path ? `${path}: ${i.message}` : i.message;
}
