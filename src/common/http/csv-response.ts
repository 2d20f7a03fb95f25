import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { once } from 'node:events';

/** A CSV cell: text, a count, or empty. Amounts arrive already formatted as decimal strings. */
export type CsvCell = string | number | null;

/**
 * The one CSV dialect of the API: RFC 4180 quoting, UTF-8, comma-separated, a header row, LF
 * line ends (as PostgreSQL's COPY writes them, which the biggest export streams as is), amounts
 * with a decimal point. Spreadsheets and CSV parsers read it without settings.
 */
function csvText(rows: CsvCell[][]): string {
  return stringify(rows);
}

function startCsv(response: Response, fileName: string, header: readonly string[]): void {
  response.status(200).type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.write(csvText([[...header]]));
}

/** Sends a small report, built in memory, as one CSV file. */
export function sendCsv(
  response: Response,
  fileName: string,
  header: readonly string[],
  rows: CsvCell[][],
): void {
  startCsv(response, fileName, header);
  response.end(csvText(rows));
}

/**
 * Streams a CSV file of any length: `produce` hands over rows in batches, each written in one
 * go and waited on until the socket drains (backpressure), so memory stays flat however many
 * rows there are. Nothing is sent before the first batch (or the end), so a problem found
 * before any row is still answered as a problem.
 */
export function streamCsv(
  response: Response,
  fileName: string,
  header: readonly string[],
  produce: (write: (rows: CsvCell[][]) => Promise<void>) => Promise<void>,
): Promise<void> {
  return streamCsvText(response, fileName, header, (write) =>
    produce((rows) => (rows.length > 0 ? write(csvText(rows)) : Promise.resolve())),
  );
}

/**
 * As streamCsv, for CSV text made elsewhere (PostgreSQL's COPY): `produce` writes it as it
 * comes, chunk by chunk, under the same header, backpressure and error handling.
 */
export async function streamCsvText(
  response: Response,
  fileName: string,
  header: readonly string[],
  produce: (write: (chunk: string | Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  let started = false;
  const start = () => {
    if (!started) startCsv(response, fileName, header);
    started = true;
  };
  try {
    await produce(async (chunk) => {
      start();
      if (!response.write(chunk)) await once(response, 'drain');
    });
    start();
    response.end();
  } catch (error) {
    if (!started) throw error;
    // Once rows are on the wire no problem body can follow: cut the connection so the client
    // sees a failed download, never a silently short file.
    response.destroy(error as Error);
  }
}
