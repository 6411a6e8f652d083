// requests: THE aggregate — one document per disclosure request holding everything about it
// (applicant, content, lifecycle events, conversation, attachments' metadata, read state).
// FerretDB-friendly by design: every change is ONE conditional update by `{_id, version}`, reads
// of one request are by `_id` (the only indexed filter on FerretDB), and nothing needs a join.
//
// `events` are the shared lifecycle events (shared/src/lifecycle/events.ts), append-only; the
// state is always fold(events). `state`, `receivedOn`, `dueOn`, `concludedOn`, `outcome` and
// `assignedTo` are caches written with each change for lists and reports — never trusted over
// the events.
//
// Personal data: idNumber, phone, address, email and fax are stored as encryptPii() output;
// `idNumberMasked` / `phoneMasked` are kept for lists; `idNumberFingerprint` (keyed HMAC) lets
// the office find an applicant's earlier requests (per-applicant fee counting) without decrypting.
import mongoose, { Schema } from 'mongoose';
import type { ApplicantType, Channel, OutcomeKey, Phase, RequestEvent } from '@zwgk/shared';

export interface StoredApplicant {
  name: string;
  idType?: string;
  /** encryptPii */
  idNumber?: string;
  idNumberMasked?: string;
  idNumberFingerprint?: string;
  /** encryptPii — natural person's phone or organisation's contact phone. */
  phone: string;
  phoneMasked: string;
  creditCode?: string;
  legalRepresentative?: string;
  contactName?: string;
  /** encryptPii */
  address?: string;
  postalCode?: string;
  /** encryptPii */
  email?: string;
  /** encryptPii */
  fax?: string;
}

export interface StoredContent {
  description: string;
  documentTitle?: string;
  documentNumber?: string;
  medium: string;
  delivery: string;
  purpose?: string;
}

export interface MessageAuthor {
  kind: 'citizen' | 'staff';
  /** citizenId or staffId */
  id: string;
  /** Display name at the time of writing (staff: their name; citizen: '申请人'). */
  name: string;
  role?: string;
}

export interface StoredMessage {
  id: string;
  at: Date;
  author: MessageAuthor;
  text: string;
  attachmentIds: string[];
}

export interface StoredAttachment {
  id: string;
  /** The uploader's file name, sanitised, for display only. */
  name: string;
  contentType: string;
  size: number;
  /** File name under DATA_DIR/attachments/ — random, never derived from the client's name. */
  storedAs: string;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: MessageAuthor;
}

export interface RequestRecord {
  _id: string;
  /** 申请编号, unique. */
  number: string;
  /** Keyed hash of the 查询码 (the code itself is never stored). */
  queryCodeHash: string;
  bodyId: string;
  county: string;
  /** The owner; null for requests registered by staff from paper, post, fax, e-mail. */
  citizenId: string | null;
  channel: Channel;
  /** Unique together with citizenId: a retried submission never creates a second request. */
  idempotencyKey: string;
  applicantType: ApplicantType;
  applicant: StoredApplicant;
  content: StoredContent;
  events: RequestEvent[];
  state: Phase;
  messages: StoredMessage[];
  attachments: StoredAttachment[];
  /** When each side last opened the request (POST …/read). */
  readState: { citizen: Date | null; staff: Date | null };
  /** When something last happened that each side should see (the other side's steps and messages). */
  activity: { citizen: Date | null; staff: Date | null };
  /** Who registered it (staff id) for offline channels. */
  registeredBy: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  concludedOn: string | null;
  outcome: OutcomeKey | null;
  assignedTo: string | null;
  lastActivityAt: Date;
  createdAt: Date;
  /** Incremented by every write (events, messages, attachments); updates are conditional on it. */
  version: number;
  /**
   * What the request still owes after its stored changes (requests/commands/outbox.ts): each write
   * adds its entry in the same single-document write; removed once performed. Absent: nothing owed.
   */
  outbox?: string[];
}

/**
 * The version clients see and send back with actions: the number of lifecycle events so far.
 * An action decided on an older one is stale (409); a message or an attachment does not make
 * it stale (the document's own `version` guards writes, this guards decisions).
 */
export function lifecycleVersion(r: Pick<RequestRecord, 'events'>): number {
  return r.events.length;
}

const authorSchema = new Schema<MessageAuthor>(
  { kind: { type: String, enum: ['citizen', 'staff'], required: true }, id: { type: String, required: true }, name: { type: String, required: true }, role: String },
  { _id: false },
);

const requestSchema = new Schema<RequestRecord>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true, unique: true },
    queryCodeHash: { type: String, required: true },
    bodyId: { type: String, required: true },
    county: { type: String, required: true },
    citizenId: { type: String, default: null },
    channel: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    applicantType: { type: String, required: true },
    applicant: {
      type: new Schema<StoredApplicant>(
        {
          name: { type: String, required: true },
          idType: String,
          idNumber: String,
          idNumberMasked: String,
          idNumberFingerprint: String,
          phone: { type: String, required: true },
          phoneMasked: { type: String, required: true },
          creditCode: String,
          legalRepresentative: String,
          contactName: String,
          address: String,
          postalCode: String,
          email: String,
          fax: String,
        },
        { _id: false },
      ),
      required: true,
    },
    content: {
      type: new Schema<StoredContent>(
        { description: { type: String, required: true }, documentTitle: String, documentNumber: String, medium: { type: String, required: true }, delivery: { type: String, required: true }, purpose: String },
        { _id: false },
      ),
      required: true,
    },
    // Validated by the shared zod schema before they get here; stored as given.
    events: { type: Schema.Types.Mixed, default: () => [] },
    state: { type: String, required: true },
    messages: {
      type: [new Schema<StoredMessage>({ id: { type: String, required: true }, at: { type: Date, required: true }, author: { type: authorSchema, required: true }, text: { type: String, default: '' }, attachmentIds: { type: [String], default: [] } }, { _id: false })],
      default: [],
    },
    attachments: {
      type: [
        new Schema<StoredAttachment>(
          {
            id: { type: String, required: true },
            name: { type: String, required: true },
            contentType: { type: String, required: true },
            size: { type: Number, required: true },
            storedAs: { type: String, required: true },
            sha256: { type: String, required: true },
            uploadedAt: { type: Date, required: true },
            uploadedBy: { type: authorSchema, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    readState: { type: new Schema({ citizen: { type: Date, default: null }, staff: { type: Date, default: null } }, { _id: false }), default: () => ({ citizen: null, staff: null }) },
    activity: { type: new Schema({ citizen: { type: Date, default: null }, staff: { type: Date, default: null } }, { _id: false }), default: () => ({ citizen: null, staff: null }) },
    registeredBy: { type: String, default: null },
    receivedOn: { type: String, default: null },
    dueOn: { type: String, default: null },
    concludedOn: { type: String, default: null },
    outcome: { type: String, default: null },
    assignedTo: { type: String, default: null },
    lastActivityAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
    // Entries are written and read only by outbox.ts; absent on requests that never owed anything.
    outbox: { type: [String], default: undefined },
  },
  { collection: 'requests', versionKey: false, minimize: false },
);

// The guarantee behind Idempotency-Key (also on MongoDB with several instances). Every document
// has both fields (offline requests get a key of their own), so no sparse/partial index is needed
// — FerretDB has neither.
requestSchema.index({ citizenId: 1, idempotencyKey: 1 }, { unique: true });

export const RequestModel = mongoose.model<RequestRecord>('Request', requestSchema);

let indexes: { client: unknown; ready: Promise<unknown> } | undefined;
/**
 * Builds the unique indexes before the first insert relies on them, once per database
 * connection (tests and tools reconnect the one mongoose connection; mongoose's own memoised
 * `Model.init()` would keep a failure from a closed connection).
 */
export function ensureRequestIndexes(): Promise<unknown> {
  const client = mongoose.connection.getClient();
  if (!indexes || indexes.client !== client) {
    const ready = RequestModel.createIndexes().catch((err: unknown) => {
      if (indexes?.ready === ready) indexes = undefined;
      throw err;
    });
    indexes = { client, ready };
  }
  return indexes.ready;
}

/** Fields a list needs; the conversation and the applicant stay in the database. */
export const LIST_PROJECTION = { messages: 0, attachments: 0, outbox: 0, 'applicant.idNumber': 0, 'applicant.phone': 0, 'applicant.address': 0, 'applicant.email': 0, 'applicant.fax': 0 } as const;
