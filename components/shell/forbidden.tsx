import { MessagePage, PrimaryLink } from "@/components/ui/message-page";
import type { Actor } from "@/lib/auth/permissions";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

export function Forbidden({ actor, t }: { actor: Actor; t: Dictionary }) {
  return (
    <MessagePage
      code="403"
      title={t.forbidden.title}
      body={interpolate(t.forbidden.body, { role: t.roles[actor.role] })}
      action={<PrimaryLink href="/">{t.notFound.home}</PrimaryLink>}
    />
  );
}
