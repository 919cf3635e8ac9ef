// Design tokens. Tailwind 4 reads this file through `@config` in app/globals.css.
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Brand: a deep orange close to Vipps' own, used sparingly for primary actions.
        brand: { 50: "#fff4ed", 100: "#ffe6d5", 500: "#ff5b24", 600: "#e84a15", 700: "#c03a0e", 800: "#9a2e0b" },
        // faint is the lightest text that still reads 4.5:1 on surface-sunken (4.8:1; 5.3:1 on white).
        ink: { DEFAULT: "#1b1b29", muted: "#5c5c70", faint: "#6b6b80" },
        surface: { DEFAULT: "#ffffff", sunken: "#f6f6f9", line: "#e4e4ec" },
        // Status colours for payment states and API outcomes.
        ok: { bg: "#e8f6ee", fg: "#17683a" },
        warn: { bg: "#fff5df", fg: "#8a5a00" },
        bad: { bg: "#fdecec", fg: "#a4161a" },
        info: { bg: "#eaf1ff", fg: "#1f4bb8" },
      },
      fontFamily: {
        sans: ["var(--font-geist-sans)", "system-ui", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
      borderRadius: { card: "0.75rem" },
      boxShadow: { card: "0 1px 2px rgb(27 27 41 / 0.06), 0 1px 3px rgb(27 27 41 / 0.08)" },
    },
  },
} satisfies Config;
