// Invitation and password links by mail (SMTP through nodemailer) — only with APP_URL, so a link is
// never built from a Host header someone could forge; a failing mail server is reported, not thrown.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailLink } from "@/lib/actions/users/origin";

describe("mailing a one-time link", () => {
  const received: { to: string[]; body: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        done();
      });
    },
  });
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const text = (link: string) => ({ subject: "Invitation", body: `Choose your password: ${link}` });
  const mail = () => ({ url, from: "Merchant Ops <ops@shop.example>" });

  it("sends the link on APP_URL to the person", async () => {
    const out = await mailLink("kari@shop.example", "/set-password/abc", text, {
      appUrl: "https://ops.shop.example",
      mail: mail(),
    });
    expect(out).toBe("sent");
    expect(received.at(-1)?.to).toEqual(["kari@shop.example"]);
    expect(received.at(-1)?.body).toContain("https://ops.shop.example/set-password/abc");
  });

  it("sends nothing without APP_URL, or without SMTP", async () => {
    const before = received.length;
    expect(await mailLink("kari@shop.example", "/set-password/abc", text, { mail: mail() })).toBe("no_app_url");
    expect(
      await mailLink("kari@shop.example", "/set-password/abc", text, { appUrl: "https://x.example", mail: null }),
    ).toBe("not_configured");
    expect(received.length).toBe(before);
  });

  it("a mail server that is not there is reported as failed", async () => {
    const out = await mailLink("kari@shop.example", "/set-password/abc", text, {
      appUrl: "https://ops.shop.example",
      mail: { url: "smtp://127.0.0.1:1", from: "x@y.example" },
    });
    expect(out).toBe("failed");
  });
});
