import type { Widen } from "../widen";
import type { ingestNb } from "./ingest.nb";

export const ingestEn: Widen<typeof ingestNb> = {
  title: "ingest",
};
