// Layer rules, checked in CI by `npm run check:boundaries` (dependency-cruiser).
// Layers point down: app → components → lib → db; jobs call lib. README "Architecture" explains each.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order matter and hide a missing layer. The demo seed is exempt: its helper ' +
        'modules import only types from demo-builder.ts, which calls them (no cycle at run time).',
      from: { pathNot: '^db/seed/' },
      to: { circular: true },
    },
    {
      name: 'lib-not-to-upper-layers',
      severity: 'error',
      comment: 'lib/ holds the rules; it never reaches up into pages, components or job workers.',
      from: { path: '^lib/' },
      to: { path: '^(app|components|jobs)/' },
    },
    {
      name: 'db-not-to-lib',
      severity: 'error',
      comment:
        'db/ (schema, client, migrations) is the bottom layer. Its one way up is lib/domain, the pure vocabulary ' +
        '(package, role and status lists) the enums are built from. The seed (db/seed) is a tool and is exempt.',
      from: { path: '^db/', pathNot: '^db/seed/' },
      to: { path: '^lib/', pathNot: '^lib/domain/' },
    },
    {
      name: 'domain-vocabulary-imports-nothing',
      severity: 'error',
      comment: 'lib/domain is imported by db/schema, so it may not import anything of ours outside itself.',
      from: { path: '^lib/domain/' },
      to: { path: '^(app|components|jobs|db|lib)/', pathNot: '^lib/domain/' },
    },
    {
      name: 'seed-only-from-tools',
      severity: 'error',
      comment: 'The demo seed is run by db/cli.ts, tests and benchmarks; product code never imports it.',
      from: { path: '^(app|components|lib|jobs)/' },
      to: { path: '^db/seed/' },
    },
    {
      name: 'components-not-to-app-or-jobs',
      severity: 'error',
      comment: 'Shared components sit below the pages and never start job work.',
      from: { path: '^components/' },
      to: { path: '^(app|jobs)/' },
    },
    {
      name: 'ui-kit-no-domain',
      severity: 'error',
      comment:
        'components/ui is the domain-free kit: it may use lib/platform and the ActionState type of lib/server/org-action, ' +
        'nothing of a domain (put domain-aware components in components/<domain>/).',
      from: { path: '^components/ui/' },
      to: { path: '^(app|jobs|db)/|^components/(?!ui/)|^lib/(?!platform/|server/org-action)' },
    },
    {
      name: 'jobs-not-to-app-or-components',
      severity: 'error',
      comment: 'Job workers schedule and call lib/ services; they have no UI.',
      from: { path: '^jobs/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'pages-run-no-queries',
      severity: 'error',
      comment: 'Pages, layouts, actions and routes are thin: they call a lib/ service (passing getDb()), never build a Drizzle query.',
      from: { path: '^app/' },
      to: { path: '^db/schema|^node_modules/drizzle-orm' },
    },
    {
      name: 'product-not-to-tests',
      severity: 'error',
      comment: 'Product code never imports tests, e2e specs or benchmarks.',
      from: { path: '^(app|components|lib|db|jobs)/' },
      to: { path: '^(tests|e2e|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a moved file) fails here with the file named.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|\\.data|db/migrations)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: false,
    // TypeScript 7 has no compiler API for dependency-cruiser and swc's parse mode has no TSX: Babel parses.
    babelConfig: { fileName: 'scripts/lint/babel.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
