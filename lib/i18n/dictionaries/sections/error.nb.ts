// Strings for the error page (bokmål, the reference). Their own section so the error page, a client
// component, can import just these. Add keys here and in error.en.ts.
export const errorNb = {
  title: "Noe gikk galt",
  body: "Siden kunne ikke vises. Prøv igjen; hvis feilen fortsetter, oppgi referansen til en utvikler.",
  reference: "Referanse",
  retry: "Prøv igjen",
};
