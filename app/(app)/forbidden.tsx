// Rendered with HTTP 403 when a page calls forbidden() (the actor lacks the page's permission).
import { Forbidden } from "@/components/shell/forbidden";
import { requireActor } from "@/lib/auth/actor";
import { getI18n } from "@/lib/i18n/server";

export default async function ForbiddenPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  return <Forbidden actor={actor} t={t} />;
}
