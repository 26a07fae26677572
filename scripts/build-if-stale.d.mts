export type Target = 'app' | 'server';
export const TARGETS: Record<Target, { built: string; inputs: string[]; script: string }>;
export function buildIsStale(root: string, target: Target): boolean;
