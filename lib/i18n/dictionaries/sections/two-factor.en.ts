import type { Widen } from "../widen";
import type { twoFactorNb } from "./two-factor.nb";

export const twoFactorEn: Widen<typeof twoFactorNb> = {
  page: {
    title: "Sign-in security",
    intro:
      "With two-factor sign-in you need both your password and a code from an authenticator app on your phone to sign in.",
    requiredNotice:
      "Your role requires two-factor sign-in. Turn it on here before you can use the rest of Merchant Ops.",
    statusOn: "Two-factor sign-in is on (since {date}).",
    statusOff: "Two-factor sign-in is off.",
    stepUpNote:
      "While it is on, we ask for a fresh code before large money movements (over {amount}) and before API keys are created or revoked, when your last code is more than 10 minutes old.",
  },
  enrol: {
    title: "Turn on two-factor sign-in",
    scan: "1. Scan the QR code with an authenticator app, such as Google Authenticator, Microsoft Authenticator or 1Password.",
    manual: "Cannot scan? Type this key into the app (time-based, 6 digits):",
    secretLabel: "Key for manual entry",
    qrAlt: "QR code for the authenticator app",
    enterCode: "2. Enter the six-digit code the app shows.",
    codeLabel: "Code from the app",
    submit: "Turn on",
    submitting: "Checking …",
    done: "Two-factor sign-in is on. From now on you need a code from the app to sign in.",
  },
  recovery: {
    title: "Recovery codes",
    shownOnce:
      "Save these codes somewhere safe now — they are shown only this once. If you lose your phone, you can sign in with one of them. Each code works once.",
    copy: "Copy",
    copied: "Copied",
    download: "Download",
    fileName: "merchant-ops-recovery-codes.txt",
    fileHeader: "Merchant Ops recovery codes ({email}). Each code works once.",
    done: "I have saved the codes",
    left: "{count} unused recovery codes left.",
    regenerateTitle: "New recovery codes",
    regenerateHint: "Makes ten new codes. The old ones stop working at once.",
    regenerate: "Make new codes",
    regenerating: "Making …",
  },
  disable: {
    title: "Turn off two-factor sign-in",
    hint: "Then your password alone signs you in.",
    submit: "Turn off",
    submitting: "Turning off …",
    requiredByRole: "Your role requires two-factor sign-in, so it cannot be turned off.",
    done: "Two-factor sign-in is turned off.",
  },
  codeOrRecovery: "Code from the app or a recovery code",
  signIn: {
    title: "Confirm your sign-in",
    subtitle: "Enter the six-digit code from your authenticator app.",
    recoverySubtitle: "Enter one of your recovery codes (xxxx-xxxx-xx). It works only once.",
    signingInAs: "Signing in as {email}",
    codeLabel: "One-time code",
    recoveryLabel: "Recovery code",
    useRecovery: "No phone at hand? Use a recovery code",
    useApp: "Use the code from the app instead",
    submit: "Confirm",
    submitting: "Confirming …",
    startOver: "Cancel and sign in again",
  },
  stepUp: {
    title: "Confirm with a code",
    body: "This needs a fresh code from your authenticator app. It holds for 10 minutes.",
    codeLabel: "Code from the app",
  },
  errors: {
    codeRequired: "Enter the code.",
    invalidCode: "The code is wrong or already used. Wait for the next code in the app and try again.",
    enrolInvalidCode: "The code is wrong. Check that your phone's clock is right, and try the next code.",
    enrolExpired: "Setting up took too long. Reload the page and scan the new QR code.",
    alreadyEnrolled: "Two-factor sign-in is already on.",
    notEnrolled: "Two-factor sign-in is not on.",
    locked: "Too many wrong codes. The account is locked until {time}.",
    addressThrottled: "Too many failed attempts from your network. Wait a little and try again.",
    expired: "Entering the code took too long. Sign in again.",
  },
};
