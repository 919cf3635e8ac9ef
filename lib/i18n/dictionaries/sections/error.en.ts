import type { Widen } from "../widen";
import type { errorNb } from "./error.nb";

export const errorEn: Widen<typeof errorNb> = {
  title: "Something went wrong",
  body: "The page could not be shown. Try again; if it keeps failing, give the reference to a developer.",
  reference: "Reference",
  retry: "Try again",
};
