// GET /api/stream: Server-Sent Events for the signed-in actor — a citizen hears their own
// channel, staff their body's. Each event carries an id (`id:` line); a comment line every
// STREAM_HEARTBEAT_MS keeps proxies from closing an idle stream. The subscription ends with the
// connection. Events are hints to refetch (the data itself is always read through the API).
import { PassThrough } from 'node:stream';
import type { ParameterizedContext } from 'koa';
import type { Actor, CitizenActor, StaffActor } from '../../auth/actor';
import { unauthorized } from '../../errors';
import { citizenChannel, staffChannel, type Bus, type BusEvent } from '../../events/bus';
import type { LiveStreams } from '../../events/streams';
import { verifyStreamTicket } from './ticket';

export interface StreamDeps {
  bus: Bus;
  streams: LiveStreams;
  jwtSecret: string;
  heartbeatMs: number;
}

export function streamActor(deps: Pick<StreamDeps, 'jwtSecret'>, actor: Actor, ticket: string | undefined): CitizenActor | StaffActor {
  if (ticket !== undefined) {
    const fromTicket = verifyStreamTicket(deps.jwtSecret, ticket);
    if (!fromTicket) throw unauthorized('实时连接票据无效或已过期，请重新获取', 'STREAM_TICKET_INVALID');
    return fromTicket;
  }
  if (actor.kind === 'anonymous') throw unauthorized();
  return actor;
}

export const formatEvent = (e: BusEvent) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...(e.data as object), at: e.at })}\n\n`;

export async function openStream(ctx: ParameterizedContext, deps: StreamDeps, actor: CitizenActor | StaffActor): Promise<void> {
  const channel = actor.kind === 'citizen' ? citizenChannel(actor.citizenId) : staffChannel(actor.bodyId);
  const visible = (e: BusEvent) => actor.kind !== 'staff' || !e.for || e.for === actor.staffId;

  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.req.socket.setKeepAlive(true);
  ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
  ctx.set('Cache-Control', 'no-cache, no-transform');
  ctx.set('Connection', 'keep-alive');
  ctx.set('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
  const stream = new PassThrough();
  deps.streams.add(stream);

  const unsubscribe = deps.bus.subscribe(channel, (event) => {
    if (visible(event) && stream.writable) stream.write(formatEvent(event));
  });
  const heartbeat = setInterval(() => stream.writable && stream.write(`: ping ${Date.now()}\n\n`), deps.heartbeatMs);
  heartbeat.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    stream.end();
  };
  ctx.req.once('close', close);
  ctx.res.once('close', close);
  stream.once('close', close);

  // We write the response ourselves: Koa would report a client that goes away (the normal end of
  // a live stream) as an error after the response started.
  ctx.respond = false;
  ctx.status = 200;
  ctx.res.flushHeaders();
  stream.pipe(ctx.res);
  stream.write('retry: 3000\n\n');
  await unsubscribe.ready;
  // Sent once the subscription is live: from here on nothing published is missed.
  stream.write(`event: ready\ndata: ${JSON.stringify({ channel: actor.kind })}\n\n`);
}
