import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import './globals.css';
import { parseTheme, THEME_COOKIE } from '@/components/ui/theme';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Partner Hub', template: '%s · Partner Hub' },
  // public/: favicon, app icons and manifest; robots.txt keeps the admin portal out of search engines.
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/manifest.webmanifest',
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each gets the nonce of
  // its own CSP (proxy.ts); a page prerendered at build time would carry none and be blocked.
  await headers();
  // The theme is on <html> in the first byte of HTML: no flash, no inline script (globals.css).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
