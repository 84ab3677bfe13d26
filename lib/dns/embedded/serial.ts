// SOA serials: date-based (yyyymmddnn, UTC) while that moves forward, else +1, compared with
// RFC 1982 serial-number arithmetic so the counter may wrap without ever going "backwards".

const HALF = 2 ** 31;

// True when serial `a` is greater than `b` in RFC 1982 arithmetic.
export function serialGreater(a: number, b: number): boolean {
  return a !== b && ((a > b && a - b < HALF) || (a < b && b - a > HALF));
}

// The serial that follows `current` (0 = the zone is new).
export function nextSerial(current: number, now = new Date()): number {
  const day = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  const dated = day * 100;
  if (current === 0 || serialGreater(dated, current)) return dated;
  const next = (current + 1) >>> 0;
  return next === 0 ? 1 : next;
}
