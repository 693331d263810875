// Every server action the production build emits (its server-reference manifest, written
// by `next build` before these tests start the app) is one the source check found and
// approved: built with orgAction and a capability, or a listed public action. An action
// the parser missed — whatever its form — fails here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { discoverServerActions, serverActionProblem } from '../tests/support/server-actions';

const MANIFEST = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers?: Record<string, { filename?: string; exportedName?: string }>;
}

test('every server action in the build is found in the sources and built with a capability', () => {
  expect(existsSync(MANIFEST), 'the build wrote its server-reference manifest').toBe(true);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
    node?: Record<string, ManifestEntry>;
    edge?: Record<string, ManifestEntry>;
  };
  const entries = Object.entries({ ...manifest.node, ...manifest.edge });
  expect(entries.length).toBeGreaterThan(10);
  const discovered = discoverServerActions();
  const failures: string[] = [];
  for (const [id, entry] of entries) {
    const worker = Object.values(entry.workers ?? {})[0];
    const file = (entry.filename ?? worker?.filename ?? '').replace(/^\.\//, '');
    const name = entry.exportedName ?? worker?.exportedName ?? '';
    // Inline actions are emitted under generated names ($$RSC_SERVER_ACTION_n) in their page's file.
    const inline = name.startsWith('$$RSC_SERVER_ACTION');
    const match = discovered.find((a) => a.file === file && (inline ? a.kind === 'inline' : a.name === name));
    if (!match) failures.push(`${id.slice(0, 8)} ${file} ${name}: not found by the source check`);
    else if (serverActionProblem(match)) failures.push(`${file} ${name}: ${serverActionProblem(match)}`);
  }
  expect(failures).toEqual([]);
});
