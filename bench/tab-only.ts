import { startBotProcess } from './bot-process';
import { measureTabPage } from './tab-page';
import { startEmbeddedAzurite, freePort } from '../src/store/embedded-azurite';

/** `npm run bench:tab`: only the tab's figures (the full `npm run bench` includes them under key `tab`). */
async function main(): Promise<void> {
  const log = (s: string) => process.stderr.write(s + '\n');
  const azurite = await startEmbeddedAzurite({ port: await freePort() });
  const bot = await startBotProcess(azurite.connectionString);
  try {
    log('The tab: first render of a 1,000-action plan in headless Chromium…');
    const tab = await measureTabPage(bot, log);
    process.stdout.write(
      JSON.stringify({ tab: { first_render_ms: tab.first_render_ms, js_kb_gzip: tab.js_kb_gzip } }) + '\n',
    );
  } finally {
    await bot.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
