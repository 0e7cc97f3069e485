import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, HEALTH_PATH, loadConfig, MESSAGES_PATH } from '../../src/config';

/**
 * The Bicep CLI cannot be installed here (CI runs `az bicep build`), so these
 * tests read the templates as text: the settings production depends on, the
 * app settings the configuration module needs, and no secrets anywhere.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const BICEP = read('infra/main.bicep');
const BICEPPARAM = read('infra/main.bicepparam');
const WORKFLOW = read('.github/workflows/ci.yml');
const DEPLOY_DOC = read('docs/deploy.md');
const ENV_EXAMPLE = read('.env.example');

/** Bicep without comments and string contents, for structural checks. */
function code(bicep: string): string {
  return bicep
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/\/\/.*$/gm, '');
}

interface ParamDeclaration {
  name: string;
  type: string;
  hasDefault: boolean;
  allowed: string[] | null;
  secure: boolean;
}

/** `param` declarations in a Bicep file, with their decorators. */
function bicepParams(bicep: string): ParamDeclaration[] {
  const out: ParamDeclaration[] = [];
  const lines = bicep.split('\n');
  let decorators = '';
  for (const line of lines) {
    const trimmed = line.trim();
    const param = /^param\s+(\w+)\s+(\w+)(\s*=.*)?$/.exec(trimmed);
    if (param) {
      const allowed = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators);
      out.push({
        name: param[1],
        type: param[2],
        hasDefault: param[3] !== undefined,
        allowed: allowed ? [...allowed[1].matchAll(/'([^']*)'/g)].map((m) => m[1]) : null,
        secure: decorators.includes('@secure()'),
      });
      decorators = '';
    } else if (
      trimmed.startsWith('@') ||
      (decorators && !/^(resource|var|output|targetScope|\/\/)/.test(trimmed) && trimmed !== '')
    ) {
      decorators += trimmed + '\n';
    } else if (!trimmed.startsWith('//') && trimmed !== '') {
      decorators = '';
    }
  }
  return out;
}

/** `param name = value` assignments in a .bicepparam file; values with literals evaluated. */
function bicepparamAssignments(text: string): Map<string, { raw: string; value: unknown }> {
  const out = new Map<string, { raw: string; value: unknown }>();
  const withoutComments = text.replace(/^\s*\/\/.*$/gm, '');
  const re = /^param\s+(\w+)\s*=\s*/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutComments))) {
    let raw = withoutComments.slice(m.index + m[0].length);
    raw = raw.startsWith('{') ? raw.slice(0, raw.indexOf('\n}') + 2) : raw.split('\n')[0];
    out.set(m[1], { raw: raw.trim(), value: evaluate(raw.trim()) });
  }
  return out;
}

function evaluate(expr: string): unknown {
  const env = /^readEnvironmentVariable\('(\w+)'(?:,\s*'([^']*)')?\)$/.exec(expr);
  if (env) return env[2] ?? null;
  if (/^'[^']*'$/.test(expr)) return expr.slice(1, -1);
  if (/^-?\d+$/.test(expr)) return Number(expr);
  if (expr === 'true' || expr === 'false') return expr === 'true';
  if (expr.startsWith('{')) {
    const entries = [...expr.matchAll(/^\s*(\w+):\s*'([^']*)'\s*$/gm)].map((e) => [e[1], e[2]]);
    return Object.fromEntries(entries);
  }
  throw new Error(`cannot evaluate ${expr}`);
}

/** The `name: '...'` entries of the web app's settings in main.bicep. */
function appSettingNames(bicep: string): string[] {
  const block = /var baseAppSettings = \[([\s\S]*?)\n\]/.exec(bicep)?.[1] ?? '';
  const password = /var passwordAppSettings = \[([\s\S]*?)\n\]/.exec(bicep)?.[1] ?? '';
  return [...(block + password).matchAll(/name:\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('infra/main.bicep', () => {
  it('is balanced: every bracket, brace and parenthesis is closed', () => {
    const stripped = code(BICEP);
    for (const [open, close] of [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]) {
      expect(stripped.split(open).length).toBe(stripped.split(close).length);
    }
  });

  it.each([
    ["minimumTlsVersion: 'TLS1_2'", 'storage accepts TLS 1.2 or later only'],
    ['supportsHttpsTrafficOnly: true', 'storage is HTTPS only'],
    ['allowBlobPublicAccess: false', 'no public blob access'],
    ['allowSharedKeyAccess: false', 'no account keys: managed identity only'],
    ['httpsOnly: true', 'the web app is HTTPS only'],
    ['alwaysOn: true', 'the web app is always on, so schedules run'],
    [`healthCheckPath: '${HEALTH_PATH}'`, "App Service health check on the server's health path"],
    ["linuxFxVersion: 'NODE|22-lts'", 'Node 22 LTS on Linux'],
    ["minTlsVersion: '1.2'", 'the web app accepts TLS 1.2 or later only'],
    ["ftpsState: 'Disabled'", 'no FTP'],
    ['reserved: true', 'a Linux App Service plan'],
    ["channelName: 'MsTeamsChannel'", 'the Teams channel'],
    ["'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", 'Storage Table Data Contributor'],
    [`'https://\${siteHostName}${MESSAGES_PATH}'`, 'the messaging endpoint'],
    ["type: 'UserAssigned'", 'the web app uses the user-assigned identity'],
    ['msaAppMSIResourceId: appIdentity.id', 'the bot can sign in as the managed identity'],
  ])('has %s (%s)', (text) => {
    expect(BICEP).toContain(text);
  });

  it.each([
    'Microsoft.ManagedIdentity/userAssignedIdentities',
    'Microsoft.Storage/storageAccounts',
    'Microsoft.Storage/storageAccounts/tableServices',
    'Microsoft.Authorization/roleAssignments',
    'Microsoft.Web/serverfarms',
    'Microsoft.Web/sites',
    'Microsoft.BotService/botServices',
    'Microsoft.BotService/botServices/channels',
    'Microsoft.Insights/components',
    'Microsoft.OperationalInsights/workspaces',
  ])('declares a %s resource with a dated API version', (type) => {
    expect(BICEP).toMatch(
      new RegExp(`^resource \\w+ '${type.replace(/\//g, '\\/')}@\\d{4}-\\d{2}-\\d{2}(-preview)?' = \\{`, 'm'),
    );
  });

  it('limits the bot app type to the kinds the configuration accepts', () => {
    const botAppType = bicepParams(BICEP).find((p) => p.name === 'botAppType');
    expect(botAppType?.allowed?.sort()).toEqual(['SingleTenant', 'UserAssignedMSI']);
  });

  it('keeps the bot password a secure parameter with an empty default', () => {
    const password = bicepParams(BICEP).find((p) => p.name === 'botAppPassword');
    expect(password).toMatchObject({ secure: true, hasDefault: true });
    expect(BICEP).toMatch(/param botAppPassword string = ''\n/);
    expect(BICEP).not.toMatch(/output\s+\w+\s+\w+\s*=.*(botAppPassword|ConnectionString)/);
  });

  it('uses every parameter it declares', () => {
    const unused = bicepParams(BICEP)
      .map((p) => p.name)
      .filter((name) => code(BICEP).split(new RegExp(`\\b${name}\\b`)).length - 1 < 2);
    expect(unused).toEqual([]);
  });

  it('gives the web app every setting a production start needs', () => {
    const names = appSettingNames(BICEP);
    expect(names).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'BOT_AUTH',
        'MicrosoftAppType',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'ALLOWED_TENANTS',
        'STORAGE_ACCOUNT_URL',
        'AZURE_CLIENT_ID',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
      ]),
    );
    expect(BICEP).toMatch(/name: 'NODE_ENV'\s+value: 'production'/);
    expect(BICEP).toMatch(/name: 'BOT_AUTH'\s+value: 'on'/);

    // Those settings, with values like the template's, pass the configuration's production checks.
    const sample: Record<string, string> = {
      NODE_ENV: 'production',
      BOT_AUTH: 'on',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      MicrosoftAppTenantId: '11111111-2222-4333-8444-555555555555',
      ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555',
      STORAGE_ACCOUNT_URL: 'https://stactiontracker.table.core.windows.net',
      AZURE_CLIENT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      BOT_DOMAIN: 'actiontracker-ab12cd.azurewebsites.net',
      REPORT_LINK_SECRET: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      WEBSITE_SITE_NAME: 'actiontracker-ab12cd',
    };
    const env = Object.fromEntries(names.filter((n) => n in sample).map((n) => [n, sample[n]]));
    expect(Object.keys(env).sort()).toEqual(
      Object.keys(sample)
        .filter((k) => k !== 'WEBSITE_SITE_NAME')
        .sort(),
    );
    expect(loadConfig({ ...env, WEBSITE_SITE_NAME: sample.WEBSITE_SITE_NAME }).bot.authEnabled).toBe(true);
  });
});

describe('infra/main.bicepparam', () => {
  const assignments = bicepparamAssignments(BICEPPARAM);
  const declared = bicepParams(BICEP);

  it('uses main.bicep and sets only parameters it declares, with allowed values', () => {
    expect(BICEPPARAM).toMatch(/^using '\.\/main\.bicep'$/m);
    expect(assignments.size).toBeGreaterThan(5);
    for (const [name, { value }] of assignments) {
      const param = declared.find((p) => p.name === name);
      expect({ name, declared: param !== undefined }).toEqual({ name, declared: true });
      if (param?.allowed && typeof value === 'string') expect(param.allowed).toContain(value);
      if (param?.type === 'int') expect(typeof value).toBe('number');
      if (param?.type === 'object') expect(typeof value).toBe('object');
    }
  });

  it('reads every parameter main.bicep declares', () => {
    expect(declared.length).toBe((BICEP.match(/^param /gm) ?? []).length);
    expect(declared.filter((d) => !d.hasDefault).map((d) => d.name)).toEqual(['name']);
  });

  it('sets every parameter that has no default', () => {
    for (const p of declared.filter((d) => !d.hasDefault)) expect(assignments.has(p.name)).toBe(true);
  });

  it('explains each parameter with a comment', () => {
    const lines = BICEPPARAM.split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('param ')) expect(lines[i - 1]).toMatch(/^\/\//);
    });
  });

  it('never holds a secret: the password comes from the environment at deployment time', () => {
    expect(assignments.get('botAppPassword')?.raw).toBe("readEnvironmentVariable('MicrosoftAppPassword', '')");
    expect(assignments.get('name')?.value).toMatch(/^[a-z0-9-]{3,16}$/);
  });
});

describe('.github/workflows/ci.yml', () => {
  it.each([
    ['node-version: 20', 'tests on Node 20'],
    ['run: npm ci', 'a clean install'],
    ['run: bash .ci/run', 'the project checks'],
    ['az bicep build --file infra/main.bicep', 'Bicep linted where the CLI exists'],
    ['uses: azure/login@', 'Azure sign-in'],
    ['id-token: write', 'OpenID Connect, no stored Azure password'],
    ['az deployment group create', 'infrastructure deployment'],
    ['--parameters infra/main.bicepparam', 'the committed parameters file'],
    ['uses: azure/webapps-deploy@', 'zip deployment of the app'],
    ['npm run package', 'the Teams app package'],
    ['uses: actions/upload-artifact@', 'the package uploaded as an artifact'],
    ['name: production', 'deployment gated by the production environment'],
    ['workflow_dispatch', 'manual runs'],
  ])('has %s (%s)', (text) => {
    expect(WORKFLOW).toContain(text);
  });

  it('deploys only from main, after the checks', () => {
    expect(WORKFLOW).toMatch(/needs: \[test, bicep\]/);
    expect(WORKFLOW).toContain("github.ref == 'refs/heads/main'");
  });

  it('refers to secrets only as ${{ secrets.* }}', () => {
    const mentions = WORKFLOW.match(/secrets\./g) ?? [];
    const expressions = WORKFLOW.match(/\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g) ?? [];
    expect(expressions.length).toBeGreaterThan(0);
    expect(mentions.length).toBe(expressions.length);
  });
});

describe('documentation of settings', () => {
  it.each(CONFIG_VARIABLES.map((v) => [v]))('docs/deploy.md explains %s', (name) => {
    expect(DEPLOY_DOC).toContain(`| \`${name}\` |`);
  });

  it('docs/deploy.md explains every app setting the template sets', () => {
    for (const name of appSettingNames(BICEP)) expect(DEPLOY_DOC).toContain(`| \`${name}\` |`);
  });

  it.each(CONFIG_VARIABLES.filter((v) => v !== 'WEBSITE_SITE_NAME').map((v) => [v]))(
    '.env.example lists %s',
    (name) => {
      expect(ENV_EXAMPLE).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
    },
  );

  it('.env.example leaves every secret blank', () => {
    expect(ENV_EXAMPLE).toMatch(/^MicrosoftAppPassword=$/m);
    expect(ENV_EXAMPLE).toMatch(/^STORAGE_CONNECTION_STRING=$/m);
  });
});

// ---------------------------------------------------------------------------
// No secrets in any committed file
// ---------------------------------------------------------------------------

/** The well-known Azurite development key, published by Microsoft; not a secret. */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const SKIPPED = /(^|\/)(node_modules|dist|build|coverage|\.data|\.git)\//;
const BINARY = /\.(png|jpe?g|gif|ico|zip|xlsx|pdf|woff2?)$/i;

/** Files git tracks or would track (untracked but not ignored), else a walk of the tree. */
function repositoryFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return out.split('\0').filter((f) => f !== '' && fs.existsSync(path.join(ROOT, f)));
  } catch {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (SKIPPED.test(rel + '/') || entry.name === '.env') continue;
        if (entry.isDirectory()) walk(rel);
        else files.push(rel);
      }
    };
    walk('.');
    return files.map((f) => f.replace(/^\.\//, ''));
  }
}

const SECRET_PATTERNS: [string, RegExp][] = [
  ['a storage account key', /AccountKey=([A-Za-z0-9+/]{40,}={0,2})/g],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g],
  [
    'a Microsoft Entra client secret',
    /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
  ],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g],
  ['a shared access signature', /[?&]sig=[A-Za-z0-9%+/]{30,}/g],
  ['an Application Insights key', /InstrumentationKey=(?!0{8}-0{4}-0{4}-0{4}-0{12})[0-9a-f]{8}-[0-9a-f-]{27}/gi],
  ['a password written into a setting', /(password|secret)["']?\s*[:=]\s*["']([^"'\s$<{]{8,})["']/gi],
  ['a password in an env file', /^\s*(MicrosoftAppPassword|[A-Z_]*SECRET[A-Z_]*)=(?!\s*$).+$/gm],
];

function findSecrets(file: string, text: string): string[] {
  const findings: string[] = [];
  for (const [what, pattern] of SECRET_PATTERNS) {
    if (what === 'a password in an env file' && !/(^|\/)\.env[^/]*$/.test(file)) continue;
    if (what === 'a password written into a setting' && /^test\//.test(file)) continue;
    for (const match of text.matchAll(pattern)) {
      if (match[0].includes(AZURITE_KEY)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      findings.push(`${file}:${line}: ${what}`);
    }
  }
  return findings;
}

describe('no secrets in the repository', () => {
  const files = repositoryFiles().filter(
    (f) => !SKIPPED.test(f) && !BINARY.test(f) && f !== 'package-lock.json' && f !== 'test/unit/config-deploy.test.ts',
  );

  it('finds the files to check', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'infra/main.bicep',
        'infra/main.bicepparam',
        '.github/workflows/ci.yml',
        'manifest/manifest.json',
      ]),
    );
  });

  it('has nothing that looks like a key, token or password', () => {
    const findings: string[] = [];
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (fs.statSync(full).size > 2_000_000) continue;
      findings.push(...findSecrets(file, fs.readFileSync(full, 'utf8')));
    }
    expect(findings).toEqual([]);
  });

  it('recognises the secrets it looks for', () => {
    const key = 'A'.repeat(86) + '==';
    const samples: [string, string][] = [
      ['infra/x.json', `"connection": "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${key}"`],
      ['notes.md', ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ')],
      ['notes.md', `secret is abc1Q~${'x'.repeat(34)}`],
      ['.github/workflows/x.yml', `token: gh${'p'}_${'a1'.repeat(18)}`],
      ['infra/x.bicepparam', `param botAppPassword = 'hunter2hunter2'`],
      ['.env.production', 'MicrosoftAppPassword=hunter2hunter2'],
    ];
    for (const [file, text] of samples)
      expect({ file, text, found: findSecrets(file, text).length }).toEqual({ file, text, found: 1 });
    expect(findSecrets('src/store/embedded-azurite.ts', `AccountKey=${AZURITE_KEY};`)).toEqual([]);
    expect(findSecrets('.env.example', 'MicrosoftAppPassword=')).toEqual([]);
  });

  it('does not commit a .env file', () => {
    expect(files.filter((f) => /(^|\/)\.env$/.test(f))).toEqual([]);
  });
});
