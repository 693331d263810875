import { NODE_VERIFY_EXAMPLE } from '@/lib/webhooks/verification-example';
import { at, entriesAt, textAt, type JsonObject } from './json-walk';

/** SPEC §8.4 on the docs page: delivery rules, signature check, and each event from the document's `webhooks`. */
export function WebhooksSection({ doc }: { doc: JsonObject }) {
  const events = entriesAt(doc, 'webhooks');
  return (
    <section aria-labelledby="webhooks" className="mt-8">
      <h2 id="webhooks" className="text-xl font-semibold">
        Webhooks
      </h2>
      <ul className="mt-2 list-disc pl-6 text-sm text-slate-700">
        <li>
          Add endpoints in Settings → Webhooks (partner full admins): an HTTPS URL, the events, and <em>Include indirect providers</em> to
          also get your sub-partners’ customers’ events. The <em>Signing secret</em> (<code>whsec_…</code>) is shown once.
        </li>
        <li>
          Each event is a JSON POST <code>{'{ type, timestamp, data }'}</code>; <code>data</code> has the same fields as the API’s GET of
          that resource (<code>customer.status_changed</code> adds <code>previousStatus</code>).
        </li>
        <li>
          Sent after the change commits; any non-2xx answer or no answer within 10 s is retried with exponential backoff and jitter for 24
          hours. An endpoint failing for 24 hours straight is disabled and your full admins are e-mailed.
        </li>
        <li>
          <strong>At least once, in no particular order.</strong> Retries and Redeliver repeat the same <code>webhook-id</code>:
          de-duplicate on it. Order by <code>data.lastStatusChange</code>, or re-read the resource, rather than by arrival.
        </li>
        <li>
          Signatures follow Standard Webhooks: <code>webhook-signature: v1,&lt;base64 HMAC-SHA256 of “id.timestamp.body”&gt;</code>, keyed
          with the base64-decoded secret after <code>whsec_</code>. After <strong>Rotate secret</strong> both the new and the old secret
          sign for 24 hours (two space-separated signatures).
        </li>
      </ul>
      <h3 className="mt-4 text-sm font-semibold">Verifying a delivery (Node.js)</h3>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="webhook-verify-example">
        {NODE_VERIFY_EXAMPLE}
      </pre>
      {events.map(([type, item]) => {
        const content = at(item, 'post', 'requestBody', 'content', 'application/json');
        return (
          <article
            key={type}
            id={`webhook-${type}`}
            aria-labelledby={`webhook-${type}-title`}
            className="mt-6 rounded-lg border border-slate-200 p-4"
          >
            <h3 id={`webhook-${type}-title`} className="font-mono text-sm font-semibold">
              {type} <span className="font-sans font-normal">— {textAt(item, 'post', 'summary')}</span>
            </h3>
            <h4 className="mt-3 text-sm font-semibold">Example payload</h4>
            <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
              {JSON.stringify(at(content, 'example'), null, 2)}
            </pre>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">Payload schema</summary>
              <pre className="mt-1 overflow-x-auto rounded-md bg-slate-50 p-3 text-xs">
                {JSON.stringify(at(content, 'schema'), null, 2)}
              </pre>
            </details>
          </article>
        );
      })}
    </section>
  );
}
