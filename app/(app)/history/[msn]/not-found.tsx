import { MessagePage, PrimaryLink } from "@/components/ui/message-page";
import { getI18n } from "@/lib/i18n/server";

/** The same words as the app's 404: an MSN outside the user's scope must not look any different. */
export default async function HistoryNotFound() {
  const { t } = await getI18n();
  return (
    <MessagePage
      code="404"
      title={t.notFound.title}
      body={t.notFound.body}
      action={<PrimaryLink href="/">{t.notFound.home}</PrimaryLink>}
    />
  );
}
