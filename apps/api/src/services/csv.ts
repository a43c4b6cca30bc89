/** CSV cells for spreadsheets: quoted, and never starting like a formula (=, +, -, @, tab, CR). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/**
 * A CSV download read a page at a time: the header, then `page(cursor)` until it comes back empty.
 * The cursor is taken from each page's last row, so memory stays flat however many rows there are.
 */
export function csvStream<R, C>(options: { prefix?: string; header: readonly unknown[]; page: (after: C | undefined) => Promise<R[]>; cursor: (last: R) => C; cells: (row: R) => readonly unknown[] }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: C | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${options.prefix ?? ""}${csvRow(options.header)}`));
        return;
      }
      const rows = await options.page(after);
      if (rows.length === 0) return controller.close();
      after = options.cursor(rows[rows.length - 1]!);
      controller.enqueue(encoder.encode(rows.map((r) => csvRow(options.cells(r))).join("")));
    },
  });
}
