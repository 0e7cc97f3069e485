import fs from 'node:fs';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';

/**
 * The embedded emulator records, inside itself, which data folder it keeps. A second copy of Action Tracker
 * (another checkout, or the same one with another DATA_DIR) finding the port taken can then tell whether the
 * emulator there holds its own data, rather than quietly using someone else's register.
 */
const TABLE = 'ActionTrackerEmulator';
const KEY = { partitionKey: 'emulator', rowKey: 'folder' };

const client = (connectionString: string) =>
  TableClient.fromConnectionString(connectionString, TABLE, {
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });

/** The folder as the file system names it, so a symbolic link or `..` does not look like another folder. */
export function canonicalFolder(folder: string): string {
  const absolute = path.resolve(folder);
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** Written by the process that started the emulator over `folder`. */
export async function recordEmulatorFolder(connectionString: string, folder: string): Promise<void> {
  const table = client(connectionString);
  await table.createTable();
  await table.upsertEntity({ ...KEY, folder: canonicalFolder(folder) }, 'Replace');
}

/** The folder the emulator at `connectionString` keeps, or null when it does not say (not ours, or not an emulator). */
export async function emulatorFolder(connectionString: string, timeoutMs = 5000): Promise<string | null> {
  try {
    const entity = await client(connectionString).getEntity<{ folder?: unknown }>(KEY.partitionKey, KEY.rowKey, {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return typeof entity.folder === 'string' ? entity.folder : null;
  } catch {
    return null;
  }
}

/** The emulator's port is held by something that does not keep this copy's data: said in plain English. */
export class EmulatorPortTakenError extends Error {
  constructor(port: number, folder: string, theirs: string | null) {
    super(portTakenMessage(port, folder, theirs));
    this.name = 'EmulatorPortTakenError';
  }
}

function portTakenMessage(port: number, folder: string, theirs: string | null): string {
  const who = theirs
    ? `another copy of Action Tracker, whose data is in ${theirs}`
    : 'another program (not the storage emulator that keeps this folder)';
  return (
    `Port ${port}, where the storage emulator for ${canonicalFolder(folder)} would listen, is already used by ${who}. ` +
    `To run this copy alongside it, give it an emulator port of its own, for example AZURITE_PORT=${port + 10} npm start ` +
    `(with its own PORT and PLAYGROUND_PORT too, and the same AZURITE_PORT for npx action-tracker in this folder); ` +
    `or stop the other copy first.`
  );
}
