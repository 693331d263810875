import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { billingReportChunks } from '@/db/schema';
import type { ChunkEncoding } from './chunk-writer';

const gunzipAsync = promisify(gunzip);

/**
 * The stored CSV as a byte stream, one query per chunk as the reader pulls: at most
 * about one chunk is in memory, however large the report. A chunk missing half-way
 * (the report was deleted meanwhile) errors the stream rather than ending it short.
 * Gzip chunks are decompressed one at a time as they are read (on the thread pool), so
 * the client gets the CSV itself and memory stays at about one chunk either way.
 */
export function streamReportChunks(
  db: DbOrTx,
  reportId: string,
  chunkCount: number,
  encoding: ChunkEncoding = 'identity',
): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= chunkCount) {
          controller.close();
          return;
        }
        const [chunk] = await db
          .select({ data: billingReportChunks.data })
          .from(billingReportChunks)
          .where(and(eq(billingReportChunks.reportId, reportId), eq(billingReportChunks.seq, seq)));
        if (!chunk) {
          controller.error(new Error(`Billing report ${reportId} lost chunk ${seq} during download (deleted?)`));
          return;
        }
        seq += 1;
        const data = encoding === 'gzip' ? await gunzipAsync(chunk.data) : chunk.data;
        controller.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      },
    },
    { highWaterMark: 1 },
  );
}
