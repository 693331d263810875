import type { Metadata } from 'next';
import { openApiDocument } from '@/lib/api/openapi';
import { arrayAt, at, entriesAt, textAt } from './json-walk';
import { WebhooksSection } from './webhooks-section';

// Server-rendered from the same generated document as /api/openapi.json: no client JS.
export const metadata: Metadata = { title: 'Wholesale API' };
export const dynamic = 'force-static';

const METHOD_TONE: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  put: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

function Code({ value }: { value: unknown }) {
  return <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(value, null, 2)}</pre>;
}

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const ops = entriesAt(doc, 'paths').flatMap(([path, methods]) => entriesAt(methods).map(([method, op]) => ({ path, method, op })));
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <h1 className="text-3xl font-semibold">{textAt(doc, 'info', 'title')}</h1>
      <p className="mt-2 text-slate-700">{textAt(doc, 'info', 'description')}</p>
      <p className="mt-2 text-sm">
        {/* oxlint-disable-next-line next/no-html-link-for-pages -- a JSON document, not a page */}
        <a className="text-brand-700 underline" href="/api/openapi.json">
          OpenAPI 3.1 document (JSON)
        </a>
      </p>

      <section aria-labelledby="conventions" className="mt-8">
        <h2 id="conventions" className="text-xl font-semibold">
          Conventions
        </h2>
        <ul className="mt-2 list-disc pl-6 text-sm text-slate-700">
          <li>
            <code>Authorization: Bearer phk_…</code> — create tokens in Settings → API tokens. Revoked or expired tokens get 401; a call
            outside the token’s scopes gets 403 naming the scope.
          </li>
          <li>
            Rate limit per token (token bucket): every response carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>,{' '}
            <code>RateLimit-Reset</code>; over it, 429 with <code>Retry-After</code>.
          </li>
          <li>
            <code>Idempotency-Key</code> on POST/PUT/DELETE (≤ 255 chars): a retry with the same body gets the stored response with{' '}
            <code>Idempotent-Replayed: true</code>; another body → 422; still running → 409.
          </li>
          <li>
            Lists: <code>offset</code>, <code>max</code> (default 100, at most 100), body <code>{'{ items }'}</code>, and an RFC 8288{' '}
            <code>Link</code> header with <code>rel=&quot;next&quot;</code>/<code>rel=&quot;prev&quot;</code>.
          </li>
          <li>
            Every response has a <code>TrackingID</code> header; error bodies repeat it as <code>trackingId</code>. Unknown body fields →
            400, bodies over 1 MB → 413, non-JSON bodies → 415.
          </li>
        </ul>
      </section>

      <section aria-labelledby="operations" className="mt-8">
        <h2 id="operations" className="text-xl font-semibold">
          Operations
        </h2>
        {ops.map(({ path, method, op }) => {
          const operationId = textAt(op, 'operationId');
          const description = textAt(op, 'description');
          const errorCodes = arrayAt(op, 'x-error-codes');
          return (
            <article
              key={`${method} ${path}`}
              id={operationId}
              aria-labelledby={`${operationId}-title`}
              className="mt-6 rounded-lg border border-slate-200 p-4"
            >
              <h3 id={`${operationId}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
                <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_TONE[method]}`}>{method}</span>
                <span>{path}</span>
                <span className="font-sans text-base font-semibold">— {textAt(op, 'summary')}</span>
              </h3>
              {description && <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{description}</p>}
              <h4 className="mt-3 text-sm font-semibold">Parameters</h4>
              <table className="mt-1 w-full text-left text-sm">
                <thead>
                  <tr className="text-slate-500">
                    <th className="py-1 pr-4 font-medium">Name</th>
                    <th className="py-1 pr-4 font-medium">In</th>
                    <th className="py-1 font-medium">Schema</th>
                  </tr>
                </thead>
                <tbody>
                  {arrayAt(op, 'parameters').map((p) => (
                    <tr key={`${textAt(p, 'in')}-${textAt(p, 'name')}`} className="border-t border-slate-100">
                      <td className="py-1 pr-4 font-mono text-xs">
                        {textAt(p, 'name')}
                        {at(p, 'required') === true ? ' *' : ''}
                      </td>
                      <td className="py-1 pr-4">{textAt(p, 'in')}</td>
                      <td className="py-1 font-mono text-xs">{JSON.stringify(at(p, 'schema'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {at(op, 'requestBody') !== undefined && (
                <>
                  <h4 className="mt-3 text-sm font-semibold">Example request</h4>
                  <Code value={at(op, 'requestBody', 'content', 'application/json', 'example')} />
                </>
              )}
              <h4 className="mt-3 text-sm font-semibold">Responses</h4>
              <ul className="mt-1 text-sm">
                {entriesAt(op, 'responses').map(([status, r]) => (
                  <li key={status}>
                    <code>{status}</code> {textAt(r, 'description')}
                  </li>
                ))}
              </ul>
              {entriesAt(op, 'responses')
                .filter(([s]) => s.startsWith('2'))
                .map(
                  ([s, r]) =>
                    at(r, 'content') !== undefined && (
                      <div key={s}>
                        <h4 className="mt-3 text-sm font-semibold">Example response ({s})</h4>
                        <Code value={at(r, 'content', 'application/json', 'example')} />
                      </div>
                    ),
                )}
              {errorCodes.length > 0 && <p className="mt-2 text-sm text-slate-700">Error codes: {errorCodes.join(', ')}</p>}
            </article>
          );
        })}
      </section>

      <WebhooksSection doc={doc} />

      <section aria-labelledby="error-codes" className="mt-8">
        <h2 id="error-codes" className="text-xl font-semibold">
          Error codes
        </h2>
        <table className="mt-2 w-full text-left text-sm" data-testid="error-codes">
          <thead>
            <tr className="text-slate-500">
              <th className="py-1 pr-4 font-medium">errorCode</th>
              <th className="py-1 font-medium">Rule</th>
            </tr>
          </thead>
          <tbody>
            {arrayAt(doc, 'x-info-codes').map((c) => (
              <tr key={`i${textAt(c, 'infoCode')}`} className="border-t border-slate-100">
                <td className="py-1 pr-4 font-mono">infoCode {textAt(c, 'infoCode')}</td>
                <td className="py-1">{textAt(c, 'description')}</td>
              </tr>
            ))}
            {arrayAt(doc, 'x-error-codes').map((c) => (
              <tr key={textAt(c, 'errorCode')} className="border-t border-slate-100">
                <td className="py-1 pr-4 font-mono">{textAt(c, 'errorCode')}</td>
                <td className="py-1">{textAt(c, 'description')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
