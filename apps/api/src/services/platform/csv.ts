/**
 * CSV cells for spreadsheets: quoted, and text people typed never starts like a formula (=, +, -,
 * @, tab, CR): a ' is put in front. A `literal` cell is left as it is: emails and ZIP codes pass
 * validation that admits no formula (an email like -2+3@example.org cannot call anything, and a '
 * would corrupt it on re-import).
 */
export function csvCell(value: unknown, literal = false): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (!literal && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; the columns whose index is in `literal` are never neutralized. */
export function csvRow(values: readonly unknown[], literal: ReadonlySet<number> = new Set()): string {
  return values.map((v, i) => csvCell(v, literal.has(i))).join(",") + "\r\n";
}

/** The byte order mark that makes spreadsheet programs read a CSV as UTF-8 (names with accents). */
export const UTF8_BOM = "\uFEFF";

/**
 * A CSV download read a page at a time: a UTF-8 byte order mark and the header, then `page(cursor)`
 * until it comes back empty. The cursor is taken from each page's last row, so memory stays flat
 * however many rows there are. `literal` names the header's columns never neutralized (see csvCell).
 */
export function csvStream<R, C>(options: {
  header: readonly string[];
  literal?: readonly string[];
  page: (after: C | undefined) => Promise<R[]>;
  cursor: (last: R) => C;
  cells: (row: R) => readonly unknown[];
  /** Rows to write (default: all); the cursor still moves past the others. */
  keep?: (row: R) => boolean;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const literal = new Set((options.literal ?? []).map((name) => options.header.indexOf(name)).filter((i) => i >= 0));
  let after: C | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${UTF8_BOM}${csvRow(options.header)}`));
        return;
      }
      const rows = await options.page(after);
      if (rows.length === 0) return controller.close();
      after = options.cursor(rows[rows.length - 1]!);
      const kept = options.keep ? rows.filter(options.keep) : rows;
      controller.enqueue(encoder.encode(kept.map((r) => csvRow(options.cells(r), literal)).join("")));
    },
  });
}
