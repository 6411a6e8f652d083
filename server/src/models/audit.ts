// audit: the append-only trail of who did what and when (issue 4 §7) — every action and
// every read of personal data by staff. Written only through audit.ts; the model refuses
// updates and deletes so nothing in the code base can rewrite history by accident.
import mongoose, { Schema } from 'mongoose';

export interface AuditActor {
  kind: 'anonymous' | 'citizen' | 'staff' | 'system';
  id?: string;
  role?: string;
  bodyId?: string;
}

export interface AuditDoc {
  _id: mongoose.Types.ObjectId;
  at: Date;
  actor: AuditActor;
  /** Dotted verb, e.g. 'auth.staff_login', 'request.identity_viewed', 'request.decided'. */
  action: string;
  /** The disclosure request concerned, when there is one. */
  requestId?: string;
  bodyId?: string;
  /** x-request-id of the HTTP request, to find the matching log lines. */
  httpRequestId?: string;
  /** Ids, states, counts — never personal data values (audit.ts scrubs them anyway). */
  detail: Record<string, unknown>;
}

const auditSchema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    actor: {
      kind: { type: String, required: true },
      id: { type: String },
      role: { type: String },
      bodyId: { type: String },
    },
    action: { type: String, required: true },
    requestId: { type: String },
    bodyId: { type: String },
    httpRequestId: { type: String },
    detail: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit', versionKey: false, minimize: false },
);

const refuse = function () {
  throw new Error('the audit trail is append-only');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'] as const) {
  auditSchema.pre(op, refuse);
}

export const AuditEntry = mongoose.model<AuditDoc>('AuditEntry', auditSchema);
