// Strings for the history feature (bokmål, the reference). Add keys here and in history.en.ts.
export const historyNb = {
  title: "history",
};
