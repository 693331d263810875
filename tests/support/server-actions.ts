// Finds every server action in the sources with a real parser (Babel, the TypeScript
// preset; the installed TypeScript 7 has no JS compiler API): modules whose directive
// prologue says "use server" (any quotes), each of their exports, and inline actions —
// functions whose own body starts with the directive. Used by the unit check and by the
// e2e check that compares it with the build's server-reference manifest.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// @babel/parser and @babel/types come with @babel/core (a dev dependency) and ship their own types.
import { parse } from '@babel/parser';
import * as t from '@babel/types';
import { CUSTOMER_PERMISSIONS, PARTNER_PERMISSIONS } from '../../lib/auth/permissions';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib'];

export interface ServerAction {
  /** Path from the repository root, e.g. app/o/[orgId]/users/actions.ts */
  file: string;
  /** Exported name; inline actions are `inline@<line>`. */
  name: string;
  kind: 'export' | 'inline';
  line: number;
  /** The function the export is built with (`orgAction`), or null for a bare function. */
  wrapper: string | null;
  /** First argument: a capability literal, `<x>.capability`, or a declared use case (identifier/member). */
  capability: { literal: string } | { declared: string } | null;
  /** The wrapper's arguments as written (`a.b`, a JSON string literal, or '?' for anything else). */
  args?: string[];
  /** Where each top-level name of the file comes from: an import (module + path) or a destructuring of one. */
  bindings?: Record<string, { module: string; path: string[] }>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    if (statSync(full).isDirectory()) return e === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(e) && !e.endsWith('.d.ts') ? [full] : [];
  });
}

const hasUseServer = (directives: t.Directive[]) => directives.some((d) => d.value.value === 'use server');

function describeInit(init: t.Node | null | undefined): Pick<ServerAction, 'wrapper' | 'capability' | 'args'> {
  if (!init || !t.isCallExpression(init) || !t.isIdentifier(init.callee)) return { wrapper: null, capability: null };
  const [first] = init.arguments;
  let capability: ServerAction['capability'] = null;
  if (t.isStringLiteral(first)) capability = { literal: first.value };
  else if (t.isMemberExpression(first) || t.isIdentifier(first)) capability = { declared: source(first) };
  return { wrapper: init.callee.name, capability, args: init.arguments.map((a) => source(a)) };
}

function source(n: t.Node): string {
  if (t.isStringLiteral(n)) return JSON.stringify(n.value);
  if (t.isIdentifier(n)) return n.name;
  if (t.isMemberExpression(n)) return `${source(n.object)}.${t.isIdentifier(n.property) ? n.property.name : '?'}`;
  return '?';
}

/** Visits every AST node below `node`. */
function walk(node: t.Node, visit: (n: t.Node) => void) {
  visit(node);
  for (const k of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[k];
    for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as t.Node).type === 'string') walk(c as t.Node, visit);
  }
}

export function discoverServerActions(root = ROOT): ServerAction[] {
  const found: ServerAction[] = [];
  for (const abs of SOURCE_DIRS.flatMap((d) => (existsSync(path.join(root, d)) ? sourceFiles(path.join(root, d)) : []))) {
    const code = readFileSync(abs, 'utf8');
    if (!code.includes('use server')) continue;
    const file = path.relative(root, abs);
    const ast = parse(code, { sourceType: 'module', plugins: ['typescript', ...(abs.endsWith('x') ? (['jsx'] as const) : [])] });
    const program = ast.program;

    const bindings: Record<string, { module: string; path: string[] }> = {};
    for (const st of program.body) {
      if (t.isImportDeclaration(st) && st.importKind !== 'type') {
        for (const sp of st.specifiers) {
          if (t.isImportSpecifier(sp))
            bindings[sp.local.name] = {
              module: st.source.value,
              path: [t.isIdentifier(sp.imported) ? sp.imported.name : sp.imported.value],
            };
          else if (t.isImportNamespaceSpecifier(sp)) bindings[sp.local.name] = { module: st.source.value, path: [] };
          else bindings[sp.local.name] = { module: st.source.value, path: ['default'] };
        }
      }
      if (t.isVariableDeclaration(st)) {
        for (const d of st.declarations) {
          // const { a, b: c } = imported  |  = imported.member
          const [head, ...rest] = d.init ? source(d.init).split('.') : [''];
          const base = bindings[head];
          const from = base ? { module: base.module, path: [...base.path, ...rest] } : undefined;
          if (!from || !t.isObjectPattern(d.id)) continue;
          for (const prop of d.id.properties) {
            if (t.isObjectProperty(prop) && t.isIdentifier(prop.key) && t.isIdentifier(prop.value))
              bindings[prop.value.name] = { module: from.module, path: [...from.path, prop.key.name] };
          }
        }
      }
    }
    const before = found.length;
    if (hasUseServer(program.directives)) {
      const topLevel = new Map<string, t.Node | null | undefined>();
      for (const s of program.body) {
        if (t.isVariableDeclaration(s)) for (const d of s.declarations) if (t.isIdentifier(d.id)) topLevel.set(d.id.name, d.init);
        if (t.isExportNamedDeclaration(s) && t.isVariableDeclaration(s.declaration))
          for (const d of s.declaration.declarations) if (t.isIdentifier(d.id)) topLevel.set(d.id.name, d.init);
      }
      for (const s of program.body) {
        const line = s.loc?.start.line ?? 0;
        if (t.isExportNamedDeclaration(s)) {
          if (s.exportKind === 'type') continue;
          const d = s.declaration;
          if (t.isVariableDeclaration(d)) {
            for (const v of d.declarations)
              found.push({ file, name: t.isIdentifier(v.id) ? v.id.name : '?', kind: 'export', line, ...describeInit(v.init) });
          } else if (t.isFunctionDeclaration(d)) {
            found.push({ file, name: d.id?.name ?? '?', kind: 'export', line, wrapper: null, capability: null });
          } else if (d && (t.isTSTypeAliasDeclaration(d) || t.isTSInterfaceDeclaration(d))) {
            continue;
          }
          for (const spec of s.specifiers) {
            if (!t.isExportSpecifier(spec) || spec.exportKind === 'type') continue;
            const exported = t.isIdentifier(spec.exported) ? spec.exported.name : spec.exported.value;
            found.push({ file, name: exported, kind: 'export', line, ...describeInit(topLevel.get(spec.local.name)) });
          }
        } else if (t.isExportDefaultDeclaration(s)) {
          found.push({ file, name: 'default', kind: 'export', line, ...describeInit(s.declaration as t.Node) });
        } else if (t.isExportAllDeclaration(s)) {
          found.push({ file, name: '*', kind: 'export', line, wrapper: null, capability: null });
        }
      }
    }

    for (const a of found.slice(before)) a.bindings = bindings;
    walk(program, (n) => {
      if (t.isFunction(n) && t.isBlockStatement(n.body) && hasUseServer(n.body.directives)) {
        const line = n.loc?.start.line ?? 0;
        found.push({ file, name: `inline@${line}`, kind: 'inline', line, wrapper: null, capability: null });
      }
    });
  }
  return found;
}

const CAPABILITIES = new Set([...Object.keys(PARTNER_PERMISSIONS), ...Object.keys(CUSTOMER_PERMISSIONS)]);

/**
 * Actions that act before there is an org (or only on the caller's own session): sign-in,
 * accepting an invitation, and the sign-out page's inline action.
 */
export const PUBLIC_ACTIONS = new Set([
  'app/sign-in/actions.ts signInAction',
  'app/sign-in/actions.ts signInFormAction',
  'app/invite/[token]/actions.ts acceptInvitationAction',
  'app/sign-out/page.tsx inline',
]);
const key = (a: ServerAction) => `${a.file} ${a.kind === 'inline' ? 'inline' : a.name}`;

/** What is wrong with how a server action is built, or null. */
export function serverActionProblem(a: ServerAction): string | null {
  if (PUBLIC_ACTIONS.has(key(a))) return null;
  if (a.kind === 'inline') return 'an inline server action (declare it in an actions module with orgAction)';
  if (a.wrapper !== 'orgAction') return `not built with orgAction (${a.wrapper ?? 'a bare function'})`;
  if (!a.capability) return 'orgAction without a capability or declared use case';
  if ('literal' in a.capability && !CAPABILITIES.has(a.capability.literal)) return `unknown capability ${a.capability.literal}`;
  return null;
}

/**
 * The values a wrapper was called with (capability, schema, handler), loaded from the
 * modules they are imported from — so a test can run exactly what the action runs.
 */
export async function resolveWrapperArgs(a: ServerAction, root = ROOT): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const expr of a.args ?? []) {
    if (expr.startsWith('"')) {
      out.push(JSON.parse(expr));
      continue;
    }
    const [head, ...rest] = expr.split('.');
    const binding = a.bindings?.[head];
    if (expr === '?' || !binding) throw new Error(`${a.file} ${a.name}: can't resolve argument ${expr}`);
    const spec = binding.module.startsWith('@/')
      ? path.join(root, binding.module.slice(2))
      : path.resolve(path.dirname(path.join(root, a.file)), binding.module);
    const candidates = [`${spec}.ts`, `${spec}.tsx`, path.join(spec, 'index.ts')].filter((c) => existsSync(c));
    let v: unknown = await import(/* @vite-ignore */ candidates[0] ?? spec);
    for (const k of [...binding.path, ...rest]) v = (v as Record<string, unknown>)[k];
    out.push(v);
  }
  return out;
}
