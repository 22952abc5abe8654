/**
 * Writing files that other processes may read at the same moment (the fact base a
 * runtime watches, the dictionaries and saved index several processes share).
 */
import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `file` atomically: a temp file in the same directory, then a rename, so no reader sees half a file. */
export function writeFileAtomic(file: string, data: string): void {
  // Unique across processes and machines sharing a volume: the same pid on two hosts must not collide.
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
