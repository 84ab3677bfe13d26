import { describe, expect, it } from "vitest";
import { clientConfigs, KEY_PLACEHOLDER } from "./client-configs";

const byId = (cfgs: ReturnType<typeof clientConfigs>) => Object.fromEntries(cfgs.map((c) => [c.id, c.text]));

describe("clientConfigs", () => {
  it("fills in the host, the key and the HTTPS server", () => {
    const c = byId(clientConfigs({ baseUrl: "https://dyn.example.com/", fqdn: "alice.dyn.example", secret: "dhk_secret" }));
    expect(c.ddclient).toBe(
      [
        "# ddclient.conf for alice.dyn.example", "daemon=300", "ssl=yes", "use=web, web=https://dyn.example.com/checkip",
        "protocol=dyndns2", "server=dyn.example.com", "login=alice.dyn.example", "password='dhk_secret'", "alice.dyn.example", "",
      ].join("\n"),
    );
    expect(c.inadyn).toContain('    ddns-path      = "/nic/update?hostname=%h&myip=%i"\n');
    expect(c.inadyn).toContain("    ssl            = true\n    username       = \"alice.dyn.example\"\n    password       = \"dhk_secret\"\n");
    expect(c.fritzbox!.split("\n")[0]).toBe("Update URL:  https://dyn.example.com/nic/update?hostname=<domain>&myip=<ipaddr>,<ip6addr>");
    expect(c.synology!.split("\n")[0]).toBe(
      "Query URL: https://dyn.example.com/nic/update?hostname=__HOSTNAME__&myip=__MYIP__&username=__USERNAME__&password=__PASSWORD__",
    );
    expect(c.curl).toBe("curl -fsS -u 'alice.dyn.example:dhk_secret' 'https://dyn.example.com/nic/update?hostname=alice.dyn.example'\n");
  });

  it("uses plain HTTP with the port when the service has no TLS, and a placeholder without a key", () => {
    const cfgs = clientConfigs({ baseUrl: "http://127.0.0.1:3000", fqdn: "xn--bcher-kva.dyn.test", secret: null });
    expect(cfgs.map((c) => c.id)).toEqual(["ddclient", "inadyn", "fritzbox", "pfsense", "opnsense", "synology", "unifi", "curl"]);
    const c = byId(cfgs);
    expect(c.ddclient).toContain("ssl=no\nuse=web, web=http://127.0.0.1:3000/checkip\nprotocol=dyndns2\nserver=127.0.0.1:3000\n");
    expect(c.ddclient).toContain(`password='${KEY_PLACEHOLDER}'\nxn--bcher-kva.dyn.test\n`);
    expect(c.inadyn).toContain("    checkip-ssl    = false\n    ddns-server    = 127.0.0.1:3000\n");
    expect(c.unifi).toBe(`Hostname: xn--bcher-kva.dyn.test\nUsername: xn--bcher-kva.dyn.test\nPassword: ${KEY_PLACEHOLDER}\nServer:   127.0.0.1:3000/nic/update?hostname=%h&myip=%i\n`);
  });
});
