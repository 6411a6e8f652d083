// Who is making a request. Set on ctx.state.actor by the auth middleware; every
// handler authorises against it (one citizen never sees another's request).

/** Staff roles of lifecycle roles (shared/src/lifecycle/roles.ts) minus citizen and system. */
export type StaffRole = 'clerk' | 'handler' | 'reviewer' | 'admin';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; citizenId: string }
  | {
      kind: 'staff';
      staffId: string;
      role: StaffRole;
      /** The body (机关) this account belongs to. */
      bodyId: string;
      /** County-wide admin: may see every body of `county`. */
      countyWide: boolean;
      county: string;
    };

export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

declare module 'koa' {
  interface DefaultState {
    actor: Actor;
  }
}
