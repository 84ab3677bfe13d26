// Ready-to-paste update-client settings for one host: ddclient, inadyn, Fritz!Box, pfSense,
// OPNsense, Synology, UniFi and a curl one-liner. Pure and client-safe (the setup page renders it
// in the browser, where a freshly created key's secret lives only in memory). Every client sends
// dyndns2 (/nic/update) with HTTP Basic auth — user name: the hostname, password: the update key —
// except Synology, whose custom providers only fill placeholders in the URL.

/** Stands in for the secret when the page does not have one (it is shown once, at creation). */
export const KEY_PLACEHOLDER = "YOUR_UPDATE_KEY";

export type ClientConfig = {
  id: "ddclient" | "inadyn" | "fritzbox" | "pfsense" | "opnsense" | "synology" | "unifi" | "curl";
  title: string;
  /** Where the text goes (a file path, or the router's settings page). */
  where: string;
  text: string;
};

export type ConfigInput = {
  /** The service's public URL (PUBLIC_URL), e.g. "https://dyn.example.com". */
  baseUrl: string;
  /** The host's ASCII name ("xn--bcher-kva.dyn.test"). */
  fqdn: string;
  /** The update key, or null for KEY_PLACEHOLDER. */
  secret: string | null;
};

const lines = (...l: string[]) => l.join("\n") + "\n";

/** clientConfigs — one entry per supported client, in the order the setup page shows them. */
export function clientConfigs({ baseUrl, fqdn, secret }: ConfigInput): ClientConfig[] {
  const url = new URL(baseUrl);
  const ssl = url.protocol === "https:";
  const server = url.host;
  const origin = `${url.protocol}//${url.host}`;
  const key = secret ?? KEY_PLACEHOLDER;
  const yesNo = ssl ? "yes" : "no";
  return [
    {
      id: "ddclient",
      title: "ddclient",
      where: "/etc/ddclient.conf",
      text: lines(
        `# ddclient.conf for ${fqdn}`,
        "daemon=300",
        `ssl=${yesNo}`,
        `use=web, web=${origin}/checkip`,
        "protocol=dyndns2",
        `server=${server}`,
        `login=${fqdn}`,
        `password='${key}'`,
        fqdn,
      ),
    },
    {
      id: "inadyn",
      title: "inadyn",
      where: "/etc/inadyn.conf",
      text: lines(
        `# inadyn.conf for ${fqdn}`,
        "period = 300",
        "custom dynhost {",
        `    ssl            = ${ssl}`,
        `    username       = "${fqdn}"`,
        `    password       = "${key}"`,
        `    checkip-server = ${server}`,
        "    checkip-path   = /checkip",
        `    checkip-ssl    = ${ssl}`,
        `    ddns-server    = ${server}`,
        '    ddns-path      = "/nic/update?hostname=%h&myip=%i"',
        `    hostname       = "${fqdn}"`,
        "}",
      ),
    },
    {
      id: "fritzbox",
      title: "Fritz!Box",
      where: "Internet → Permit Access → DynDNS → Use DynDNS, provider “User-defined”",
      text: lines(
        `Update URL:  ${origin}/nic/update?hostname=<domain>&myip=<ipaddr>,<ip6addr>`,
        `Domain name: ${fqdn}`,
        `Username:    ${fqdn}`,
        `Password:    ${key}`,
      ),
    },
    {
      id: "pfsense",
      title: "pfSense",
      where: "Services → Dynamic DNS → Add, service type “Custom”",
      text: lines(
        `Update URL:   ${origin}/nic/update?hostname=${fqdn}&myip=%IP%`,
        `Result Match: good %IP%|nochg %IP%`,
        `Username:     ${fqdn}`,
        `Password:     ${key}`,
      ),
    },
    {
      id: "opnsense",
      title: "OPNsense",
      where: "Services → Dynamic DNS → Accounts → Add (os-ddclient), service “Custom”",
      text: lines(
        "Protocol: DynDns2",
        `Server:   ${server}`,
        `Username: ${fqdn}`,
        `Password: ${key}`,
        `Hostname: ${fqdn}`,
        `Check ip method: ${origin}/checkip`,
      ),
    },
    {
      id: "synology",
      title: "Synology DSM",
      where: "Control Panel → External Access → DDNS → Customize Provider, then Add with that provider",
      text: lines(
        `Query URL: ${origin}/nic/update?hostname=__HOSTNAME__&myip=__MYIP__&username=__USERNAME__&password=__PASSWORD__`,
        `Hostname:  ${fqdn}`,
        `Username:  ${fqdn}`,
        `Password:  ${key}`,
      ),
    },
    {
      id: "unifi",
      title: "UniFi",
      where: "Settings → Internet → your WAN → Dynamic DNS → Create, service “custom”",
      text: lines(`Hostname: ${fqdn}`, `Username: ${fqdn}`, `Password: ${key}`, `Server:   ${server}/nic/update?hostname=%h&myip=%i`),
    },
    {
      id: "curl",
      title: "curl (any machine)",
      where: "a shell, or cron: */5 * * * *",
      text: lines(`curl -fsS -u '${fqdn}:${key}' '${origin}/nic/update?hostname=${fqdn}'`),
    },
  ];
}
