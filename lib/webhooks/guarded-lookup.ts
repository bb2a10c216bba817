import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPrivateAddress } from "./private-address";

export class PrivateTargetError extends Error {
  readonly code = "EPRIVATETARGET";
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a private, loopback or link-local address; webhooks may only reach public addresses`);
    this.name = "PrivateTargetError";
  }
}

/**
 * A `lookup` for sockets that refuses private addresses at connect time, after DNS: checking the URL
 * when it is saved is not enough, since a public name can later resolve (or rebind) to 10.0.0.1 or
 * 169.254.169.254. If any address of the name is private, the connection is refused.
 */
export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((entry) => isPrivateAddress(entry.address));
      if (refused) return callback(new PrivateTargetError(hostname, refused.address), "", 0);
      if ((options as LookupOptions).all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}
