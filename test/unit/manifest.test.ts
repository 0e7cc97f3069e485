import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import {
  AppPackageError,
  buildAppPackage,
  checkIcons,
  checkManifest,
  COMMAND_DESCRIPTION_MAX,
  COMMAND_TITLE_MAX,
  fillManifest,
  findRepoRoot,
  LOCAL_BOT_ID,
  LOCAL_TEAMS_APP_ID,
  MANIFEST_COMMAND_TITLES,
  manifestCommands,
  packageValues,
  PACKAGE_FILES,
  readManifestTemplate,
} from '../../scripts/app-manifest';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../scripts/icons';
import { decodePng, encodePng } from '../../scripts/png';

// @microsoft/app-manifest require()s strip-bom 5, an ES module, which Node ≥ 20.19 loads
// but jest's CommonJS runtime cannot; this is the same function.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

const ROOT = findRepoRoot(__dirname);
const TEAMS_APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const BOT_ID = '9b2e7d41-6c0a-4e8f-b1d3-5a7c9e0f2b44';
const BOT_DOMAIN = 'action-tracker.azurewebsites.net';
const ENV = { TEAMS_APP_ID, MicrosoftAppId: BOT_ID, BOT_DOMAIN };

const readIcon = (name: string) => fs.readFileSync(path.join(ROOT, 'manifest', name));

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('manifest/manifest.json', () => {
  const template = readManifestTemplate(ROOT);
  const filled = fillManifest(template, packageValues(ENV, { root: ROOT }));

  it('validates offline against the official schema it names, and against Teams rules', async () => {
    expect(filled.$schema).toMatch(
      /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/,
    );
    expect(String(filled.$schema)).toContain(`/v${String(filled.manifestVersion)}/`);
    expect(Number(String(filled.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(await checkManifest(filled)).toEqual([]);
  });

  it('reports schema errors as readable, numbered problems', async () => {
    const broken = {
      ...filled,
      name: { short: 'Action Tracker, the improvement plan bot for councils' },
      accentColor: 'blue',
    };
    const problems = await checkManifest(broken);
    expect(problems.some((p) => p.includes('/name/short') && p.includes('30'))).toBe(true);
    expect(problems.some((p) => p.includes('/accentColor'))).toBe(true);
    const message = new AppPackageError(problems, 'The Teams app manifest is not valid').message;
    expect(message).toMatch(/^The Teams app manifest is not valid:\n {2}1\. /);
    expect(message).toContain('\n  2. ');
  });

  it('fills the app id, bot id, domain and version', () => {
    expect(filled.id).toBe(TEAMS_APP_ID);
    expect(filled.validDomains).toEqual([BOT_DOMAIN]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(filled.version).toBe(pkg.version);
    const bots = filled.bots as { botId: string; scopes: string[] }[];
    expect(bots).toHaveLength(1);
    expect(bots[0].botId).toBe(BOT_ID);
    expect([...bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it('is called Action Tracker and describes itself in plain English', () => {
    expect((filled.name as { short: string }).short).toBe('Action Tracker');
    const description = filled.description as { short: string; full: string };
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full).toMatch(/overdue/);
    expect(filled.accentColor).toBe(ACCENT_COLOR);
  });

  it('offers the same commands in personal chat and in teams and group chats', () => {
    const commands = manifestCommands(filled);
    const titlesFor = (scope: string) =>
      commands
        .filter((c) => c.scopes.includes(scope))
        .map((c) => c.title)
        .sort();
    const expected = [
      'help',
      'my actions',
      'my overdue',
      'due soon',
      "what's overdue",
      'show SG-4',
      'history SG-4',
      'sign off SG-4',
      'approve SG-4',
      'decline SG-4',
    ].sort();
    expect(titlesFor('personal')).toEqual(expected);
    expect(titlesFor('team')).toEqual(expected);
    expect(titlesFor('groupChat')).toEqual(expected);
    expect([...MANIFEST_COMMAND_TITLES].sort()).toEqual(expected);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(COMMAND_TITLE_MAX);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(COMMAND_DESCRIPTION_MAX);
    }
  });
});

describe('the tab in the manifest', () => {
  const filled = fillManifest(readManifestTemplate(ROOT), packageValues(ENV, { root: ROOT }));
  const TAB_APP_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';

  it('is a personal tab called Plan, after the bot chat, served from the bot domain', () => {
    expect(filled.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      {
        entityId: 'plan',
        name: 'Plan',
        contentUrl: `https://${BOT_DOMAIN}/tab`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ]);
  });

  it('is one configurable tab for channels, group chats and meetings, side panel and stage, with its configuration page', () => {
    const tabs = filled.configurableTabs as { configurationUrl: string; scopes: string[]; context: string[] }[];
    expect(tabs).toHaveLength(1);
    expect(tabs[0].configurationUrl).toBe(`https://${BOT_DOMAIN}/tab?view=config`);
    expect(tabs[0].scopes).toEqual(['team', 'groupChat']);
    expect(tabs[0].context).toEqual(expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingStage']));
  });

  it('asks for the permission sharing to the meeting stage needs, and nothing else', () => {
    expect(filled.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }] },
    });
  });

  it("names the app registration for single sign-on: the bot's own unless TAB_APP_ID is set", () => {
    expect(filled.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://${BOT_DOMAIN}/${BOT_ID}` });
    const own = fillManifest(readManifestTemplate(ROOT), packageValues({ ...ENV, TAB_APP_ID }, { root: ROOT }));
    expect(own.webApplicationInfo).toEqual({ id: TAB_APP_ID, resource: `api://${BOT_DOMAIN}/${TAB_APP_ID}` });
    expect(own.validDomains).toEqual([BOT_DOMAIN]);
  });

  it('refuses a managed-identity bot without TAB_APP_ID: an identity cannot expose an API', () => {
    expect(() => packageValues({ ...ENV, MicrosoftAppType: 'UserAssignedMSI' }, { root: ROOT })).toThrow(
      /TAB_APP_ID is not set: with MicrosoftAppType=UserAssignedMSI/,
    );
    expect(() =>
      packageValues({ ...ENV, MicrosoftAppType: 'UserAssignedMSI', TAB_APP_ID }, { root: ROOT }),
    ).not.toThrow();
    expect(() => packageValues({ ...ENV, TAB_APP_ID: 'tab' }, { root: ROOT })).toThrow('TAB_APP_ID must be a GUID');
  });

  it('is left out of a local package, which has no domain to load it from', () => {
    const local = fillManifest(readManifestTemplate(ROOT), packageValues({}, { local: true, root: ROOT }));
    for (const key of ['staticTabs', 'configurableTabs', 'webApplicationInfo', 'authorization'])
      expect(local).not.toHaveProperty(key);
  });
});

describe('icons', () => {
  it('has a 192×192 colour icon', () => {
    const color = decodePng(readIcon('color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    // Opaque all over, with the accent colour as background and white in the symbol.
    const notOpaque = color.data.filter((_, i) => i % 4 === 3 && color.data[i] !== 255).length;
    expect(notOpaque).toBe(0);
    expect([...color.data.subarray(0, 3)]).toEqual([0x1d, 0x5f, 0x8a]);
    const centreOfTick = (Math.round(192 * 0.605) * 192 + Math.round(192 * 0.46)) * 4;
    expect([...color.data.subarray(centreOfTick, centreOfTick + 3)]).toEqual([255, 255, 255]);
  });

  it('has a 32×32 outline icon that is only white or transparent, with a transparent background', () => {
    const outline = decodePng(readIcon('outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let solid = 0;
    let notWhite = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) notWhite++;
      if (a === 0) transparent++;
      if (a === 255) solid++;
    }
    expect(notWhite).toBe(0);
    expect(transparent).toBeGreaterThan(100);
    expect(solid).toBeGreaterThan(50);
    expect(outline.data[3]).toBe(0); // the corner is outside the rounded square
    expect(checkIcons(readIcon('color.png'), readIcon('outline.png'))).toEqual([]);
  });

  it('matches what scripts/generate-icons.ts draws (run `npm run icons` after changing the design)', () => {
    // Compare pixels, not bytes: the compressed bytes may differ between zlib versions.
    for (const [name, drawn] of [
      ['color.png', drawColorIcon()],
      ['outline.png', drawOutlineIcon()],
    ] as const) {
      const committed = decodePng(readIcon(name));
      expect([committed.width, committed.height]).toEqual([drawn.width, drawn.height]);
      expect(Buffer.compare(Buffer.from(committed.data), Buffer.from(drawn.data))).toBe(0);
    }
  });

  it('flags icons of the wrong size or colour', () => {
    const colouredOutline = drawOutlineIcon();
    colouredOutline.data.set([255, 0, 0, 255], 16 * 32 * 4 + 16 * 4);
    const problems = checkIcons(encodePng(drawOutlineIcon()), encodePng(colouredOutline));
    expect(problems).toEqual([
      'color.png must be 192×192 pixels, not 32×32.',
      'outline.png must be white on transparent: 1 pixels have another colour.',
    ]);
    const opaque = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(255) };
    expect(checkIcons(readIcon('color.png'), encodePng(opaque))).toEqual([
      'outline.png must have a transparent background.',
    ]);
    expect(checkIcons(Buffer.from('not a png'), readIcon('outline.png'))).toEqual([
      'color.png cannot be read: not a PNG file.',
    ]);
  });
});

describe('npm run package', () => {
  it('builds a zip with exactly manifest.json, color.png and outline.png, ids from the environment', async () => {
    const outFile = path.join(tmp, 'appPackage.zip');
    const result = await buildAppPackage({ env: ENV, root: ROOT, outFile });
    expect(result.outFile).toBe(outFile);
    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    const names = Object.values(zip.files)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual([...PACKAGE_FILES].sort());
    expect(Object.values(zip.files).every((f) => !f.dir)).toBe(true);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown> & {
      id: string;
      bots: { botId: string }[];
      validDomains: string[];
    };
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual([BOT_DOMAIN]);
    expect(await checkManifest(manifest)).toEqual([]);
    expect(Buffer.from(await zip.file('color.png')!.async('uint8array')).equals(readIcon('color.png'))).toBe(true);
    expect(Buffer.from(await zip.file('outline.png')!.async('uint8array')).equals(readIcon('outline.png'))).toBe(true);
    expect(result.warnings).toEqual([expect.stringContaining('example developer details')]);
  });

  it('uses fixed development ids with --local', async () => {
    const outFile = path.join(tmp, 'local.zip');
    const result = await buildAppPackage({ env: {}, local: true, root: ROOT, outFile });
    expect(result.manifest.id).toBe(LOCAL_TEAMS_APP_ID);
    expect((result.manifest.bots as { botId: string }[])[0].botId).toBe(LOCAL_BOT_ID);
    expect(result.manifest.validDomains).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(await checkManifest(result.manifest)).toEqual([]);
  });

  it('fails clearly, naming each missing id, and writes nothing', async () => {
    const outFile = path.join(tmp, 'missing.zip');
    const attempt = buildAppPackage({ env: {}, root: ROOT, outFile });
    await expect(attempt).rejects.toBeInstanceOf(AppPackageError);
    await expect(attempt).rejects.toThrow(
      /^Cannot build the Teams app package:\n {2}1\. TEAMS_APP_ID is not set.*\n {2}2\. MicrosoftAppId is not set.*\n {2}3\. BOT_DOMAIN is not set.*\nFor a development package with fixed ids, run `npm run package -- --local`\.$/,
    );
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['a Teams app id that is not a GUID', { ...ENV, TEAMS_APP_ID: 'action-tracker' }, 'TEAMS_APP_ID must be a GUID'],
    ['a bot id that is not a GUID', { ...ENV, MicrosoftAppId: '1234' }, 'MicrosoftAppId must be a GUID'],
    ['a domain with a scheme', { ...ENV, BOT_DOMAIN: `https://${BOT_DOMAIN}` }, 'BOT_DOMAIN must be a host name only'],
    ['a version that is not x.y.z', { ...ENV, APP_VERSION: 'v2' }, 'APP_VERSION must look like 1.2.3'],
  ])('refuses %s', (_, env, message) => {
    expect(() => packageValues(env, { root: ROOT })).toThrow(message);
  });

  it('refuses a placeholder it does not know', () => {
    expect(() => fillManifest('{"id": "${{NO_SUCH_THING}}"}', packageValues(ENV, { root: ROOT }))).toThrow(
      'manifest/manifest.json uses ${{NO_SUCH_THING}}',
    );
  });
});
