// An org's Activity (SPEC §10 audit log): the changes made on the org and the changes its
// admins made elsewhere (cross-launched). At ~1 M rows (SPEC §11) every read here is
// bounded by its page size, never by the size of the log:
// - the scope `org_id = X OR actor_org_id = X` is read as a UNION ALL of two branches,
//   each walking its own index in (at, id) order and stopping at the page size; the names
//   of the actor and orgs are joined for the page's rows only;
// - paging is by keyset (the last row seen), so page 1,000 costs what page 1 costs;
// - the total is counted up to 10,001 rows at most ("10,000+");
// - the action filter lists the actions the code defines (AUDIT_ACTIONS), not the
//   distinct values of the log.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { OrgAccess } from '@/lib/auth/access';
import { AUDIT_ACTIONS } from '@/lib/domain/audit-actions';
import { hasControlCharacters } from '@/lib/domain/text';
import { containsPattern } from '@/lib/paging/search-params';
import { oneRow } from '@/db/one-row';

export const ACTIVITY_PAGE_SIZE = 50;
/** Counting stops here: the page shows "10,000+" beyond it. */
export const ACTIVITY_COUNT_CAP = 10_000;

export interface ActivityFilters {
  /** Exact action, or a prefix when it ends with '.' or '*' (e.g. "customer."). */
  action: string;
  /** Actor e-mail contains. */
  actor: string;
  /** yyyy-mm-dd, inclusive, UTC. */
  from: string;
  to: string;
}

/** Where a page starts: older than the row `after`, or newer than the row `before` (audit ids). */
export type ActivityCursor = { after: number } | { before: number } | null;

/** The cursor from the URL (`?after=<id>` older, `?before=<id>` newer); anything invalid is the first page. */
export function activityCursor(after: string, before: string): ActivityCursor {
  const id = (v: string) => (/^[1-9]\d{0,17}$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : null);
  const a = id(after);
  if (a !== null) return { after: a };
  const b = id(before);
  return b !== null ? { before: b } : null;
}

export interface ActivityRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  apiTokenId: string | null;
  actorOrgId: string | null;
  actorOrgName: string | null;
  orgId: string;
  orgName: string;
  action: string;
  summary: string;
  /** The entry's recorded state before and after (JSON, either may be null). */
  before: unknown;
  after: unknown;
}

export interface ActivityPage {
  rows: ActivityRow[];
  /** Matching entries, counted up to ACTIVITY_COUNT_CAP + 1 (then `totalCapped`). */
  total: number;
  totalCapped: boolean;
  /** Cursors of the neighbouring pages (null at either end). */
  newer: number | null;
  older: number | null;
  /** The actions the filter offers. */
  actions: readonly string[];
}

/** The actions a filter value stands for: one exact name, or every defined name with the prefix. */
export function actionsMatching(action: string): string[] | null {
  if (!action) return null;
  const prefix = action.endsWith('*') ? action.slice(0, -1) : action.endsWith('.') ? action : null;
  return prefix === null ? [action] : AUDIT_ACTIONS.filter((a) => a.startsWith(prefix));
}

/** Up to this many people matching "Actor e-mail contains" are walked person by person. */
const ACTOR_IDS_MAX = 20;

/** The filter conditions on audit_log `a` other than the actor (shared by both branches and the count). */
function filterSql(f: ActivityFilters): SQL {
  const parts: SQL[] = [];
  const actions = actionsMatching(f.action);
  if (actions)
    parts.push(actions.length === 1 ? sql`and a.action = ${actions[0]}` : sql`and a.action = any(${`{${actions.join(',')}}`}::text[])`);
  if (f.from) parts.push(sql`and a.at >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  if (f.to) parts.push(sql`and a.at < ${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day'`);
  return sql.join(parts, sql` `);
}

/**
 * "Actor e-mail contains": the people it stands for, resolved inside each statement — a
 * materialised CTE on the trigram index `users_email_trgm_idx` (under a millisecond) instead
 * of a round trip of its own before the page and the count could start.
 */
const withActors = (f: ActivityFilters) =>
  f.actor
    ? sql`with actors as materialized (select u.id from users u where lower(u.email) like ${containsPattern(f.actor)} limit ${ACTOR_IDS_MAX + 1}) `
    : sql``;

/**
 * One branch's rows: `select <cols> from audit_log a where <scope> <filters> <rest> limit n`.
 * With an actor filter, up to ACTOR_IDS_MAX people are walked one by one (LATERAL: each on
 * the (…, actor_user_id, at, id) index, in order, stopping at `limit`); with more, one scan
 * filtered by the subquery. Which of the two runs is decided in the statement: the other
 * is behind a one-time filter on the people count and never executes.
 */
function branchRows(scope: SQL, f: ActivityFilters, cols: SQL, rest: SQL, limit: number): SQL {
  const filters = filterSql(f);
  if (!f.actor) return sql`(select ${cols} from audit_log a where ${scope} ${filters} ${rest} limit ${limit})`;
  const few = sql`(select x.* from actors u cross join lateral (
      select ${cols} from audit_log a where ${scope} and a.actor_user_id = u.id ${filters} ${rest} limit ${limit}) x
    where (select count(*) from actors) <= ${ACTOR_IDS_MAX})`;
  const many = sql`(select ${cols} from audit_log a where ${scope}
      and a.actor_user_id in (select u.id from users u where lower(u.email) like ${containsPattern(f.actor)}) ${filters}
      and (select count(*) from actors) > ${ACTOR_IDS_MAX} ${rest} limit ${limit})`;
  return sql`${few} union all ${many}`;
}

/**
 * The two halves of the scope, disjoint: entries on the org, and entries its admins made
 * on another org. Each has an index per filter path: (org_id | actor_org_id) followed by
 * nothing, action or actor_user_id, then (at, id); the second half's are partial (only
 * entries on another org), so its scans never step over the org's own entries.
 */
const BRANCHES = (orgId: string): SQL[] => [
  sql`a.org_id = ${orgId}`,
  // Written as the partial indexes' predicate (actor_org_id <> org_id) so the planner uses them.
  sql`a.actor_org_id = ${orgId} and a.actor_org_id <> a.org_id`,
];

type AuditRow = {
  id: string | number;
  at: string | Date;
  actor_first: string | null;
  actor_last: string | null;
  actor_display: string | null;
  actor_email: string | null;
  api_token_id: string | null;
  actor_org_id: string | null;
  actor_org_name: string | null;
  org_id: string;
  org_name: string;
  action: string;
  summary: string;
  before: unknown;
  after: unknown;
};

/** A jsonb column as read by a raw query: parsed already, or its text (depending on the driver's type parsers). */
function json(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * Up to `limit` entries in page order (newest first), starting after the cursor; `newer`
 * reads upwards. One statement: the page's ids are picked from the two index-ordered
 * branches, then only those rows are joined with their names (a primary-key join each).
 */
async function pageRows(db: DbOrTx, orgId: string, f: ActivityFilters, cursor: ActivityCursor, limit: number): Promise<ActivityRow[]> {
  const newer = cursor !== null && 'before' in cursor;
  const dir = sql.raw(newer ? 'asc' : 'desc');
  const keyset =
    cursor === null
      ? sql``
      : sql`and (a.at, a.id) ${sql.raw(newer ? '>' : '<')} (select c.at, c.id from audit_log c where c.id = ${newer ? (cursor as { before: number }).before : (cursor as { after: number }).after})`;
  const branches = BRANCHES(orgId).map((scope) =>
    branchRows(scope, f, sql`a.id, a.at`, sql`${keyset} order by a.at ${dir}, a.id ${dir}`, limit),
  );
  const rows = await db.execute<AuditRow>(sql`${withActors(f)}
    select a.id, a.at, u.first_name as actor_first, u.last_name as actor_last, u.display_name as actor_display, u.email as actor_email,
      a.api_token_id, a.actor_org_id, ao.name as actor_org_name, a.org_id, o.name as org_name, a.action, a.summary, a.before, a.after
    from (select id, at from (${sql.join(branches, sql` union all `)}) b order by at ${dir}, id ${dir} limit ${limit}) p
    join audit_log a on a.id = p.id
    join orgs o on o.id = a.org_id
    left join users u on u.id = a.actor_user_id
    left join orgs ao on ao.id = a.actor_org_id
    order by p.at ${dir}, p.id ${dir}`);
  const out = rows.map(toActivityRow);
  return newer ? out.reverse() : out;
}

function toActivityRow(r: AuditRow): ActivityRow {
  return {
    id: Number(r.id),
    at: new Date(r.at),
    actorName: r.actor_display || [r.actor_first, r.actor_last].filter(Boolean).join(' ') || null,
    actorEmail: r.actor_email,
    apiTokenId: r.api_token_id,
    actorOrgId: r.actor_org_id,
    actorOrgName: r.actor_org_name,
    orgId: r.org_id,
    orgName: r.org_name,
    action: r.action,
    summary: r.summary,
    before: json(r.before),
    after: json(r.after),
  };
}

const unmatchable = (f: ActivityFilters) => hasControlCharacters(f.action) || hasControlCharacters(f.actor);

/** Matching entries up to the cap + 1: each branch stops counting there. */
async function cappedCount(db: DbOrTx, orgId: string, f: ActivityFilters): Promise<number> {
  const cap = ACTIVITY_COUNT_CAP + 1;
  const counts = BRANCHES(orgId).map(
    (scope) => sql`(select count(*) from (select 1 from (${branchRows(scope, f, sql`1 as one`, sql``, cap)}) s limit ${cap}) t)`,
  );
  const row = await oneRow(
    db.execute<{ n: string | number }>(sql`${withActors(f)}select least(${cap}, ${sql.join(counts, sql` + `)}) as n`),
    'an activity count',
  );
  return Number(row.n);
}

/** One page of an org's Activity, newest first. */
export async function listActivity(
  db: DbOrTx,
  access: OrgAccess,
  f: ActivityFilters,
  cursor: ActivityCursor = null,
): Promise<ActivityPage> {
  const orgId = access.org.id;
  // A control character can't be in any entry (PostgreSQL refuses NUL in text): no match, not an error.
  if (unmatchable(f)) return { rows: [], total: 0, totalCapped: false, newer: null, older: null, actions: AUDIT_ACTIONS };
  const size = ACTIVITY_PAGE_SIZE;
  // The page and the count, sent together; each resolves the actor filter itself.
  const [fetched, total] = await Promise.all([pageRows(db, orgId, f, cursor, size + 1), cappedCount(db, orgId, f)]);
  let rows: ActivityRow[];
  let hasNewer: boolean;
  let hasOlder: boolean;
  if (cursor !== null && 'before' in cursor) {
    // Reading upwards and reaching the top: show the first page (always full) instead.
    if (fetched.length <= size) return listActivity(db, access, f, null);
    rows = fetched.slice(1);
    hasNewer = true;
    hasOlder = true;
  } else {
    hasOlder = fetched.length > size;
    rows = fetched.slice(0, size);
    hasNewer = cursor !== null;
  }
  return {
    rows,
    total,
    totalCapped: total > ACTIVITY_COUNT_CAP,
    newer: hasNewer ? (rows[0]?.id ?? null) : null,
    older: hasOlder ? (rows.at(-1)?.id ?? null) : null,
    actions: AUDIT_ACTIONS,
  };
}

/**
 * Every matching entry, newest first, in batches read by keyset — for the CSV export,
 * which streams them without holding a transaction or the whole log in memory.
 */
export async function* activityBatches(
  db: DbOrTx,
  access: OrgAccess,
  f: ActivityFilters,
  batchSize = 1_000,
): AsyncGenerator<ActivityRow[]> {
  if (unmatchable(f)) return;
  let cursor: ActivityCursor = null;
  for (;;) {
    const rows = await pageRows(db, access.org.id, f, cursor, batchSize);
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    if (rows.length < batchSize) return;
    cursor = { after: last.id };
  }
}
