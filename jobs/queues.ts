// Merge shim: the queue names moved to lib/platform/queues.ts (lib/ must not import jobs/).
// Kept only so branches written before the move still compile; delete it once nothing imports it.
export * from '@/lib/platform/queues';
