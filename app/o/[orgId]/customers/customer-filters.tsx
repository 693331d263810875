import { SearchForm } from '@/components/ui/search-form';
import { DEFAULT_SORT_DIR, type CustomerListParams } from '@/lib/customers/customer-list-params';
import { PACKAGE_INFO, PACKAGES } from '@/lib/domain/packages';
import { CUSTOMER_STATUS_LABELS, CUSTOMER_STATUSES } from '@/lib/domain/statuses';

const selectClass = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

function Select({
  id,
  label,
  name,
  value,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search, filters, sort and scope of the customer list as one GET form: everything ends
 * up in the URL, and it works before (or without) JavaScript.
 */
export function CustomerFilters({
  action,
  params,
  canSearchIndirect,
}: {
  action: string;
  params: CustomerListParams;
  canSearchIndirect: boolean;
}) {
  const active = !!(
    params.q ||
    params.status ||
    params.package ||
    params.sort !== 'created' ||
    params.dir !== DEFAULT_SORT_DIR[params.sort] ||
    params.scope !== 'own'
  );
  return (
    <SearchForm action={action} label="Search customers" placeholder="Name, external ID or org ID" defaultValue={params.q} active={active}>
      <Select
        id="filter-status"
        label="Status"
        name="status"
        value={params.status ?? ''}
        options={[['', 'All statuses'], ...CUSTOMER_STATUSES.map((s): [string, string] => [s, CUSTOMER_STATUS_LABELS[s]])]}
      />
      <Select
        id="filter-package"
        label="Package"
        name="package"
        value={params.package ?? ''}
        options={[['', 'All packages'], ...PACKAGES.map((p): [string, string] => [p, PACKAGE_INFO[p].name])]}
      />
      <Select
        id="sort-by"
        label="Sort by"
        name="sort"
        value={params.sort}
        options={[
          ['created', 'Created'],
          ['name', 'Name'],
          ['status', 'Status'],
        ]}
      />
      <Select
        id="sort-dir"
        label="Order"
        name="dir"
        value={params.dir === DEFAULT_SORT_DIR[params.sort] ? '' : params.dir}
        options={[
          ['', 'Default'],
          ['asc', 'Ascending'],
          ['desc', 'Descending'],
        ]}
      />
      {canSearchIndirect && (
        <label className="flex items-center gap-2 py-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="scope" value="indirect" defaultChecked={params.scope === 'indirect'} className="h-4 w-4" />
          Include indirect providers’ customers
        </label>
      )}
    </SearchForm>
  );
}
