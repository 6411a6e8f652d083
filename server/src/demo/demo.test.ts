import mongoose from 'mongoose';
import { connectTestDatabase } from '../../../tests/support/db';
import { silentLogger } from '../log';
import { configurePii } from '../pii';
import { DEMO_DATA_VERSION, loadDemoData } from '.';

let disconnect: () => Promise<void>;
beforeAll(async () => {
  // Demo requests carry (invented) personal data, encrypted like real ones (startServer configures this).
  configurePii(Buffer.alloc(32, 1));
  ({ disconnect } = await connectTestDatabase());
});
afterAll(() => disconnect());

it('loads once, then recognises its marker (idempotent across restarts)', async () => {
  expect(await loadDemoData(silentLogger)).toBe('loaded');
  expect(await loadDemoData(silentLogger)).toBe('present');
  const marker = await mongoose.connection.db!.collection('meta').findOne({ _id: 'demo-data' as never });
  expect(marker).toMatchObject({ version: DEMO_DATA_VERSION });
});
