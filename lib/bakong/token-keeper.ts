import { BakongUnavailableError } from "./errors";

export type TokenKeeper = {
  current(): string;
  /** A token to retry with after `rejected` got a 401: a renewed one, shared by every caller that saw the 401. */
  replaceRejected(rejected: string): Promise<string>;
};

export function createTokenKeeper(initialToken: string, email: string | undefined, renew: (email: string) => Promise<string>): TokenKeeper {
  let token = initialToken;
  let renewal: Promise<string> | null = null;

  return {
    current: () => token,
    replaceRejected(rejected) {
      // Another caller already renewed while this request was in flight.
      if (token !== rejected) return Promise.resolve(token);
      if (email === undefined) {
        return Promise.reject(
          new BakongUnavailableError(
            "auth_failed",
            "Bakong rejected BAKONG_TOKEN (expired or invalid) and BAKONG_EMAIL is not set, so it cannot be renewed",
          ),
        );
      }
      renewal ??= renew(email)
        .then((fresh) => {
          token = fresh;
          return fresh;
        })
        .finally(() => {
          renewal = null;
        });
      return renewal;
    },
  };
}
