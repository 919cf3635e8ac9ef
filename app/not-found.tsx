import { MessagePage, PrimaryLink } from "@/components/ui/message-page";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="px-6">
      <MessagePage
        code="404"
        title={t.notFound.title}
        body={t.notFound.body}
        action={<PrimaryLink href="/">{t.notFound.home}</PrimaryLink>}
      />
    </div>
  );
}
