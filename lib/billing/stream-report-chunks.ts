import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { billingReportChunks } from '@/db/schema';

/**
 * The stored CSV as a byte stream, one query per chunk as the reader pulls: at most
 * about one chunk is in memory, however large the report. A chunk missing half-way
 * (the report was deleted meanwhile) errors the stream rather than ending it short.
 */
export function streamReportChunks(db: DbOrTx, reportId: string, chunkCount: number): ReadableStream<Uint8Array> {
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
        controller.enqueue(new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength));
      },
    },
    { highWaterMark: 1 },
  );
}
