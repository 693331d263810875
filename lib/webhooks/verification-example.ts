// The Node.js signature check shown on /docs/api and in the README. Kept as text in one
// place and executed by tests/unit/webhook-verification-example.test.ts against real
// signatures, so the published example is known to work.
export const NODE_VERIFY_EXAMPLE = `const crypto = require('node:crypto');

// secret: the whsec_… shown once in Settings → Webhooks.
// headers: the request headers; body: the raw request body as a string (verify before parsing).
function verifyWebhook(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) throw new Error('Timestamp too far from now');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = crypto.createHmac('sha256', key).update(\`\${id}.\${timestamp}.\${body}\`).digest();
  // Several signatures while a rotated secret overlaps: any one that matches will do.
  const ok = String(headers['webhook-signature']).split(' ').some((part) => {
    const [version, signature] = part.split(',');
    const got = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && got.length === expected.length && crypto.timingSafeEqual(got, expected);
  });
  if (!ok) throw new Error('Invalid signature');
  return JSON.parse(body); // { type, timestamp, data }
}

// Express: keep the raw body, answer 2xx fast, skip webhook-ids you have already handled.
// app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
//   const event = verifyWebhook(process.env.WEBHOOK_SECRET, req.headers, req.body.toString('utf8'));
//   if (!alreadyHandled(req.headers['webhook-id'])) queueForProcessing(event);
//   res.sendStatus(204);
// });`;
