import type { Widen } from "../widen";
import type { remediesNb } from "./remedies.nb";

export const remediesEn: Widen<typeof remediesNb> = {
  labels: {
    cause: "Cause",
    who: "Who must act",
    next: "Next step",
    docs: "Read more at Vipps",
  },
  who: {
    customer: "The customer",
    staff: "Shop staff",
    developer: "Developer",
    vipps: "Vipps",
  },
  docs: {
    errors: "eCom API: errors",
    errorCodes: "eCom API: error codes",
    errorGroups: "eCom API: error groups",
    requests: "eCom API: requests and responses",
    urlValidation: "eCom API: URL rules",
    ecomFaqErrors: "eCom FAQ: common errors",
    commonErrorsFaq: "FAQ: common errors",
    reserveCaptureFaq: "FAQ: reserve and capture",
    refundsFaq: "FAQ: refunds",
    usersPaymentsFaq: "FAQ: users and payments",
    accessToken: "Access token API",
    httpHeaders: "HTTP headers",
    partnerKeys: "Partner keys",
    pspSignup: "PSP Signup API",
    testEnvironment: "The test environment",
    testSalesUnit: "Creating a test sales unit",
    orderId: "About orderId",
    userinfoScope: "Userinfo: scope",
    callbacks: "Callbacks in the eCom API",
    statusPages: "Vipps status pages",
  },
  entries: {
    "vipps.Payment.41": {
      title: "The customer has no valid card",
      cause: "Vipps found no usable card in the customer's app, so nothing was reserved.",
      next: "Ask the customer to add or update a card in the Vipps app and pay again.",
    },
    "vipps.Payment.42": {
      title: "The bank said no",
      cause: "The bank that issued the card declined the payment and gave Vipps no reason.",
      next: "The customer has to take it up with their bank or pay with another card. The shop cannot change the decline.",
    },
    "vipps.Payment.43": {
      title: "The bank did not accept the amount",
      cause: "The card's issuing bank declined the payment because of the amount.",
      next: "Check that the amount is right. If it is, the customer has to take it up with their bank or use another card.",
    },
    "vipps.Payment.44": {
      title: "The card has expired",
      cause: "The card the customer paid with is past its expiry date, and the bank declined it.",
      next: "Ask the customer to add a valid card in the Vipps app and pay again.",
    },
    "vipps.Payment.45": {
      title: "The reservation failed",
      cause:
        "Vipps could not reserve the amount and does not know why. Most often the customer did nothing in the app before the time ran out (10 minutes in all).",
      next: "Look at the payment's history to see what happened, and ask the customer to try again in a new payment.",
    },
    "vipps.Payment.51": {
      title: "Cannot cancel: something is captured",
      cause: "The payment is wholly or partly captured, and what has been captured cannot be cancelled.",
      next: "Refund what was captured. If some of it is still reserved, use “Release the rest” to let it go.",
    },
    "vipps.Payment.52": {
      title: "The cancellation failed",
      cause: "Vipps could not cancel the payment and does not say why.",
      next: "Read the payment from Vipps again to see its state, and try again later. If it happens again, contact Vipps with the error's contextId.",
    },
    "vipps.Payment.53": {
      title: "Cannot cancel: not reserved (old code)",
      cause:
        "The payment was not reserved. Vipps stopped using this code in June 2023, when cancelling before the customer approves became possible.",
      next: "Look at the payment's state in its history. If the customer never approved, nothing is being held.",
    },
    "vipps.Payment.61": {
      title: "The capture exceeds the reservation",
      cause: "With this capture, the total captured would be more than the amount the customer approved.",
      next: "See what is left to capture (reserved minus captured) and capture at most that. If the customer should pay more, a new payment is needed.",
    },
    "vipps.Payment.62": {
      title: "The amount is not reserved",
      cause:
        "There is no reserved amount to capture: the customer has not approved yet, or the payment was rejected, cancelled or expired.",
      next: "Read the payment from Vipps. If it is waiting for the customer, wait until it is reserved; otherwise the customer must pay again.",
    },
    "vipps.Payment.63": {
      title: "The capture failed",
      cause: "Vipps could not capture the amount and does not say why.",
      next: "Check the payment's history for anything captured before you try again. If it happens again, contact Vipps with the contextId.",
    },
    "vipps.Payment.71": {
      title: "The refund exceeds what was captured",
      cause: "Only what has been captured and not already refunded can be paid back.",
      next: "See how much was captured and refunded, and refund at most the difference.",
    },
    "vipps.Payment.72": {
      title: "Cannot refund: nothing is captured",
      cause: "The payment is only reserved. The customer has not been charged, so there is nothing to pay back.",
      next: "Cancel the reservation instead, so the bank lets the amount go.",
    },
    "vipps.Payment.73": {
      title: "Cannot refund a cancelled payment",
      cause: "The payment is cancelled, and Vipps does not refund cancelled payments.",
      next: "Look at the history. If the customer thinks money is gone, it is often a reservation the bank has not let go of yet.",
    },
    "vipps.Payment.74": {
      title: "The refund could not be charged to the shop",
      cause:
        "Vipps could not take the refund from the merchant's account, usually because the settlement account lacks the funds.",
      next: "Make sure the settlement account has the funds, or take it up with Vipps, then refund again.",
    },
    "vipps.Payment.93": {
      title: "A retry with a different amount",
      cause:
        "The same X-Request-Id was sent again with a different amount or body. A retry must be identical to the first request.",
      next: "Use a new X-Request-Id for a new capture or refund. Merchant Ops builds the key and the body from the same stored row, so if this happens with us it is a bug worth reporting.",
    },
    "vipps.Payment.95": {
      title: "Too late to refund (365 days)",
      cause: "More than 365 days have passed since the payment was reserved, and Vipps no longer refunds it.",
      next: "Pay the customer back another way, for example by bank transfer, and note it on the order.",
    },
    "vipps.Payment.95.direct-capture": {
      title: "Direct capture is not allowed",
      cause:
        "The request needs direct capture, but the sales unit is not allowed to use it. Vipps also uses code 95 for the 365-day limit; the message tells which one applies.",
      next: "Reserve first and capture when the goods are shipped. Only Vipps can change a sales unit's capture type.",
    },
    "vipps.Payment.96": {
      title: "Too late to capture (180 days, old code)",
      cause:
        "More than 180 days have passed since the reservation. Vipps used code 96 for this until June 2023; now it is 98.",
      next: "The amount can no longer be captured. If the customer should still pay, a new payment is needed.",
    },
    "vipps.Payment.98": {
      title: "Too late to capture or cancel (180 days)",
      cause:
        "More than 180 days have passed since the payment was reserved. Vipps can then neither capture nor cancel it.",
      next: "Capturing is no longer possible. If the customer should still pay, a new payment is needed. The bank's hold is usually long gone by now.",
    },
    "vipps.Payment.1082": {
      title: "The test user is not verified with BankID",
      cause:
        "Test environment only. Most likely the test user has never signed in and approved a payment in the test app; that is our inference, Vipps does not describe the code further.",
      next: "Sign in to Vipps' test app as the test user and approve one payment there, or use another test user.",
    },
    "vipps.Payment.1501": {
      title: "The customer is under 15 (old code)",
      cause: "Vipps users under 15 cannot pay businesses. The code was removed in February 2023; this now comes as 81.",
      next: "The customer has to pay another way.",
    },
    "vipps.VippsError.91": {
      title: "The operation is not allowed now",
      cause:
        "The payment is in a state where Vipps does not allow the operation, for example a capture on a cancelled payment.",
      next: "Read the payment from Vipps and choose an operation that fits its state.",
    },
    "vipps.VippsError.92": {
      title: "Already processed",
      cause: "Vipps has already processed this transaction.",
      next: "Check the history to see whether the operation was done. Do not send it with a new X-Request-Id before you have checked, or it may happen twice.",
    },
    "vipps.VippsError.93": {
      title: "A retry with a different body",
      cause:
        "A capture or refund was sent with the same X-Request-Id as an earlier request, but with a different body.",
      next: "Send retries with exactly the same body, and use a new X-Request-Id for a new operation. If this happens in Merchant Ops, it is a bug worth reporting.",
    },
    "vipps.VippsError.94": {
      title: "The payment is busy at Vipps",
      cause: "The order is locked because Vipps is already processing a request on it. It clears by itself.",
      next: "Wait a little and try again with the same X-Request-Id; Merchant Ops does this itself for money operations. If it happens often, look for other systems changing the same payment.",
    },
    "vipps.VippsError.98": {
      title: "Too many concurrent requests",
      cause: "Vipps received too many requests at once and refused some of them, as a guard against misuse.",
      next: "Send fewer calls in parallel and try again a little later. Merchant Ops runs one operation at a time per payment, so look for other systems, such as the web shop, calling at the same time.",
    },
    "vipps.VippsError.99": {
      title: "Internal error at Vipps",
      cause:
        "Vipps answered with an internal error, usually HTTP 500. Often the cause is a request that slipped through validation, for example the MSN sent as a number or an amount that is not an integer. Vipps also uses 99 when it may not give details.",
      next: "Check the request against the specification. For money operations the outcome is unknown until the history has been checked; Merchant Ops checks before sending anything again. If it persists, contact Vipps with the contextId.",
    },
    "vipps.User.81": {
      title: "The phone number cannot be used",
      cause:
        "The number is wrongly formatted, is not a Vipps user's, or the user cannot pay businesses (for example being under 15). Vipps does not say which.",
      next: "Check the number with the customer (8 digits, Norwegian). If it is right, the customer can pay without a prefilled number or another way.",
    },
    "vipps.User.82": {
      title: "The Vipps app is too old",
      cause: "The customer's version of the Vipps app is no longer supported.",
      next: "Ask the customer to update the Vipps app and try again.",
    },
    "vipps.Merchant.21": {
      title: "Invalid reference orderId (retired)",
      cause:
        "The request used the old refOrderId, and it did not point to a valid order. Vipps removed refOrderId in February 2023.",
      next: "Stop sending refOrderId; every payment has its own orderId.",
    },
    "vipps.Merchant.22": {
      title: "The reference order is in the wrong state (retired)",
      cause:
        "refOrderId pointed to an order in a state that did not allow this. The code was removed in February 2023.",
      next: "Stop sending refOrderId; every payment has its own orderId.",
    },
    "vipps.Merchant.31": {
      title: "The merchant is blocked",
      cause: "Vipps has blocked the merchant from taking payments.",
      next: "The merchant must contact Vipps customer service to learn why and what it takes.",
    },
    "vipps.Merchant.32": {
      title: "The receiving limit is reached",
      cause: "The merchant has received more than the limit Vipps has set for it.",
      next: "Contact Vipps about the limit.",
    },
    "vipps.Merchant.33": {
      title: "The payment request limit is reached",
      cause: "The merchant has sent more payment requests than Vipps allows.",
      next: "Contact Vipps about the limit, and check that no system is creating payments in a loop.",
    },
    "vipps.Merchant.34": {
      title: "The orderId is already used",
      cause:
        "A payment with this orderId already exists for the sales unit (MSN). An orderId can be used only once per sales unit.",
      next: "Make a new orderId for every payment attempt, for example with a running number at the end. To see how the first attempt went, read it from Vipps.",
    },
    "vipps.Merchant.35": {
      title: "The orderId does not exist for the sales unit",
      cause:
        "Vipps does not know the orderId for the sales unit the API keys belong to. Either the orderId is wrong, or the payment was made with another sales unit's keys or in the other environment; an orderId is unique only per sales unit.",
      next: "Check the orderId (upper and lower case matter) and that the keys belong to the sales unit and environment the payment was made in.",
    },
    "vipps.Merchant.36": {
      title: "The agreement is not signed",
      cause: "The merchant's agreement with Vipps has not been signed.",
      next: "Someone who can sign for the company signs in at portal.vipps.no and signs the agreement.",
    },
    "vipps.Merchant.37": {
      title: "The merchant or sales unit is not active",
      cause:
        "The merchant or sales unit is deleted, deactivated or blocked. Common reasons: the company was deleted from the Brønnøysund register or changed its company type, the sales unit was deactivated in the portal (often by mistake), or the partner using partner keys is deactivated.",
      next: "Check the sales unit at portal.vipps.no and reactivate it with BankID if it was a mistake. Vipps customer service can reactivate a test sales unit, or you can create a new one.",
    },
    "vipps.Merchant.38": {
      title: "The sales unit may not skip the landing page",
      cause: "The payment asked for skipLandingPage, but Vipps has not allowed it for this sales unit.",
      next: "Send the payment without skipLandingPage, or ask Vipps for access if the landing page cannot be shown, for example at a till without a screen.",
    },
    "vipps.Merchant.39": {
      title: "The sales unit may not create long-living payments",
      cause: "The payment asked to live longer than usual, and the sales unit is not allowed to.",
      next: "Send an ordinary payment, or ask Vipps for access.",
    },
    "vipps.Merchant.51": {
      title: "The national identity number is not allowed",
      cause:
        "The payment asked for the customer's national identity number (scope “nin”), but the sales unit may not have it. Vipps answers HTTP 403. This is not the same as Payment/51.",
      next: "Remove “nin” from the scope, or apply to Vipps for access if you need the number.",
    },
    "vipps.Merchant.97": {
      title: "The sales unit cannot take payments",
      cause:
        "The sales unit is approved for Vipps Login only, not for payments. Vipps also shows this as HTTP 403 “Merchant Not Allowed for Ecommerce Payment”.",
      next: "Order “Vipps på Nett” for the sales unit at portal.vipps.no. Vipps has to carry out the checks the law requires before the sales unit can take payments.",
    },
    "vipps.InvalidRequest": {
      title: "An invalid field in the request",
      cause:
        "Vipps refused a field in the request. The error code is the field's name, and the message says what is wrong.",
      next: "Correct the field according to the specification (for example an amount in whole øre, at least 100; an orderId of letters, digits and hyphens only; HTTPS addresses). Merchant Ops checks most rules before sending, so such an error may mean a rule we do not know.",
    },
    "vipps.Authentication": {
      title: "The keys were refused",
      cause: "Vipps did not accept the keys (client_id, client_secret or subscription key).",
      next: "Check at portal.vipps.no (Utvikler) that the keys belong to the sales unit and environment, and that the same subscription key is used for the access token and the payment calls.",
    },
    "vipps.Payment": {
      title: "Unknown payment error",
      cause: "Vipps refused the payment or operation with a code in the Payment group that is not in our catalogue.",
      next: "Read the message and look the code up in Vipps' list of error codes. Read the payment from Vipps before trying again.",
    },
    "vipps.VippsError": {
      title: "Unknown error at Vipps",
      cause: "Vipps reported an internal error with a code that is not in our catalogue.",
      next: "Check the history to see whether the operation was done, and try again later. If it persists, contact Vipps with the contextId.",
    },
    "vipps.User": {
      title: "Unknown error on the customer's side",
      cause:
        "Vipps refused because of something about the customer or their Vipps account, with a code that is not in our catalogue.",
      next: "Ask the customer to check the Vipps app or pay another way, and look the code up in Vipps' list of error codes.",
    },
    "vipps.Merchant": {
      title: "Unknown error with the merchant",
      cause:
        "Vipps refused because of something about the merchant or sales unit, with a code that is not in our catalogue.",
      next: "Check the sales unit at portal.vipps.no and look the code up in Vipps' list of error codes; contact Vipps if that does not explain it.",
    },
    "gateway.401.subscription-key-missing": {
      title: "The subscription key is missing",
      cause: "Vipps' API gateway received no Ocp-Apim-Subscription-Key in the request.",
      next: "Send Ocp-Apim-Subscription-Key with the sales unit's key on every call, including the access token call. Check that the key is stored for the sales unit.",
    },
    "gateway.401.subscription-key-invalid": {
      title: "Invalid subscription key",
      cause:
        "The gateway does not accept the key. The usual reasons: a wrong key, a key from the other environment (test and production have entirely separate keys), or another key than the one the access token was fetched with.",
      next: "Get the keys for the right sales unit and environment at portal.vipps.no, and use the same subscription key for the token and the calls. Check the address too: apitest.vipps.no for test, api.vipps.no for production.",
    },
    "gateway.401.subscription-not-found": {
      title: "Subscription not found",
      cause: "Vipps found no active subscription for the key, so the keys give no access to this API product.",
      next: "Check at portal.vipps.no that the sales unit has access to the API and that the keys belong to it. Regenerate the keys only as a last resort; the old ones stop working.",
    },
    "gateway.401.access-token": {
      title: "The access token is missing or invalid",
      cause:
        "The Authorization header is missing, misspelt, or holds a token the gateway does not accept. The word “Bearer” must have a capital B.",
      next: "Send “Authorization: Bearer <token>” with a token fetched with the keys of the same sales unit and environment. If it happens often, check the stored keys.",
    },
    "gateway.401.token-expired": {
      title: "The access token has expired",
      cause: "The token is older than its lifetime (1 hour in test, 24 hours in production).",
      next: "Fetch a new token before the time in expires_on, not after a fixed period. If it happens often, check that the server's clock is right.",
    },
    "gateway.403.msn-mismatch": {
      title: "The MSN does not match the keys",
      cause: "The sales unit (MSN) in the request is a different one from the one the API keys belong to.",
      next: "Use the keys of the sales unit in the request, or correct the Merchant-Serial-Number. Check that every sales unit has its own keys stored.",
    },
    "gateway.403.partner-msn": {
      title: "Partner keys without a valid sales unit",
      cause:
        "Partner keys need the Merchant-Serial-Number header naming a sales unit connected to the partner. The header is missing, or the sales unit is not connected to the partner.",
      next: "Send Merchant-Serial-Number on every call, and check that the sales unit is registered with the partner.",
    },
    "gateway.404.test-only": {
      title: "Exists only in the test environment",
      cause: "Force-approving a payment exists only in the test environment, not in production.",
      next: "Use it only against apitest.vipps.no. In production the customer approves in the Vipps app.",
    },
    "gateway.404.resource-not-found": {
      title: "The address does not exist",
      cause: "The gateway found no endpoint at the address: a wrong path or a wrong base URL.",
      next: "Compare the address with the specification, and check the environment's base URL (apitest.vipps.no or api.vipps.no).",
    },
    "gateway.invalid-msn.keys": {
      title: "The keys are not valid for the sales unit",
      cause:
        "The API keys are not valid for the sales unit (MSN) in the request: keys from the wrong environment, partner keys for a sales unit that is not the partner's, or the Merchant-Serial-Number used wrongly.",
      next: "Check at portal.vipps.no that the keys and the MSN belong to the same sales unit and the same environment.",
    },
    "gateway.invalid-msn.supermerchant": {
      title: "The sales unit does not belong to the partner",
      cause:
        "The partner used an MSN that its partner keys are not valid for, often because the keys or the MSN are from the other environment.",
      next: "Use an MSN and keys from the same environment, and check that the sales unit is connected to the partner.",
    },
    "gateway.invalid-msn.header-missing": {
      title: "Merchant-Serial-Number is missing",
      cause: "Partner keys were used without the Merchant-Serial-Number header; that is why the message names no MSN.",
      next: "Send Merchant-Serial-Number with the sales unit's MSN on every call made with partner keys.",
    },
    "gateway.invalid-msn.psp": {
      title: "The sales unit does not belong to the PSP",
      cause:
        "The MSN is not valid for the PSP's keys: the keys are from the wrong environment, or the sales unit was created by another PSP.",
      next: "Use the keys for the right environment. A sales unit from another PSP cannot be used; create a new one with the PSP Signup API.",
    },
    "token.invalid-client": {
      title: "Wrong client_secret",
      cause: "The token service refused the client_secret for this client_id.",
      next: "Store the right client_secret for the sales unit from portal.vipps.no. If the keys were regenerated, only the new ones work.",
    },
    "token.unauthorized-client": {
      title: "Unknown client_id",
      cause: "The token service does not know the client_id: the keys are wrong or belong to the other environment.",
      next: "Check that client_id and client_secret are for the right sales unit and environment, and that the call goes to the right base URL.",
    },
    "token.invalid-request": {
      title: "An incomplete access token request",
      cause: "The access token request lacked a value it must have, for example client_id.",
      next: "Send client_id, client_secret and Ocp-Apim-Subscription-Key as headers on POST /accesstoken/get, with no body.",
    },
    "http.400": {
      title: "The request was refused (400)",
      cause:
        "Vipps found the request invalid, but the answer had no error code we know. Typical reasons: an amount under 100 øre, an invalid URL, or the 180- or 365-day limit having passed.",
      next: "Read the message and the response in the API log, and compare the request with the specification.",
    },
    "http.401": {
      title: "Unauthorised (401)",
      cause:
        "Vipps' gateway did not accept the keys or the access token. Without a message we cannot tell which part is wrong.",
      next: "Check client_id, client_secret and the subscription key for the right sales unit and environment, and that the same subscription key is used for the token and the calls. The message in the API log often says more.",
    },
    "http.402": {
      title: "Payment failed (402)",
      cause:
        "Older versions of the API answered 402 when the payment or authorisation failed. If a details read answers 402, the payment may be cancelled or unknown.",
      next: "Read the payment from Vipps and look at its state. The customer may have to pay again.",
    },
    "http.403": {
      title: "Forbidden (403)",
      cause:
        "The keys are valid but do not give access to this. For example, the sales unit is approved for Login only, or partner keys lack the Merchant-Serial-Number.",
      next: "Read the message in the API log, check the sales unit's products at portal.vipps.no, and check that Merchant-Serial-Number is right.",
    },
    "http.404": {
      title: "Not found (404)",
      cause:
        "Either the endpoint does not exist (a wrong address), or the orderId does not exist for the sales unit the keys belong to.",
      next: "Look at the response: with error code 35 it is the orderId or the keys; without a code it is the address.",
    },
    "http.405": {
      title: "Wrong HTTP method (405)",
      cause:
        "The endpoint exists, but not with this method. Cancel is a PUT, for example, while capture and refund are POST.",
      next: "Use the method the specification gives for the endpoint.",
    },
    "http.409": {
      title: "Conflict (409)",
      cause:
        "By Vipps' general rule, an idempotency key reused for a different request gives 409. This is not documented for eCom, which usually answers with error code 93.",
      next: "Use a new X-Request-Id for a new operation, and exactly the same body when you repeat one.",
    },
    "http.415": {
      title: "Wrong content type (415)",
      cause: "Vipps could not read the body because the Content-Type was not application/json.",
      next: "Send “Content-Type: application/json” on every call with a body.",
    },
    "http.422": {
      title: "The gateway could not process the request (422)",
      cause:
        "The Azure gateway in front of the API refused the request before it reached Vipps. Our sources do not say which checks give 422.",
      next: "Read the message in the API log, and check the headers and the JSON against the specification.",
    },
    "http.423": {
      title: "Locked (423)",
      cause:
        "Vipps is processing another request on the same payment, or received several identical requests in quick succession. It passes.",
      next: "Wait a little and try again with the same X-Request-Id.",
    },
    "http.429": {
      title: "Too many requests (429)",
      cause:
        "Vipps limits calls per payment (orderId): initiate 2 a minute, capture, cancel and refund 5 a minute, and details 120 a minute.",
      next: "Wait as long as Retry-After says and try again; the capture queue does so itself. If it happens often, look for loops or too frequent reads of the same payment.",
    },
    "http.500": {
      title: "Server error at Vipps (500)",
      cause:
        "Vipps answered 500 without an error code. According to Vipps this is most often a request its validation did not catch, for example the MSN as a number, an amount that is not an integer, or “fallback” instead of “fallBack”. In the test environment it can also be a passing database fault.",
      next: "Check the request against the specification. For money operations the outcome is unknown until the history has been checked, and Merchant Ops checks before sending anything again. With many errors, see Vipps' status page.",
    },
    "http.503": {
      title: "Vipps is unavailable (503)",
      cause: "The service at Vipps is temporarily unavailable.",
      next: "See Vipps' status page and try again later. For money operations the outcome is unknown until the history has been checked.",
    },
    "http.5xx": {
      title: "Error in Vipps' infrastructure (5xx)",
      cause:
        "A server or gateway at Vipps answered with an error and no error code. The request may still have been carried out.",
      next: "Try again later. Before a money operation is sent again, the history must be checked; Merchant Ops does that itself. With many errors, see Vipps' status page.",
    },
    "response.unreadable": {
      title: "An unexpected answer from Vipps",
      cause:
        "Vipps answered that it went well (2xx), but the answer did not have the shape the specification describes.",
      next: "Read the payment from Vipps to see what happened; for money operations Merchant Ops treats the outcome as unknown until then. Check whether Vipps has changed the API.",
    },
    "network.timeout": {
      title: "Vipps did not answer in time",
      cause: "No answer came within the time limit. The request may still have reached Vipps and been carried out.",
      next: "Do not assume it failed: for money operations Merchant Ops checks the payment's history and retries with the same X-Request-Id. With many timeouts, check the network to Vipps and the status page.",
    },
    "network.reset": {
      title: "The connection was broken",
      cause: "The connection to Vipps was closed before the answer came. The request may have been carried out.",
      next: "Check the payment's history before a money operation is sent again, and then with the same X-Request-Id. If it happens often, check the network and proxy towards Vipps.",
    },
    "network.unreachable": {
      title: "Could not reach Vipps",
      cause:
        "We could not get through to Vipps (the name lookup failed or the connection was refused), so the request was not sent.",
      next: "Check the environment's base URL (api.vipps.no or apitest.vipps.no), DNS, firewall and proxy. It is safe to try again.",
    },
    "callback.unauthorized": {
      title: "Callback without the right authToken",
      cause:
        "We refused a callback because its Authorization header did not carry the sales unit's authToken. Either the shop sent a different authToken at initiate than the one registered here, or the call did not come from Vipps.",
      next: "Make the shop send the same authToken in merchantInfo at initiate as the one registered for the sales unit. If refusals come while nothing changed, someone may be sending forged callbacks.",
    },
    "callback.too_many_callbacks": {
      title: "Too many callbacks for unknown orders",
      cause:
        "Vipps (or someone else) sent more callbacks for orders this sales unit has not registered with us than the limit allows, so we asked them to wait (429).",
      next: "Register payments when they start (POST /api/v1/payments) so they are known when the callback arrives. Vipps sends a callback only once; the reconciler still reads the payment from /details.",
    },
    "callback.other": {
      title: "A callback we could not read",
      cause:
        "We refused a callback because its content was not a valid eCom callback (bad JSON, missing fields, or an orderId that does not match the address).",
      next: "Open the request in the API log. If it did not come from Vipps, ignore it; if it came from your own test, fix the content to match the eCom specification.",
    },
    "network.other": {
      title: "Network error",
      cause: "The call to Vipps failed without any HTTP answer. The request may have been carried out.",
      next: "See the error text in the API log and check the network to Vipps. Check the payment's history before a money operation is sent again.",
    },
    generic: {
      title: "An error not in the catalogue",
      cause: "We have not described this error yet.",
      next: "Read the message and the response in the API log, and look it up in Vipps' documentation on errors. If it persists, contact Vipps with the contextId and the time.",
    },
  },
};
