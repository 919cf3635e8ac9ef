import type { Widen } from "../widen";
import type { lookupNb } from "./lookup.nb";

export const lookupEn: Widen<typeof lookupNb> = {
  title: "lookup",
};
