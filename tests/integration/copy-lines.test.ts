// COPY … TO STDOUT (FORMAT binary) on the real server: the bytes of each line arrive
// untouched however the stream is cut, and a failing consumer cancels the COPY cleanly.
import { describe, expect, it } from 'vitest';
import { copyLines, CopyBinaryLines } from '@/lib/billing/copy-lines';
import { freshDb } from './support/test-db';

const db = await freshDb();
// Lines with everything COPY's text format would escape: CR LF, tab, backslash, quotes, non-ASCII.
const LINES = `select 'row ' || i || E',\\t"q\\\\", ' || repeat('é', i % 7) || chr(13) || chr(10) as line from generate_series(1, 3000) i order by i`;

async function expected(): Promise<Buffer> {
  const rows = await db.$client.unsafe<{ line: string }[]>(LINES);
  return Buffer.from(rows.map((r) => r.line).join(''), 'utf8');
}

describe('copyLines', () => {
  it('hands over exactly the lines a plain select returns, in order, and counts them', async () => {
    const conn = await db.$client.reserve();
    try {
      const got: Buffer[] = [];
      const rows = await copyLines(conn, LINES, async (b) => {
        got.push(b);
      });
      expect(rows).toBe(3000);
      expect(Buffer.concat(got).equals(await expected())).toBe(true);
    } finally {
      conn.release();
    }
  });

  it('the parser reassembles rows cut at any byte (header, lengths and values split)', async () => {
    const conn = await db.$client.reserve();
    let raw: Buffer;
    try {
      const stream = await conn.unsafe(`copy (${LINES}) to stdout (format binary)`).readable();
      const pieces: Buffer[] = [];
      // Flowing mode, as copyLines reads it (an async iterator left postgres.js's socket paused).
      await new Promise((resolve, reject) =>
        stream
          .on('data', (p: Buffer) => pieces.push(p))
          .on('end', resolve)
          .on('error', reject),
      );
      raw = Buffer.concat(pieces);
    } finally {
      conn.release();
    }
    for (const size of [1, 3, 7, 1000]) {
      const parser = new CopyBinaryLines();
      const out: Buffer[] = [];
      for (let i = 0; i < raw.length; i += size) out.push(parser.push(raw.subarray(i, i + size)));
      parser.finish();
      expect(parser.rows).toBe(3000);
      expect(Buffer.concat(out).equals(await expected())).toBe(true);
    }
    const cut = new CopyBinaryLines();
    cut.push(raw.subarray(0, raw.length - 10));
    expect(() => cut.finish()).toThrow(/ended before its trailer/);
  });

  it('a consumer that fails cancels the COPY: its error is thrown and the connection works on', async () => {
    const conn = await db.$client.reserve();
    try {
      const big = `select repeat('x', 200) || i as line from generate_series(1, 300000) i`;
      let calls = 0;
      await expect(
        copyLines(conn, big, async () => {
          calls += 1;
          throw new Error('storage refused the chunk');
        }),
      ).rejects.toThrow('storage refused the chunk');
      expect(calls).toBe(1);
      const [{ ok }] = await conn<{ ok: number }[]>`select 1 as ok`;
      expect(ok).toBe(1);
    } finally {
      conn.release();
    }
  });
});
