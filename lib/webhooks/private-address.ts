import net from "node:net";

/**
 * Addresses a webhook must never reach from our servers: this host, the private network it sits in,
 * and cloud metadata services (169.254.169.254 is inside link-local). IPv4-mapped and IPv4-compatible IPv6
 * are refused whole so "::ffff:10.0.0.1" or "::127.0.0.1" cannot smuggle a private IPv4 address past the check.
 */
// Two lists: Node matches IPv4 addresses against IPv6 rules through their mapped form, so one list holding
// ::ffff:0:0/96 would refuse every IPv4 address.
const blockedV4 = new net.BlockList();
const blockedV6 = new net.BlockList();
const IPV4_RANGES: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const IPV6_RANGES: Array<[string, number]> = [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form (::127.0.0.1)
  ["::ffff:0:0", 96], // IPv4-mapped
  ["64:ff9b::", 96], // NAT64: reaches IPv4 space, private included
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
];
for (const [address, prefix] of IPV4_RANGES) blockedV4.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of IPV6_RANGES) blockedV6.addSubnet(address, prefix, "ipv6");

/** True for anything that is not a public unicast address, including strings that are not addresses at all. */
export function isPrivateAddress(address: string): boolean {
  const unbracketed = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const version = net.isIP(unbracketed);
  if (version === 0) return true;
  return version === 4 ? blockedV4.check(unbracketed, "ipv4") : blockedV6.check(unbracketed, "ipv6");
}
