/**
 * Builds build/appPackage.zip: the Teams app package (manifest.json,
 * color.png, outline.png) for upload to Teams or the Teams admin centre.
 *
 *   npm run package                 # needs TEAMS_APP_ID, MicrosoftAppId, BOT_DOMAIN
 *   npm run package -- --local      # fixed development ids for any not set
 *   npm run package -- --out path/to/appPackage.zip
 */
import path from 'node:path';
import { AppPackageError, buildAppPackage } from './app-manifest';

async function main(argv: string[]): Promise<number> {
  let local = false;
  let outFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--local') local = true;
    else if (argv[i] === '--out' && argv[i + 1]) outFile = path.resolve(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: npm run package -- [--local] [--out FILE]');
      return 0;
    } else {
      console.error(`unknown option ${argv[i]}; usage: npm run package -- [--local] [--out FILE]`);
      return 2;
    }
  }
  try {
    const result = await buildAppPackage({ local, outFile });
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    const m = result.manifest as { id: string; version: string; bots: { botId: string }[] };
    console.log(
      `wrote ${path.relative(process.cwd(), result.outFile)} (Teams app ${m.id}, bot ${m.bots[0].botId}, version ${m.version}${local ? ', local' : ''})`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppPackageError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
