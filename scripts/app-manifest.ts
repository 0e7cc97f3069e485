import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { decodePng } from './png';
import { ACCENT_COLOR, COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';
import { findRepoRoot, manifestCommands, readManifestTemplate } from './manifest-template';

export { findRepoRoot, manifestCommands, readManifestTemplate, MANIFEST_COMMAND_TITLES } from './manifest-template';
export type { ManifestCommand } from './manifest-template';

/**
 * Everything about the Teams app package: the manifest template in
 * `manifest/manifest.json`, filling in its ids, checking it offline against
 * the official schema (bundled by `@microsoft/app-manifest`) and Teams' own
 * rules, and zipping it with the icons.
 */

/** Fixed ids for a development package (`--local`); never use them for a real deployment. */
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a001';
export const LOCAL_BOT_ID = '00000000-0000-4000-8000-00000000b001';

/** The files in the package, all at the root of the zip. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** Limits Teams enforces beyond the JSON schema. */
export const COMMAND_TITLE_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 128;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** A fixed time stamp for the zip entries, so the same inputs give the same zip. */
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

export class AppPackageError extends Error {
  constructor(
    readonly problems: string[],
    heading = 'Cannot build the Teams app package',
    footer?: string,
  ) {
    super(`${heading}:\n${numbered(problems)}${footer ? `\n${footer}` : ''}`);
    this.name = 'AppPackageError';
  }
}

export function numbered(problems: string[]): string {
  return problems.map((p, i) => `  ${i + 1}. ${p}`).join('\n');
}

export interface PackageValues {
  TEAMS_APP_ID: string;
  BOT_ID: string;
  /** Null only for a local package: then `validDomains` is left empty. */
  BOT_DOMAIN: string | null;
  /** The Entra app registration the tab signs people in with (`webApplicationInfo.id`). */
  TAB_APP_ID: string;
  APP_VERSION: string;
}

/** What the tab needs from the manifest; left out of a package with no domain to serve it from. */
const TAB_KEYS = ['staticTabs', 'configurableTabs', 'webApplicationInfo', 'authorization'] as const;

/**
 * The values for the template's `${{...}}` placeholders, from the environment.
 * Outside `--local`, missing ids are an error; with `--local`, fixed dev ids
 * stand in for any that are not set.
 */
export function packageValues(env: NodeJS.ProcessEnv, options: { local?: boolean; root?: string } = {}): PackageValues {
  const local = options.local ?? false;
  const get = (key: string) => (env[key] ?? '').trim() || null;
  const problems: string[] = [];

  const teamsAppId = get('TEAMS_APP_ID') ?? (local ? LOCAL_TEAMS_APP_ID : null);
  if (!teamsAppId) {
    problems.push(
      `TEAMS_APP_ID is not set: it is the Teams app's own id, a GUID you create once and keep for every version of the app.`,
    );
  } else if (!GUID.test(teamsAppId)) {
    problems.push(`TEAMS_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${teamsAppId}".`);
  }

  const botId = get('MicrosoftAppId') ?? (local ? LOCAL_BOT_ID : null);
  if (!botId) {
    problems.push(
      `MicrosoftAppId is not set: it is the bot's id (the Entra app's client id, or the managed identity's client id).`,
    );
  } else if (!GUID.test(botId)) {
    problems.push(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${botId}".`);
  }

  // A managed identity cannot expose an API, so the tab's sign-in then needs an app registration of its own.
  const tabAppId = get('TAB_APP_ID') ?? botId;
  if (!get('TAB_APP_ID') && !local && get('MicrosoftAppType')?.toLowerCase() === 'userassignedmsi') {
    problems.push(
      'TAB_APP_ID is not set: with MicrosoftAppType=UserAssignedMSI the tab signs people in with an app registration of its own (docs/deploy.md, "Sign-in for the tab").',
    );
  } else if (tabAppId && !GUID.test(tabAppId)) {
    problems.push(`TAB_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${tabAppId}".`);
  }

  const botDomain = get('BOT_DOMAIN');
  if (!botDomain && !local) {
    problems.push(`BOT_DOMAIN is not set: it is the bot's host name, such as action-tracker.azurewebsites.net.`);
  } else if (botDomain && !HOST_NAME.test(botDomain)) {
    problems.push(
      `BOT_DOMAIN must be a host name only, such as action-tracker.azurewebsites.net (no https://, no path), not "${botDomain}".`,
    );
  }

  let version = get('APP_VERSION');
  if (!version) {
    const pkg = JSON.parse(fs.readFileSync(path.join(options.root ?? findRepoRoot(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    version = pkg.version ?? '1.0.0';
  }
  if (!SEMVER.test(version)) {
    problems.push(`APP_VERSION must look like 1.2.3, not "${version}".`);
  }

  if (problems.length > 0) {
    const footer = local ? undefined : 'For a development package with fixed ids, run `npm run package -- --local`.';
    throw new AppPackageError(problems, 'Cannot build the Teams app package', footer);
  }
  return {
    TEAMS_APP_ID: teamsAppId!.toLowerCase(),
    BOT_ID: botId!.toLowerCase(),
    BOT_DOMAIN: botDomain ? botDomain.toLowerCase() : null,
    TAB_APP_ID: (tabAppId ?? '').toLowerCase(),
    APP_VERSION: version,
  };
}

/** Replaces each `${{NAME}}` in the template; an unknown placeholder is an error. */
export function fillManifest(template: string, values: PackageValues): Record<string, unknown> {
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in values)) {
      unknown.add(name);
      return '';
    }
    const value = values[name as keyof PackageValues] ?? '';
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new AppPackageError(
      [...unknown].map((n) => `manifest/manifest.json uses \${{${n}}}, which the package builder does not know.`),
    );
  }
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (Array.isArray(manifest.validDomains)) {
    manifest.validDomains = (manifest.validDomains as string[]).filter((d) => d !== '');
  }
  // Without a domain (a local package) there is nowhere to load the tab from: the bot alone.
  if (values.BOT_DOMAIN === null) for (const key of TAB_KEYS) delete manifest[key];
  return manifest;
}

/** Problems with the icons: sizes, and the outline being white on transparent. */
export function checkIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  try {
    const c = decodePng(color);
    if (c.width !== COLOR_ICON_SIZE || c.height !== COLOR_ICON_SIZE) {
      problems.push(`color.png must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels, not ${c.width}×${c.height}.`);
    }
  } catch (err) {
    problems.push(`color.png cannot be read: ${(err as Error).message}.`);
  }
  try {
    const o = decodePng(outline);
    if (o.width !== OUTLINE_ICON_SIZE || o.height !== OUTLINE_ICON_SIZE) {
      problems.push(
        `outline.png must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels, not ${o.width}×${o.height}.`,
      );
    }
    let coloured = 0;
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      const [r, g, b, a] = [o.data[i], o.data[i + 1], o.data[i + 2], o.data[i + 3]];
      if (a < 255) transparent++;
      if (a > 0) visible++;
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) coloured++;
    }
    if (coloured > 0)
      problems.push(`outline.png must be white on transparent: ${coloured} pixels have another colour.`);
    if (transparent === 0) problems.push('outline.png must have a transparent background.');
    if (visible === 0) problems.push('outline.png is completely transparent.');
  } catch (err) {
    problems.push(`outline.png cannot be read: ${(err as Error).message}.`);
  }
  return problems;
}

/**
 * Checks a filled manifest offline: the official JSON schema named by its
 * `$schema` (bundled with `@microsoft/app-manifest`, no network), then the
 * rules Teams applies on upload that the schema does not express.
 */
export async function checkManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  if (!schemaUrl.startsWith('https://developer.microsoft.com/json-schemas/teams/')) {
    return [`$schema must be a Teams manifest schema URL, not "${schemaUrl}".`];
  }
  // Loaded on first use: it pulls in the whole schema validator.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  const problems = (
    await AppManifestUtils.validateAgainstSchema(
      manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
    )
  ).map((e) => `schema: ${e.trim()}`);

  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  if (icons.color !== 'color.png' || icons.outline !== 'outline.png') {
    problems.push('icons must be { "color": "color.png", "outline": "outline.png" }.');
  }
  if (String(manifest.accentColor).toLowerCase() !== ACCENT_COLOR.toLowerCase()) {
    problems.push(`accentColor should be ${ACCENT_COLOR}, the colour icon's background.`);
  }
  const bots = (manifest.bots ?? []) as unknown[];
  if (bots.length !== 1) problems.push('the manifest must declare exactly one bot.');
  for (const command of manifestCommands(manifest)) {
    if (command.title.length === 0 || command.title.length > COMMAND_TITLE_MAX) {
      problems.push(`command "${command.title}": a title must have 1 to ${COMMAND_TITLE_MAX} characters.`);
    }
    if (command.description.length === 0 || command.description.length > COMMAND_DESCRIPTION_MAX) {
      problems.push(`command "${command.title}": a description must have 1 to ${COMMAND_DESCRIPTION_MAX} characters.`);
    }
  }
  return problems;
}

export interface BuildOptions {
  env?: NodeJS.ProcessEnv;
  local?: boolean;
  /** Repository root; found from this file when omitted. */
  root?: string;
  /** Where to write the zip; `build/appPackage.zip` under the root when omitted. */
  outFile?: string;
}

export interface BuildResult {
  outFile: string;
  manifest: Record<string, unknown>;
  /** Things that do not stop the build but should be fixed before release. */
  warnings: string[];
}

export async function buildAppPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? findRepoRoot();
  const values = packageValues(options.env ?? process.env, { local: options.local, root });
  const manifest = fillManifest(readManifestTemplate(root), values);
  const color = fs.readFileSync(path.join(root, 'manifest', 'color.png'));
  const outline = fs.readFileSync(path.join(root, 'manifest', 'outline.png'));

  const problems = [...(await checkManifest(manifest)), ...checkIcons(color, outline)];
  if (problems.length > 0) throw new AppPackageError(problems, 'The Teams app manifest is not valid');

  const warnings: string[] = [];
  if (!options.local && JSON.stringify(manifest.developer ?? {}).includes('example.gov.uk')) {
    warnings.push(
      'manifest/manifest.json still has the example developer details: put your organisation\'s name and web pages in "developer".',
    );
  }

  const outFile = options.outFile ?? path.join(root, 'build', 'appPackage.zip');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(
    outFile,
    await zipFiles([
      ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')],
      ['color.png', color],
      ['outline.png', outline],
    ]),
  );
  return { outFile, manifest, warnings };
}

async function zipFiles(files: [string, Buffer][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data, { binary: true, date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}
