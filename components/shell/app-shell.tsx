import Link from 'next/link';
import type { CSSProperties, ReactNode } from 'react';
import type { OrgAccess } from '@/lib/auth/access';
import type { EffectiveBranding } from '@/lib/branding/effective-branding';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { CommandBarLauncher } from './command-bar/command-bar-launcher';
import { CrossLaunchBanner } from './cross-launch-banner';
import { NavLinks } from './nav-links';
import { ThemeMenu } from './theme-menu';
import type { NavItem } from './nav';

const KIND_LABEL = { partner: 'Partner', sub_partner: 'Indirect provider', customer: 'Customer' } as const;

/**
 * The partner's accents replace the brand colour in the subtree: app/globals.css maps
 * `[data-accent]` to the light accent, or to the dark one in the dark theme.
 */
function accentStyle(b?: EffectiveBranding | null) {
  if (!b?.lightAccent && !b?.darkAccent) return undefined;
  return {
    ...(b.lightAccent ? { '--accent-light': b.lightAccent } : {}),
    ...(b.darkAccent ? { '--accent-dark': b.darkAccent } : {}),
  } as CSSProperties;
}

export function AppShell({
  access,
  nav,
  notice,
  children,
  branding,
}: {
  access: OrgAccess;
  nav: NavItem[];
  notice?: ReactNode;
  children: ReactNode;
  /** Customers' views only (SPEC §10): the partner's (or the customer's own) branding. */
  branding?: EffectiveBranding | null;
}) {
  const roles = [...access.partnerRoles, ...access.customerRoles].map((r) => ROLE_NAMES[r]);
  return (
    <div
      className="min-h-screen"
      style={accentStyle(branding)}
      data-accent={accentStyle(branding) ? '' : undefined}
      data-branded={branding?.sourceOrgId ? 'true' : undefined}
    >
      {/* The first Tab stop (WCAG 2.4.1): past the banner, header and navigation to the page itself. */}
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow-lg ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
      >
        Skip to content
      </a>
      <div data-shell-top="" className="relative z-40">
        <CrossLaunchBanner access={access} />
        <header className="border-b border-slate-200 bg-white">
          <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 lg:px-6">
            <div className="flex items-center gap-3">
              <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-brand-700">
                {branding?.logoUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={branding.logoUrl}
                    alt={`${branding.sourceOrgName} logo`}
                    className="h-8 max-w-40 object-contain"
                    data-testid="brand-logo"
                  />
                ) : (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src="/partner-hub-logo.svg" alt="" className="h-6 w-6" />
                )}
                {access.org.kind === 'customer' ? 'Control Hub' : 'Partner Hub'}
              </Link>
              <span aria-hidden className="text-slate-300">
                /
              </span>
              <span className="font-semibold" data-testid="org-name">
                {access.org.name}
              </span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{KIND_LABEL[access.org.kind]}</span>
            </div>
            <div className="flex items-center gap-3">
              <CommandBarLauncher
                // The policy table gives a customer's view and Partner Hub different read capabilities: one route each.
                searchUrl={`/api/orgs/${access.org.id}/${access.org.kind === 'customer' ? 'view-search' : 'search'}`}
              />
              {branding?.supportUrl && (
                <a
                  href={branding.supportUrl}
                  className="text-sm text-brand-700 underline"
                  rel="noopener noreferrer"
                  target="_blank"
                  data-testid="contact-support"
                >
                  Contact support
                </a>
              )}
              <details className="relative">
                <summary
                  className="cursor-pointer list-none rounded-md px-3 py-1.5 text-sm hover:bg-slate-100"
                  aria-label={`${access.actor.name}, User menu`}
                >
                  {access.actor.name} <span aria-hidden>▾</span>
                </summary>
                <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
                  <p className="font-medium">{access.actor.name}</p>
                  <p className="text-slate-600">{access.actor.email}</p>
                  {roles.length > 0 && <p className="mt-2 text-xs text-slate-500">{roles.join(' · ')}</p>}
                  <Link href="/sign-out" className="mt-3 block rounded-md px-2 py-1.5 text-brand-700 hover:bg-brand-50">
                    Sign out
                  </Link>
                  <ThemeMenu />
                </div>
              </details>
            </div>
          </div>
        </header>
      </div>
      {notice}
      {/* No width cap: lists use the whole screen (dense tables, issue 17.5); forms cap their own width. */}
      <div className="flex flex-col gap-6 px-4 py-6 md:flex-row lg:px-6">
        <aside className="md:w-56 md:shrink-0">
          <NavLinks items={nav} />
        </aside>
        {/* tabIndex -1: the skip link's target takes focus, so the next Tab continues inside the page. */}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
