// Shared bits of the platform tests.
import { PlatformError } from '../../server/src/platforms/errors';

/** Awaits a rejection and checks it is a PlatformError with the expected fields. */
export async function platformError(p: Promise<unknown>, expected: Partial<Pick<PlatformError, 'code' | 'transient' | 'kind' | 'platform'>>): Promise<PlatformError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(PlatformError);
  const err = caught as PlatformError;
  expect({ code: err.code, transient: err.transient, kind: err.kind, platform: err.platform }).toMatchObject(expected);
  return err;
}

/** Smallest byte sequences the platforms recognise as images (they sniff the signature). */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
