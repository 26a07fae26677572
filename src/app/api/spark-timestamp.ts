const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Spark timestamps come with `Z`, an offset or no zone; no zone is read as UTC. */
export function parseSparkTimestamp(value: string): Date {
  return new Date(hasZone.test(value) ? value : `${value}Z`);
}
