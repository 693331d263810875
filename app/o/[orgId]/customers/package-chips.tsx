import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { Dash } from '@/components/ui/table';

const CHIP =
  'inline-flex shrink-0 items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-500/20';

/**
 * A customer's packages on one line (issue 17.5): the first as a chip and "+N" for the
 * rest, the full list as the tooltip and as the text screen readers read.
 */
export function PackageChips({ packages }: { packages: PackageId[] }) {
  if (packages.length === 0) return <Dash />;
  const names = packages.map((p) => PACKAGE_INFO[p].name);
  const [first, ...rest] = names;
  return (
    <span className="flex max-w-64 flex-nowrap items-center gap-1" title={names.join(', ')} data-testid="package-chips">
      <span className="sr-only">{names.join(', ')}</span>
      <span aria-hidden className={`${CHIP} min-w-0 truncate`}>
        {first}
      </span>
      {rest.length > 0 && (
        <span aria-hidden className={CHIP}>
          +{rest.length}
        </span>
      )}
    </span>
  );
}
