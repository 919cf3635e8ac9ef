import type { Widen } from "../widen";
import type { actionsNb } from "./actions.nb";

export const actionsEn: Widen<typeof actionsNb> = {
  errors: {
    unauthenticated: "Your session has ended. Sign in again.",
    forbidden: "Your role does not allow this.",
    twoFactorRequired: "Your role requires two-factor sign-in. Turn it on under Sign-in security first.",
    notFound: "Not found, or you do not have access to it.",
    conflict: "Someone else changed it meanwhile. Reload the page and try again.",
    upstream: "Vipps did not answer as expected. Try again shortly.",
    invalidInput: "Something in the form is not valid.",
    tooLarge: "The request is too large (at most {max}).",
    lengthRequired: "The request must state its length (Content-Length).",
    badAddress: "The address is not valid (broken percent-encoding).",
    unexpected: "Something went wrong. Try again; quote the reference {ref} if it keeps happening.",
  },
  input: {
    invalid: "Not a valid value.",
    required: "This field is required.",
    msnFormat: "An MSN is 5–7 digits.",
    orderIdFormat: "An orderId is 1–50 characters: letters a–z, digits and hyphens.",
    uuid: "Not a valid reference.",
    fileRequired: "Choose a file.",
    codeRequired: "Enter the code.",
    amount_empty: "Enter an amount.",
    amount_not_a_number: "Write the amount in digits, for example 1234.50.",
    amount_negative: "The amount cannot be negative.",
    amount_zero: "The amount must be more than 0.",
    amount_too_many_decimals: "At most two decimals (øre).",
    amount_grouping: "The thousands separator is misplaced: write 1 234,50 or 1234.50.",
    amount_too_large: "The amount is too large.",
    reasonRequired: "Choose a reason.",
    noteTooLong: "The note is too long (at most 500 characters).",
    confirmRequired: "Type the amount being released to confirm.",
    keyName: "Give the key a name (1–100 characters).",
    keyScope: "Choose at least one sales unit, or all.",
  },
};
