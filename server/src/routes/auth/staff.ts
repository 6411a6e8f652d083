// Staff sign-in: username + password (argon2id), locked for 15 min after 5 failures in a
// row. Unknown username, wrong password and disabled account get the same answer after the
// same work (a throw-away argon2 verify), and lock the same way, so the endpoint does not
// reveal which usernames exist. Attempts on one username are serialised in this process.
import type { Context } from 'koa';
import { audit } from '../../audit';
import type { StaffActor } from '../../auth/actor';
import { staffActorOf } from '../../auth/accounts';
import { LOCK_MS, clearFailures, lockedUntil, recordFailure } from '../../auth/lockout';
import { verifyPassword } from '../../auth/passwords';
import { AppError, unauthorized } from '../../errors';
import { KeyedMutex } from '../../lib/keyed-mutex';
import { Staff, normaliseUsername } from '../../models/staff';

const attempts = new KeyedMutex();

const invalidCredentials = () => unauthorized('用户名或密码错误', 'INVALID_CREDENTIALS');
const locked = () => new AppError(429, 'ACCOUNT_LOCKED', `登录失败次数过多，请${Math.round(LOCK_MS / 60_000)}分钟后再试`);

export async function staffSignIn(ctx: Context, usernameInput: string, password: string): Promise<StaffActor> {
  const username = normaliseUsername(usernameInput);
  return attempts.run(username, async () => {
    const until = await lockedUntil(username);
    if (until) {
      ctx.set('Retry-After', String(Math.ceil((until.getTime() - Date.now()) / 1000)));
      throw locked();
    }
    const staff = await Staff.findOne({ username }).lean();
    const ok = await verifyPassword(staff?.passwordHash, password);
    if (!staff || !ok || !staff.active) {
      const lock = await recordFailure(username);
      await audit(ctx, lock ? 'auth.staff_locked' : 'auth.staff_login_failed', staff ? { staffId: staff._id } : { unknownUser: true });
      if (lock) ctx.state.log.warn({ staffId: staff?._id ?? null }, 'staff sign-in locked after repeated failures');
      throw invalidCredentials();
    }
    await clearFailures(username);
    await Staff.updateOne({ _id: staff._id }, { $set: { lastLoginAt: new Date() } });
    const actor = staffActorOf(staff);
    ctx.state.actor = actor;
    await audit(ctx, 'auth.staff_login');
    return actor;
  });
}
