// MONGODB_URI options win over the server's defaults (the driver would let the defaults win).
import { MongoClient } from 'mongodb';
import { CONNECT_OPTIONS, connectOptionsFor } from './connection';

/** What the driver makes of a URI with these options (no connection is opened; mongoose keeps bufferCommands to itself). */
function resolved(uri: string) {
  const { bufferCommands: _mongooseOnly, ...driverOptions } = connectOptionsFor(uri);
  return new MongoClient(uri, driverOptions as never).options;
}

test('a replica-set URI keeps its retryWrites and server selection timeout', () => {
  const o = resolved('mongodb://db1,db2,db3/zwgk?replicaSet=rs0&retryWrites=true&w=majority&serverSelectionTimeoutMS=10000');
  expect(o.retryWrites).toBe(true);
  expect(o.serverSelectionTimeoutMS).toBe(10_000);
  expect(o.replicaSet).toBe('rs0');
  expect(o.connectTimeoutMS).toBe(5000); // not in the URI: the default stays
});

test('without options in the URI (the embedded database) the defaults apply', () => {
  expect(connectOptionsFor('mongodb://127.0.0.1:27017/zwgk')).toEqual(CONNECT_OPTIONS);
  const o = resolved('mongodb://127.0.0.1:27017/zwgk');
  expect(o.retryWrites).toBe(false);
  expect(o.serverSelectionTimeoutMS).toBe(1500);
});

test('option names are matched case-insensitively, mongoose options are kept', () => {
  const o = connectOptionsFor('mongodb+srv://user:pw@cluster.example.cn/zwgk?RETRYWRITES=true#x');
  expect(o).not.toHaveProperty('retryWrites');
  expect(o.bufferCommands).toBe(false);
});
