import type { Widen } from "../widen";
import type { spikesNb } from "./spikes.nb";

export const spikesEn: Widen<typeof spikesNb> = {
  banner: {
    title: "Error spike now",
    none: "No error spikes right now.",
    history: "Alert history",
    item: "{operation} in {unit}: {rate} errors in the last 15 min (usually {baseline}), since {time}",
    show: "Show on the dashboard",
  },
  alerts: {
    title: "Error spikes",
    description:
      "Alerts when an operation's error rate in a sales unit over the last 15 minutes stands far above what is usual for it. Your sales units only.",
    rule: "Rule: at least 10 calls and 5 errors in 15 minutes, and an error rate of at least 3 × the usual or 10 percentage points above it (the usual is the error rate over the 7 days before; with fewer than 50 calls there it counts as 0 %). The alert closes when the rate is back below halfway between the usual and the threshold, or there are fewer than 5 errors.",
    table: "Alerts",
    empty: "No error spikes yet.",
    older: "Older alerts",
    newest: "Newest",
    columns: {
      opened: "Opened",
      unit: "Sales unit",
      operation: "Operation",
      rate: "Error rate vs usual",
      calls: "Calls",
      state: "State",
      webhook: "Webhook",
    },
    rateVsBaseline: "{rate} vs {baseline}",
    peak: "peak {peak}",
    callsErrors: "{errors} errors of {calls} calls",
    open: "Open",
    closed: "Closed",
    closedAt: "closed {time}",
    noUnit: "(no sales unit)",
    environments: { simulator: "simulator", test: "test", production: "production" },
    notify: {
      pending: "Waiting",
      sending: "Sending",
      sent: "Sent (HTTP {status})",
      failed: "Not delivered: {reason}",
      skipped: {
        not_configured: "Not sent: no webhook set up",
        disabled: "Not sent: the webhook is switched off",
        cooldown: "Not sent: within the cooldown after the previous alert",
      },
    },
  },
  reasons: {
    http: "the receiver answered HTTP {status}",
    timeout: "no answer within 5 seconds",
    refused: "the receiver refused the connection",
    dns: "the host name was not found",
    tls: "the TLS certificate was not accepted",
    network: "network error",
  },
  settings: {
    title: "Alert webhook",
    description:
      "Posts a message (Slack-compatible JSON) when an error spike opens. Only administrators see and change this.",
    url: "Webhook URL",
    urlHelp:
      "https://… (for example a Slack incoming webhook). The URL is a secret and is not shown again after saving.",
    urlSet: "Set on {date} by {who}",
    urlSetUnknown: "Set on {date}",
    urlNotSet: "No URL is set.",
    urlReplace: "New URL (leave empty to keep the stored one)",
    removeUrl: "Remove the stored URL",
    enabled: "Send alerts",
    cooldown: "Cooldown (minutes)",
    cooldownHelp:
      "1–1440. When a spike for the same operation and sales unit opens again within the cooldown, no new message is sent.",
    locale: "Language of the messages",
    locales: { nb: "Norsk", en: "English" },
    save: "Save",
    saved: "Saved.",
    test: "Send test",
    testing: "Sending …",
    testHelp: "Sends a test message to the URL in the field, or to the stored one.",
    testSent: "The test message was delivered: the receiver answered HTTP {status}.",
    testFailed: "The test message was not delivered: {reason}.",
    httpHints: {
      "400": "the receiver did not understand the message",
      "403": "the receiver refused (invalid or revoked webhook)",
      "404": "the webhook does not exist",
      "410": "the webhook was deleted or the channel archived",
    },
    errors: {
      needsUrl: "Set a webhook URL before switching alerts on.",
      noUrl: "Enter a URL to test, or save one first.",
    },
  },
  input: {
    spike_url_format: "Enter a full URL starting with https://.",
    spike_url_https: "The URL must use https:// (http is allowed only to this machine in demo and test mode).",
    spike_url_too_long: "The URL is too long (500 characters at most).",
    spike_cooldown_range: "The cooldown must be a whole number of minutes from 1 to 1440.",
  },
  message: {
    opened: "Error spike: {operation} in {unit}",
    detail:
      "{rate} errors in the last 15 min ({errors} of {calls} calls), usually {baseline}. Environment: {environment}.",
    summary: "{count} new error spikes",
    more: "… and {count} more",
    link: "See the alerts: {url}",
    test: "Test from Merchant Ops: error spike alerts will arrive here.",
  },
};
