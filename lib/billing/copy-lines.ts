// A one-text-column query's rows as raw bytes, through `COPY (…) TO STDOUT (FORMAT binary)`.
// The bench measured the cursor path spending its time in JS — a string per row decoded
// from UTF-8, concatenated, encoded back to bytes — not in PostgreSQL. COPY's binary
// format carries each value's bytes verbatim behind a length (the text format would
// escape the CR LF and any backslash in them), so the lines go to the chunks untouched.
import type { Sql } from 'postgres';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8; // + int32 flags + int32 header-extension length

/**
 * Splits COPY binary output into the bytes of its single column, row after row. Pieces
 * may end anywhere (mid-row, mid-length); what is left over waits for the next piece.
 */
export class CopyBinaryLines {
  rows = 0;
  ended = false;
  private rest: Buffer | null = null;
  private headerDone = false;

  /** The complete values in `piece` (plus what was left over), concatenated. */
  push(piece: Buffer): Buffer {
    const buf = this.rest ? Buffer.concat([this.rest, piece]) : piece;
    let pos = 0;
    if (!this.headerDone) {
      if (buf.length < HEADER) return this.keep(buf, 0, []);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('COPY output is not in binary format');
      const extension = buf.readUInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER + extension) return this.keep(buf, 0, []);
      pos = HEADER + extension;
      this.headerDone = true;
    }
    const out: Buffer[] = [];
    while (!this.ended && buf.length - pos >= 2) {
      const fields = buf.readInt16BE(pos);
      if (fields === -1) {
        this.ended = true;
        pos += 2;
        break;
      }
      if (fields !== 1) throw new Error(`COPY row has ${fields} columns; expected one`);
      if (buf.length - pos < 6) break;
      const len = buf.readInt32BE(pos + 2);
      if (len < 0) throw new Error('COPY row holds NULL where a CSV line was expected');
      if (buf.length - pos - 6 < len) break;
      out.push(buf.subarray(pos + 6, pos + 6 + len));
      pos += 6 + len;
      this.rows += 1;
    }
    return this.keep(buf, pos, out);
  }

  private keep(buf: Buffer, pos: number, out: Buffer[]): Buffer {
    // A copy: the remainder is under one row, and the piece it came from can be freed.
    this.rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    const [only] = out;
    return out.length === 1 && only ? only : Buffer.concat(out);
  }

  /** After the stream ended: anything but a clean trailer means the output was cut short. */
  finish(): void {
    if (!this.ended || this.rest) throw new Error('COPY output ended before its trailer');
  }
}

/** How much line text is collected before handing it on (COPY sends one message per row). */
const HANDOFF_BYTES = 256 * 1024;

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` and hands the line bytes to `sink` in
 * pieces of about 256 kB, pausing the stream (and so the socket) while the sink works:
 * memory stays bounded whatever the result's size. If the sink fails, the COPY is
 * cancelled on the server and the sink's error is thrown. `query` must be complete SQL
 * (COPY takes no parameters): see inlineQuery.
 */
export async function copyLines(conn: Sql, query: string, sink: (bytes: Buffer) => Promise<void>): Promise<number> {
  const q = conn.unsafe(`copy (${query}) to stdout (format binary)`);
  const stream = await q.readable();
  const parser = new CopyBinaryLines();
  let parts: Buffer[] = [];
  let size = 0;
  let sinkError: unknown = null;
  const handOff = async () => {
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    await sink(bytes);
  };
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (piece: Buffer) => {
      if (sinkError) return;
      let bytes: Buffer;
      try {
        bytes = parser.push(piece);
      } catch (err) {
        sinkError = err;
        q.cancel();
        return;
      }
      if (bytes.length) {
        parts.push(bytes);
        size += bytes.length;
      }
      if (size < HANDOFF_BYTES) return;
      stream.pause();
      handOff()
        .catch((err: unknown) => {
          sinkError = err;
          q.cancel();
        })
        .finally(() => stream.resume());
    });
    stream.on('end', resolve);
    stream.on('error', reject);
  }).catch((err) => {
    if (!sinkError) throw err;
  });
  if (sinkError) throw sinkError;
  parser.finish();
  if (size) await handOff();
  return parser.rows;
}
