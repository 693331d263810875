// Fixed ids of the bench data set, shared by the generator and the measuring scripts.
export const BENCH_PARTNER_ID = 'be4c0000-0000-4000-8000-000000000001';
export const BENCH_ADMIN_ID = 'be4c0000-0000-4000-8000-0000000000a1';
export const BENCH_ADMIN_EMAIL = 'full.admin@bench.test';
