// The webhook's words: one Slack-compatible message ({ text, blocks }) per detection round listing
// the spikes that opened (a Vipps-wide outage is one message, not fifty), and the test message.
// `text` is the whole message for receivers that ignore blocks (and Slack's notification preview).
import { formatPercent } from "@/lib/format";
import { dictionary } from "@/lib/i18n/dictionaries";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { SlackMessage } from "./webhook";

export interface SpikeForMessage {
  msn: string;
  unitName: string | null;
  environment: "simulator" | "test" | "production";
  operation: string;
  calls: number;
  errors: number;
  baselineRate: number;
}

/** Slack shows at most 50 blocks; a handful of spikes say enough. */
const MAX_LISTED = 10;

export function spikeMessage(spikes: readonly SpikeForMessage[], locale: Locale, appUrl?: string): SlackMessage {
  const t = dictionary(locale).spikes;
  const lines = spikes.slice(0, MAX_LISTED).map((s) => {
    const unit = s.msn ? (s.unitName ? `${s.unitName} (${s.msn})` : s.msn) : t.alerts.noUnit;
    const title = interpolate(t.message.opened, { operation: s.operation, unit });
    const detail = interpolate(t.message.detail, {
      rate: formatPercent(s.errors / Math.max(1, s.calls), locale),
      errors: s.errors,
      calls: s.calls,
      baseline: formatPercent(s.baselineRate, locale),
      environment: t.alerts.environments[s.environment],
    });
    return { title, detail };
  });
  const extra = spikes.length - lines.length;
  const tail = [
    ...(extra > 0 ? [interpolate(t.message.more, { count: extra })] : []),
    ...(appUrl ? [interpolate(t.message.link, { url: new URL("/errors/alerts", appUrl).toString() })] : []),
  ];
  const heading = lines.length === 1 ? lines[0]!.title : interpolate(t.message.summary, { count: spikes.length });
  const text = [heading, ...lines.map((l) => (lines.length === 1 ? l.detail : `• ${l.title}: ${l.detail}`)), ...tail]
    .join("\n")
    .trim();
  const blocks = [
    ...lines.map((l) => ({
      type: "section",
      text: { type: "mrkdwn", text: `*${escapeMrkdwn(l.title)}*\n${escapeMrkdwn(l.detail)}` },
    })),
    ...(tail.length ? [{ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(tail.join("\n")) }] }] : []),
  ];
  return { text: escapeMrkdwn(text), blocks };
}

export function testMessage(locale: Locale): SlackMessage {
  return { text: dictionary(locale).spikes.message.test };
}

/** Slack's three control characters in mrkdwn. */
const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
