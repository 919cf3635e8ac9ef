// Outgoing mail (invitation and password links) through nodemailer, when SMTP_URL is set. A failure
// is reported to the caller (the admin sees "not sent, copy the link") and logged without the
// message body, which carries a one-time link.
import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type MailOutcome = "sent" | "not_configured" | "failed";

export interface MailConfig {
  url: string;
  from: string;
}

const transports = new Map<string, nodemailer.Transporter>();

export async function sendMail(mail: Mail, config: MailConfig | null = env().mail): Promise<MailOutcome> {
  if (!config) return "not_configured";
  let transport = transports.get(config.url);
  if (!transport) transports.set(config.url, (transport = nodemailer.createTransport(config.url)));
  try {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    return "sent";
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err as Error).name;
    console.error(`[mail] sending "${mail.subject}" failed: ${code}`);
    return "failed";
  }
}
