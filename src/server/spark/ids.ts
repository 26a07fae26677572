let sequence = 0;
let lastStamp = '';

/** A 26-digit Spark Id: UTC `YYYYMMDDhhmmss`, 6 digits of microseconds, a 6-digit sequence. */
export function newSparkId(now: Date = new Date()): string {
  const iso = now.toISOString(); // 2026-11-27T09:30:15.123Z
  const stamp = iso.slice(0, 19).replace(/\D/g, '') + iso.slice(20, 23) + '000';
  if (stamp !== lastStamp) {
    lastStamp = stamp;
    sequence = 0;
  }
  sequence = (sequence + 1) % 1_000_000;
  return stamp + String(sequence).padStart(6, '0');
}
