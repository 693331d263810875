// Reading list-page search params (?q=…&page=…) safely: they are user input.
import { sql, type SQL } from 'drizzle-orm';
import { hasControlCharacters } from '@/lib/domain/text';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a param, trimmed and length-capped; '' when absent. */
export function param(sp: RawSearchParams, name: string, maxLength = 200): string {
  const v = sp[name];
  const s = Array.isArray(v) ? v[0] : v;
  return (s ?? '').trim().slice(0, maxLength);
}

/** 1-based page number; anything invalid is page 1. */
export function pageParam(sp: RawSearchParams): number {
  const n = Number.parseInt(param(sp, 'page', 9), 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageRequest(page: number, pageSize: number): PageRequest {
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export interface PageResult<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The WHERE condition for a search term. A term holding a control character matches
 * nothing: no stored text has one (every input refuses them), and PostgreSQL would refuse
 * a NUL with 22021 — so such a term never reaches the database.
 */
export function searchCondition(q: string, match: (q: string) => SQL): SQL {
  return hasControlCharacters(q) ? sql`false` : match(q);
}

const likeLiteral = (q: string) => q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** LIKE pattern for a "contains" search, with %, _ and \ in the input taken literally. */
export function containsPattern(q: string): string {
  return `%${likeLiteral(q)}%`;
}

/** LIKE pattern for a "starts with" test (ranking prefix matches first), input taken literally. */
export function prefixPattern(q: string): string {
  return `${likeLiteral(q)}%`;
}

/** A yyyy-mm-dd date param that is a real date, else ''. */
export function dateParam(sp: RawSearchParams, name: string): string {
  const v = param(sp, name, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return '';
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? v : '';
}
