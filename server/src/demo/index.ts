// Demo data for DEMO_MODE (`npm start`; refused in production by config.ts).
//
// Demo data is a list of steps run in order. Each step is idempotent (upserts by stable
// ids) and has its own marker in `meta` (`demo:<name>` with its version), so:
//   - a restart runs nothing (every marker present) → 'present';
//   - a new step, or a step whose `version` was bumped, runs on existing demo databases
//     without re-running the others.
// To add demo content: write `server/src/demo/<thing>.ts` exporting an async function and add
// one line to DEMO_STEPS (after the steps it depends on: bodies, then staff).
import mongoose from 'mongoose';
import type { Logger } from '../log';
import { seedBodies } from './bodies';
import { seedMedia } from './media';
import { seedRequests } from './requests';
import { seedStaff } from './staff';

export interface DemoStep {
  name: string;
  /** Bump to re-run the step on databases that already have it. */
  version: number;
  /** Returns how many things it seeded (for the log). */
  run(logger: Logger): Promise<number | void>;
}

export const DEMO_STEPS: DemoStep[] = [
  { name: 'bodies', version: 1, run: seedBodies },
  { name: 'staff', version: 1, run: seedStaff },
  { name: 'requests', version: 1, run: seedRequests },
  { name: 'media', version: 1, run: seedMedia },
];

const MARKER_ID = 'demo-data';
/** Version of the step list as a whole (kept for tools that look at the `demo-data` marker). */
export const DEMO_DATA_VERSION = 2;

type Marker = { _id: string; version: number; loadedAt: Date };

export async function loadDemoData(logger: Logger, steps: DemoStep[] = DEMO_STEPS): Promise<'loaded' | 'present'> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('loadDemoData: database not connected');
  const meta = db.collection<Marker>('meta');
  let ran = 0;
  for (const step of steps) {
    const id = `demo:${step.name}`;
    const marker = await meta.findOne({ _id: id });
    if (marker && marker.version >= step.version) continue;
    const started = Date.now();
    const count = await step.run(logger);
    await meta.updateOne({ _id: id }, { $set: { version: step.version, loadedAt: new Date() } }, { upsert: true });
    logger.info({ step: step.name, version: step.version, count: count ?? undefined, ms: Date.now() - started }, 'demo data step loaded');
    ran++;
  }
  await meta.updateOne({ _id: MARKER_ID }, { $set: { version: DEMO_DATA_VERSION, loadedAt: new Date() } }, { upsert: true });
  if (ran === 0) return 'present';
  logger.info({ version: DEMO_DATA_VERSION, steps: ran }, 'demo data loaded');
  return 'loaded';
}
