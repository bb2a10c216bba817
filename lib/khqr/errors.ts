import type { KhqrInput } from "./types";

/** An encoder input that breaks a KHQR rule; `field` names the offending input property. */
export class KhqrFieldError extends Error {
  readonly field: keyof KhqrInput | (string & {});

  constructor(field: keyof KhqrInput | (string & {}), message: string) {
    super(message);
    this.name = "KhqrFieldError";
    this.field = field;
  }
}

/** A string that is not a well-formed KHQR. */
export class KhqrDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KhqrDecodeError";
  }
}
