// No import cycles (issue 15): control runs one way — routes → commands → storage and follow-ups —
// and the app's pages → hooks → api. A cycle is where that stopped being true (a notifier that
// imports the reminders that import the notifier), so it fails here, type-only imports included:
// a type that both sides need belongs to a module below them.
import { join } from 'node:path';
import madge from 'madge';

const ROOT = join(__dirname, '../..');

it.each(['server/src', 'miniapp/src', 'shared/src'])('no import cycle in %s', async (dir) => {
  const graph = await madge(join(ROOT, dir), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: join(ROOT, 'tsconfig.json'),
    excludeRegExp: [/\.test\.tsx?$/],
  });
  expect(graph.circular()).toEqual([]);
}, 120_000);
