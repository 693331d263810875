'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Customers | Templates under the Customers section (SPEC §3: Customers → Templates). */
export function CustomersTabs({ orgId }: { orgId: string }) {
  const pathname = usePathname();
  const base = `/o/${orgId}/customers`;
  const templates = `${base}/templates`;
  const onTemplates = pathname === templates || pathname.startsWith(`${templates}/`);
  const tabs = [
    { label: 'Customers', href: base, active: !onTemplates },
    { label: 'Templates', href: templates, active: onTemplates },
  ];
  return (
    <nav aria-label="Customers sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.active ? 'page' : undefined}
              className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${t.active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800'}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
