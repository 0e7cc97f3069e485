import fs from 'node:fs';
import path from 'node:path';

/**
 * The Teams app manifest template and the commands it shows users. Kept free
 * of heavy imports so that any test can read the command list, for example to
 * check that the chat parser understands every command the manifest offers.
 */

/** The folder holding package.json and manifest/, from the source tree or the compiled one. */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'manifest', 'manifest.json'))) {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find manifest/manifest.json above ${start}`);
  }
}

export function readManifestTemplate(root: string = findRepoRoot()): string {
  return fs.readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8');
}

interface BotEntry {
  botId?: string;
  commandLists?: { scopes?: string[]; commands?: { title?: string; description?: string }[] }[];
}

export interface ManifestCommand {
  title: string;
  description: string;
  scopes: string[];
}

/** Every command in every command list of every bot in a manifest (template or filled). */
export function manifestCommands(manifest: unknown): ManifestCommand[] {
  const bots = (manifest as { bots?: BotEntry[] }).bots ?? [];
  return bots.flatMap((bot) =>
    (bot.commandLists ?? []).flatMap((list) =>
      (list.commands ?? []).map((c) => ({
        title: c.title ?? '',
        description: c.description ?? '',
        scopes: list.scopes ?? [],
      })),
    ),
  );
}

/**
 * The distinct command titles the manifest shows users, such as "my actions"
 * and "show SG-4". Each must be understood by the chat command parser.
 */
export const MANIFEST_COMMAND_TITLES: readonly string[] = Object.freeze([
  ...new Set(manifestCommands(JSON.parse(readManifestTemplate())).map((c) => c.title)),
]);
