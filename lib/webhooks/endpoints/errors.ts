/** The endpoint or delivery does not exist for this user: another merchant's id reads exactly like a missing one. */
export class WebhookNotFoundError extends Error {
  constructor(what: "endpoint" | "delivery") {
    super(`No such webhook ${what}.`);
    this.name = "WebhookNotFoundError";
  }
}

/** The merchant's input cannot be used; `field` names the form field to show it next to, when there is one. */
export class WebhookInputError extends Error {
  readonly field: "url" | "mode" | null;
  constructor(message: string, field: "url" | "mode" | null = null) {
    super(message);
    this.name = "WebhookInputError";
    this.field = field;
  }
}
