// Where a one-time link points. Mail uses APP_URL only: a Host header can be forged, and a reset
// link mailed to another site would hand it the token. Without APP_URL, links are shown to the
// admin (whose browser knows its own address) and never mailed.
import "server-only";
import { env } from "@/lib/env";
import { sendMail, type MailConfig, type MailOutcome } from "@/lib/mail";

export type LinkMail = MailOutcome | "no_app_url";

export async function mailLink(
  to: string,
  path: string,
  text: (url: string) => { subject: string; body: string },
  { appUrl, mail }: { appUrl?: string; mail: MailConfig | null } = env(),
): Promise<LinkMail> {
  if (!mail) return "not_configured";
  if (!appUrl) return "no_app_url";
  const { subject, body } = text(new URL(path, appUrl).toString());
  return sendMail({ to, subject, text: body }, mail);
}
