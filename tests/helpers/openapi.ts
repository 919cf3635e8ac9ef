// Contract checks against the official specs in ../shared/reference, with openapi-backend (ajv).
// The eCom spec declares "application/json;charset=UTF-8", which openapi-backend does not look up,
// so the dereferenced document's media types are normalised to "application/json" first.
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { OpenAPIBackend } from "openapi-backend";

export const REFERENCE_DIR = path.resolve(process.cwd(), "..", "shared", "reference");

type Doc = Record<string, unknown>;

function normaliseMediaTypes(node: unknown): void {
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node as Doc)) {
    if (key === "content" && value && typeof value === "object") {
      const content = value as Doc;
      for (const type of Object.keys(content)) {
        if (type.startsWith("application/json") && type !== "application/json")
          content["application/json"] ??= content[type];
      }
    }
    normaliseMediaTypes(value);
  }
}

async function load(file: string): Promise<OpenAPIBackend> {
  // The official spec has small schema slips (a parameter-level `pattern`), so it is dereferenced
  // without validating the document itself; responses are still validated against its schemas.
  const doc = (await SwaggerParser.dereference(path.join(REFERENCE_DIR, file), {
    validate: { schema: false, spec: false },
  })) as unknown as Doc;
  normaliseMediaTypes(doc);
  const api = new OpenAPIBackend({
    definition: doc as never,
    quick: true,
    strict: true,
    validate: true,
    ajvOpts: { strict: false, allErrors: true },
    // One deliberate reading: the token spec types access_token as `format: byte` (base64), but its
    // own text says it is a JWT to decode on jwt.io, and JWTs contain "." and "-_". We check that it
    // has the JWT shape instead. `byte` appears nowhere else in the specs.
    customizeAjv: (ajv) =>
      ajv.addFormat("byte", { type: "string", validate: (v: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v) }),
  });
  await api.init();
  return api;
}

let ecom: Promise<OpenAPIBackend> | undefined;
let token: Promise<OpenAPIBackend> | undefined;

export interface ContractResult {
  valid: boolean;
  errors: string[];
}

const summarise = (r: {
  valid: boolean;
  errors?: { instancePath?: string; message?: string }[] | null;
}): ContractResult => ({
  valid: r.valid,
  errors: (r.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim()),
});

/** Validates a response body against swagger.yaml (or the access-token spec for the token call). */
export async function validateEcomResponse(
  operationId: string,
  status: number,
  body: unknown,
): Promise<ContractResult> {
  if (operationId === "fetchAuthorizationTokenUsingPost") {
    token ??= load("access-token-api/swagger.yaml");
    return summarise((await token).validateResponse(body, operationId, status));
  }
  ecom ??= load("swagger.yaml");
  return summarise((await ecom).validateResponse(body, operationId, status));
}

/** Validates a callback body against ms_import.yaml's callback request schema. */
export async function validateCallbackBody(body: unknown): Promise<ContractResult> {
  ecom ??= load("swagger.yaml");
  const api = await ecom;
  const operation = Object.values((api.definition.paths as Doc)["/callbackPrefix/v2/payments/{orderId}"] as Doc).find(
    (op) => typeof op === "object" && op !== null && "requestBody" in (op as Doc),
  ) as { operationId: string } | undefined;
  if (!operation) throw new Error("callback operation not found in the spec");
  const validator = api.validator;
  return summarise(
    validator.validateRequest(
      {
        method: "post",
        path: "/callbackPrefix/v2/payments/x",
        headers: { "content-type": "application/json", authorization: "callback-auth-token" },
        body,
      },
      operation.operationId,
    ),
  );
}
