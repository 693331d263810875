// Merge shim: the pg-boss wiring moved to lib/platform/boss.ts (lib/server/deps.ts needs it, and
// lib/ must not import jobs/). Kept only so branches written before the move still compile;
// delete it once nothing imports it.
export * from '@/lib/platform/boss';
