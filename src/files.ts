/**
 * Writing files that other processes may read at the same moment (the fact base a
 * runtime watches, the dictionaries and saved index several processes share).
 */
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `file` atomically: a temp file in the same directory, then a rename, so no reader sees half a file. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
