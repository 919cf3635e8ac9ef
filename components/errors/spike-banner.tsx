// The error spikes open now, above the error dashboard, with the way to the alert history. Rendered
// on the server (streamed: the dashboard does not wait for it), then kept fresh by the client part.
import { Suspense } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { openSpikeAlerts } from "@/lib/spikes/alerts";
import { SpikeBannerLive } from "./spike-banner-live";

interface Props {
  actor: Actor;
  t: Dictionary["spikes"];
  locale: Locale;
}

async function Loaded({ actor, t, locale }: Props) {
  const open = await openSpikeAlerts(await db(), actor);
  return <SpikeBannerLive initial={open} t={t} locale={locale} />;
}

export function SpikeBanner(props: Props) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
