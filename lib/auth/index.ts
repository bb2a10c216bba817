export { createAccount, normalizeEmail, EmailTakenError } from "./create-account";
export { hashPassword, verifyPassword } from "./password";
