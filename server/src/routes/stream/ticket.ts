// Stream tickets: EventSource cannot send an Authorization header, so the app first asks for a
// ticket (POST /api/stream/ticket, with its access token) and opens
// GET /api/stream?ticket=… with it. A ticket is a JWT valid for a minute, signed with a key
// derived from JWT_SECRET and with its own audience, so it can open a stream and do nothing
// else (it is never an access token), and any instance can check it (no server state).
// The access log writes paths without query strings, so tickets are not logged.
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { CitizenActor, StaffActor } from '../../auth/actor';

export const STREAM_TICKET_TTL_SECONDS = 60;
const AUDIENCE = 'zwgk-stream';
const ISSUER = 'zwgk';

const ticketKey = (jwtSecret: string) => createHmac('sha256', jwtSecret).update('zwgk stream ticket v1').digest();

const claims = z.object({
  actor: z.union([
    z.object({ kind: z.literal('citizen'), citizenId: z.string().min(1) }),
    z.object({
      kind: z.literal('staff'),
      staffId: z.string().min(1),
      role: z.enum(['clerk', 'handler', 'reviewer', 'admin']),
      bodyId: z.string().min(1),
      countyWide: z.boolean(),
      county: z.string(),
    }),
  ]),
});

export function signStreamTicket(jwtSecret: string, actor: CitizenActor | StaffActor): string {
  return jwt.sign({ actor }, ticketKey(jwtSecret), { algorithm: 'HS256', audience: AUDIENCE, issuer: ISSUER, expiresIn: STREAM_TICKET_TTL_SECONDS });
}

export function verifyStreamTicket(jwtSecret: string, ticket: string): CitizenActor | StaffActor | null {
  try {
    const payload = jwt.verify(ticket, ticketKey(jwtSecret), { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER });
    const parsed = claims.safeParse(payload);
    return parsed.success ? parsed.data.actor : null;
  } catch {
    return null;
  }
}
