// Strings for the lookup feature (bokmål, the reference). Add keys here and in lookup.en.ts.
export const lookupNb = {
  title: "lookup",
};
