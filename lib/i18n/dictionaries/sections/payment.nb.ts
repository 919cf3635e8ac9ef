// Strings for the payment feature (bokmål, the reference). Add keys here and in payment.en.ts.
export const paymentNb = {
  title: "payment",
};
