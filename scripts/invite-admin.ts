// npm run invite-admin -- <email> "<name>": the first administrator of a new installation (or a new
// one when every admin has lost access). Prints a one-time link (72 hours) to set the password.
// With the embedded database, stop the app first (PGlite allows one process at a time).
import { openDirect } from "@/lib/db/direct";
import { env } from "@/lib/env";
import { inviteFirstAdmin, UserRefused } from "@/lib/users/manage";

const [email, ...nameParts] = process.argv.slice(2);
const name = nameParts.join(" ").trim();
if (!email || !name) {
  console.error('Usage: npm run invite-admin -- <email> "<full name>"');
  process.exit(2);
}
const e = env();
const handle = await openDirect(e.database);
try {
  const { link } = await inviteFirstAdmin(handle.prisma, { email, name });
  const base = e.appUrl ?? `http://localhost:${e.port}`;
  console.log(
    `Administrator ${email} created. Set the password within 72 hours at:\n\n  ${new URL(link.path, base)}\n`,
  );
} catch (err) {
  if (err instanceof UserRefused)
    console.error(`Refused: ${err.problem} (the email is already a user; use the app's "new password link").`);
  else if ((err as { name?: string }).name === "ZodError")
    console.error("Refused: the email or the name is not valid.");
  else throw err;
  process.exitCode = 1;
} finally {
  await handle.close();
}
