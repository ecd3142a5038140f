/**
 * Which network addresses Concord may send to on someone's say-so (a webhook's URL). A URL that
 * an organisation's administrator types must not turn the server into a way into its own network:
 * loopback, private, link-local and other non-public ranges are refused unless the operator allows
 * them (for a test or an intranet). The ranges are IANA's, as ipaddr.js names them.
 */
import ipaddr from "ipaddr.js";

/** Why an address is not public, in words for a message; undefined for a public unicast address. */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return undefined;
  return RANGE_WORDS[range] ?? `a reserved address (${range})`;
}

const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private address",
  linkLocal: "a link-local address",
  unspecified: "an unspecified address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};

/**
 * The literal address in a URL's host (`http://10.0.0.1/`, `http://[::1]/`), or undefined when
 * the host is a name. The WHATWG parser has already turned `http://2130706433/` into 127.0.0.1.
 */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) ? host : undefined;
}

/** Host names that mean this machine whatever the resolver says. */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}
