// Small pure helpers shared by the builder modules.
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';

/** "Quill & Ink Bookshop" → "quill-and-ink-bookshop": DNS-safe, used for domains and e-mails. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const emailLocalPart = (s: string) => slugify(s).replace(/-/g, '');
export const isCalling = (p: PackageId) => PACKAGE_INFO[p].calling;
export const hasMeetings = (packages: readonly PackageId[]) => packages.some((p) => PACKAGE_INFO[p].meetings);
/** Statuses in which provisioning got through and the customer had users. */
export const SERVED: readonly CustomerStatus[] = ['provisioned', 'provisioned_with_errors', 'deprovisioned'];
