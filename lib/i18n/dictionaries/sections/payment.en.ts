import type { Widen } from "../widen";
import type { paymentNb } from "./payment.nb";

export const paymentEn: Widen<typeof paymentNb> = {
  title: "payment",
};
