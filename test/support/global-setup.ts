import { freePort, startEmbeddedAzurite, EmbeddedAzurite } from '../../src/store/embedded-azurite';

declare global {
  var __AZURITE__: EmbeddedAzurite | undefined;
}

/** One in-memory Azurite for the whole run; each test file uses its own tables. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ port: await freePort() });
  globalThis.__AZURITE__ = azurite;
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
}
