import type { Widen } from "../widen";
import type { historyNb } from "./history.nb";

export const historyEn: Widen<typeof historyNb> = {
  title: "history",
};
