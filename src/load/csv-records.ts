/**
 * A small RFC 4180 reader for CSV that dostplan itself writes (data folders): quoted fields with
 * doubled quotes, commas and newlines inside quotes, CRLF or LF. About ten times faster than a
 * general-purpose parser on the embedded points, which every default run reads.
 */
export function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`unclosed quote starting at offset ${i}`);
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = value;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === 44) i++;
    else {
      // End of a record (LF, CRLF or the end of the text); blank lines are skipped.
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Records keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}
