// The first rows of a Parquet sample, read in the browser (hyparquet: no upload, no WebAssembly): its column names and
// its values as text, as parseCsv gives them, so that the same inference proposes names, types and tags.
import { decompress } from 'fzstd';
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type Compressors } from 'hyparquet';

/** Codecs beyond hyparquet's own (snappy, uncompressed): ZSTD, which DuckDB writes by default, in pure JS. */
const COMPRESSORS: Compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) => decompress(input, new Uint8Array(outputLength)),
};

/** A File as hyparquet reads it: only the byte ranges it asks for (the footer, then the first row group's pages). */
function fileBuffer(file: Blob): AsyncBuffer {
  return { byteLength: file.size, slice: (start: number, end?: number) => file.slice(start, end).arrayBuffer() };
}

/** A value as a CSV cell would hold it: dates as ISO dates, timestamps as ISO instants, null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** The header and up to {@code limit} rows of a Parquet file; an empty header when it is not Parquet. */
export async function readParquetSample(file: Blob, limit: number): Promise<{ header: string[]; rows: string[][] }> {
  const buffer = fileBuffer(file);
  const metadata = await parquetMetadataAsync(buffer);
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  // A codec not read here still gives the column names (their values then infer nothing)
  const objects = await parquetReadObjects({
    file: buffer,
    metadata,
    compressors: COMPRESSORS,
    rowStart: 0,
    rowEnd: Math.min(limit, Number(metadata.num_rows)),
  }).catch(() => [] as Record<string, unknown>[]);
  return { header, rows: objects.map((row) => header.map((name) => cellText(row[name]))) };
}
