export { signUp } from "./sign-up";
export { hashPassword, verifyPassword } from "./password";
