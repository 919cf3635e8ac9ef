// Strings for the ingest feature (bokmål, the reference). Add keys here and in ingest.en.ts.
export const ingestNb = {
  title: "ingest",
};
