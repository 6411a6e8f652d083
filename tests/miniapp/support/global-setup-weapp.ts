// Jest global setup of the miniapp-simulate project: a fresh weapp build in miniapp/dist/weapp.
import { ensureBuilt } from './build';

export default async function globalSetup(): Promise<void> {
  const ms = ensureBuilt('weapp');
  if (ms) console.log(`\n[miniapp] built weapp in ${(ms / 1000).toFixed(1)} s`);
}
