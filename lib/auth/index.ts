export { completeSignUp, requestSignUp, signUp } from "./sign-up";
export { hashPassword } from "./password";
export { changePassword } from "./change-password";
export { tooManyAttemptsMessage } from "./messages";
export { endAllSessions, userOfSession } from "./session-version";
export { requestPasswordReset, resetPassword } from "./password-reset";
export { confirmEmailChange, requestEmailChange } from "./email-change";
export { pruneExpiredAuthLinks, EXPIRED_LINK_RETENTION_MS } from "./prune-expired-links";
