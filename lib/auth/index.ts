export { signUp } from "./sign-up";
export { hashPassword } from "./password";
