/** Whether a file is an Excel workbook: the .xlsx extension, or a ZIP archive's first bytes. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export function isWorkbook(path: string): boolean {
  if (/\.xlsx$/i.test(path)) return true;
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      readSync(fd, head, 0, 4, 0);
      return head.toString('latin1') === 'PK\x03\x04';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
