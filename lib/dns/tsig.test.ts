import { createHmac } from "node:crypto";
import packet from "dns-packet";
import { describe, expect, it } from "vitest";
import { appendTsigError, readTsig, signMessage, TsigStreamVerifier, verifyMessage, type TsigAlgorithm, type TsigKey } from "./tsig";

// Queries signed by BIND's own `dig -y <alg>:ddns-key:<secret> dyn.test SOA` (9.18.49), captured
// on a UDP socket: independent known-answer vectors for both signing and verifying.
const SECRET = "c2VjcmV0LWtleS1mb3ItZHluaG9zdC10ZXN0cy0wMTIzNDU2Nzg5YWI=";
const DIG_VECTORS: Record<TsigAlgorithm, string> = {
  "hmac-sha256":
    "a3bf012000010000000000020364796e0474657374000006000100002904d000000000000c000a0008f525498fc3d496db0864646e732d6b65790000fa00ff00000000003d0b686d61632d7368613235360000006b071eb8012c002045aad01edfb5d902b228f946b99b5b6c77c719a394d5d63c0bf7098f236b6853a3bf00000000",
  "hmac-sha512":
    "65e8012000010000000000020364796e0474657374000006000100002904d000000000000c000a00083cfe0b170a5f580c0864646e732d6b65790000fa00ff00000000005d0b686d61632d7368613531320000006b071eb8012c0040e8dd63edf0f06b344ff8f9d8d7a373f7211efde1fa2a822f23ce1014d463edf64a061f029888323f7a1805e2c91a5c214e1a331abb70e364daf2721bcfcf761765e800000000",
  "hmac-sha1":
    "4312012000010000000000020364796e0474657374000006000100002904d000000000000c000a0008d27bcee6e398624c0864646e732d6b65790000fa00ff00000000002f09686d61632d736861310000006b071eb8012c001478a66517097b7a1393828be8fdbf5227958a982e431200000000",
};
const SIGNED_AT = 0x6b071eb8;
const key = (algorithm: TsigAlgorithm, secret = SECRET): TsigKey => ({ name: "ddns-key", algorithm, secret });

describe("TSIG against dig's vectors", () => {
  for (const [algorithm, hex] of Object.entries(DIG_VECTORS) as [TsigAlgorithm, string][]) {
    const wire = Buffer.from(hex, "hex");

    it(`${algorithm}: verifies dig's signature`, () => {
      const result = verifyMessage(wire, key(algorithm), { now: SIGNED_AT + 5 });
      expect(result.keyName).toBe("ddns-key");
      expect(result.algorithm).toBe(algorithm);
      expect(result.timeSigned).toBe(SIGNED_AT);
      expect(result.fudge).toBe(300);
      expect(result.unsigned.readUInt16BE(10)).toBe(1);
    });

    it(`${algorithm}: signing the same message at the same time reproduces dig's bytes`, () => {
      const tsig = readTsig(wire)!;
      const { wire: ours } = signMessage(tsig.unsigned, key(algorithm), { now: tsig.timeSigned, fudge: tsig.fudge });
      expect(ours.toString("hex")).toBe(hex);
    });
  }

  const wire = Buffer.from(DIG_VECTORS["hmac-sha256"], "hex");
  it("rejects a changed byte, a wrong secret, an unknown key and a stale time", () => {
    const tampered = Buffer.from(wire);
    tampered[13] ^= 0x20;
    expect(() => verifyMessage(tampered, key("hmac-sha256"), { now: SIGNED_AT })).toThrow(/does not verify/);
    const wrong = Buffer.from("another-secret").toString("base64");
    expect(() => verifyMessage(wire, key("hmac-sha256", wrong), { now: SIGNED_AT })).toThrow(expect.objectContaining({ code: "BADSIG" }));
    expect(() => verifyMessage(wire, { ...key("hmac-sha256"), name: "other" }, { now: SIGNED_AT })).toThrow(expect.objectContaining({ code: "BADKEY" }));
    expect(() => verifyMessage(wire, key("hmac-sha512"), { now: SIGNED_AT })).toThrow(expect.objectContaining({ code: "BADKEY" }));
    expect(() => verifyMessage(wire, key("hmac-sha256"), { now: SIGNED_AT + 301 })).toThrow(expect.objectContaining({ code: "BADTIME" }));
    expect(() => verifyMessage(wire.subarray(0, wire.length - 60), key("hmac-sha256"))).toThrow();
  });

  it("picks the right key from a keyring", () => {
    const ring = [{ ...key("hmac-sha256"), name: "other" }, key("hmac-sha256")];
    expect(verifyMessage(wire, ring, { now: SIGNED_AT }).key).toBe(ring[1]);
  });
});

describe("TSIG responses and streams", () => {
  const k = key("hmac-sha256");
  const msg = (id: number, name: string) =>
    packet.encode({ id, type: "response", questions: [{ name: "dyn.test", type: "AXFR" }], answers: [{ name, type: "A", ttl: 60, data: "192.0.2.1" }] });

  it("binds a response to its request MAC", () => {
    const request = signMessage(packet.encode({ id: 7, type: "query", questions: [{ name: "dyn.test", type: "SOA" }] }), k);
    const response = signMessage(msg(7, "a.dyn.test"), k, { requestMac: request.mac });
    expect(verifyMessage(response.wire, k, { requestMac: request.mac }).mac).toEqual(response.mac);
    expect(() => verifyMessage(response.wire, k)).toThrow(expect.objectContaining({ code: "BADSIG" }));
    expect(() => verifyMessage(response.wire, k, { requestMac: Buffer.alloc(32) })).toThrow(/does not verify/);
  });

  it("reports BADKEY to a client with an unsigned TSIG record", () => {
    const wire = appendTsigError(msg(3, "a.dyn.test"), "nobody", "hmac-sha256", 17);
    expect(readTsig(wire)).toMatchObject({ keyName: "nobody", algorithm: "hmac-sha256", error: 17, mac: Buffer.alloc(0), originalId: 3 });
    expect(readTsig(wire)!.unsigned).toEqual(msg(3, "a.dyn.test"));
    expect(() => verifyMessage(wire, { ...k, name: "nobody" })).toThrow(/carries no MAC/);
  });

  it("follows the running MAC over a stream, including unsigned messages in between", () => {
    const requestMac = Buffer.alloc(32, 1);
    const first = signMessage(msg(9, "a.dyn.test"), k, { requestMac });
    const second = msg(9, "b.dyn.test");
    const third = msg(9, "c.dyn.test");
    const now = Math.floor(Date.now() / 1000);
    const timers = Buffer.from([0, 0, ...Buffer.from(now.toString(16).padStart(8, "0"), "hex"), 1, 44]);
    const mac = createHmac("sha256", Buffer.from(SECRET, "base64"))
      .update(Buffer.concat([Buffer.from([0, 32]), first.mac, second, third, timers]))
      .digest();
    const signedThird = signMessage(third, k, { now, requestMac: Buffer.alloc(32) }).wire;
    signedThird.set(mac, signedThird.length - 6 - 32);
    const verifier = new TsigStreamVerifier(k, requestMac);
    expect(verifier.next(first.wire)).toEqual(msg(9, "a.dyn.test"));
    expect(() => verifier.finish()).not.toThrow();
    expect(verifier.next(second)).toEqual(second);
    expect(() => verifier.finish()).toThrow(/unsigned/);
    expect(verifier.next(signedThird)).toEqual(third);
    expect(() => verifier.finish()).not.toThrow();

    const signedSecond = signMessage(second, k, { requestMac: first.mac, timersOnly: true }).wire;
    const allSigned = new TsigStreamVerifier(k, requestMac);
    allSigned.next(first.wire);
    expect(allSigned.next(signedSecond)).toEqual(second);

    const strict = new TsigStreamVerifier(k, requestMac);
    strict.next(first.wire);
    expect(() => strict.next(signMessage(third, k, { requestMac: first.mac }).wire)).toThrow(/does not verify/);
  });
});
