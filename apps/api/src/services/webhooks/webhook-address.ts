// Webhook URLs must not turn the API into a scanner of the network it runs in: private,
// link-local, multicast and cloud-metadata addresses are refused when an endpoint is saved, and
// again at delivery time, after DNS resolution, on the address actually connected to.
import { BlockList, isIP, type LookupFunction } from "node:net";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["64:ff9b::", 96], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) PRIVATE.addSubnet(net, prefix, "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Names that reach cloud metadata services or the machine itself without looking like an address. */
const BLOCKED_NAMES = /^(metadata|metadata\.google\.internal|metadata\.azure\.com|instance-data(\.ec2\.internal)?|.*\.internal|.*\.local)$/i;
const LOOPBACK_NAMES = /^(localhost|.*\.localhost)$/i;

export const PRIVATE_ADDRESS_MESSAGE = "This address is on a private, loopback, link-local or metadata network; webhooks go only to public addresses.";

/** Why an IP address may not receive webhooks, or undefined. IPv4-mapped IPv6 is judged as IPv4. */
export function blockedAddress(address: string, allowLoopback: boolean): string | undefined {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (!family) return undefined;
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1] : undefined;
  const [ip, type] = mapped ? [mapped, "ipv4" as const] : [bare, family === 4 ? ("ipv4" as const) : ("ipv6" as const)];
  if (LOOPBACK.check(ip, type)) return allowLoopback ? undefined : PRIVATE_ADDRESS_MESSAGE;
  if (type === "ipv6" && /^::ffff:/i.test(ip)) return PRIVATE_ADDRESS_MESSAGE;
  return PRIVATE.check(ip, type) ? PRIVATE_ADDRESS_MESSAGE : undefined;
}

/**
 * Why this webhook URL may not be saved, or undefined. The URL parser has already normalized
 * 0x7f000001, 2130706433 and 127.1 to 127.0.0.1, so they are judged as the address they are.
 */
export function webhookUrlProblem(raw: string, allowLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter an https:// address (http:// only for localhost).";
  }
  const host = url.hostname.replace(/\.$/, "");
  if (url.username || url.password) return "Put no user name or password in the address; the signature authenticates each delivery.";
  if (BLOCKED_NAMES.test(host)) return PRIVATE_ADDRESS_MESSAGE;
  const loopbackName = LOOPBACK_NAMES.test(host);
  if (loopbackName && !allowLoopback) return PRIVATE_ADDRESS_MESSAGE;
  const blocked = blockedAddress(host, allowLoopback);
  if (blocked) return blocked;
  if (url.protocol === "http:" && !(allowLoopback && (loopbackName || blockedAddress(host, false)))) return "Enter an https:// address (http:// only for localhost).";
  return undefined;
}

type Resolve = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * A `lookup` for http(s).request that refuses to connect when any address the name resolves to
 * is blocked: checked on the addresses actually used, so a name cannot resolve to a public address
 * when saved and a private one when delivered.
 */
export function guardedLookup(allowLoopback: boolean, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const bad = addresses.find((a) => blockedAddress(a.address, allowLoopback));
      if (bad || addresses.length === 0) {
        const refused: NodeJS.ErrnoException = new Error(`refused: ${hostname} resolves to ${bad?.address ?? "no address"}, which is not a public address`);
        refused.code = "ECK_PRIVATE_ADDRESS";
        return callback(refused, "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const wanted = options.family === 6 || options.family === "IPv6" ? 6 : options.family === 4 || options.family === "IPv4" ? 4 : 0;
      const pick = addresses.find((a) => !wanted || a.family === wanted) ?? addresses[0]!;
      callback(null, pick.address, pick.family);
    });
  };
}
