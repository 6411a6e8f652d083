// Jest global setup of the browser project: a fresh H5 build (miniapp/dist/h5, served by the real
// server at /app/) and the shared test database of tests/support/global-setup.ts.
import sharedGlobalSetup from '../../support/global-setup';
import { ensureBuilt } from '../../miniapp/support/build';

export default async function globalSetup(): Promise<void> {
  const ms = ensureBuilt('h5');
  if (ms) console.log(`\n[miniapp] built h5 in ${(ms / 1000).toFixed(1)} s`);
  await sharedGlobalSetup();
}
