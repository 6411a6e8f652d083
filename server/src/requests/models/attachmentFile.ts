// attachmentfiles: the bytes of conversation attachments, one document per file, `_id` = the
// attachment's `storedAs` (random). In the database rather than on the instance's disk so every
// instance can serve every file (issue 10: stateless instances) and one backup holds everything.
// Files are at most ATTACHMENT_MAX_BYTES (10 MB), well below the 16 MB document limit of MongoDB
// and FerretDB; they are only ever read by `_id` (indexed on both).
import mongoose, { Schema } from 'mongoose';

export interface AttachmentFileDoc {
  _id: string;
  data: Buffer;
  size: number;
  sha256: string;
  createdAt: Date;
}

const attachmentFileSchema = new Schema<AttachmentFileDoc>(
  {
    _id: { type: String, required: true },
    data: { type: Buffer, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'attachmentfiles', versionKey: false },
);

export const AttachmentFile = mongoose.model<AttachmentFileDoc>('AttachmentFile', attachmentFileSchema);

/** The bytes of a stored file, or null. (`lean()` hands back BSON Binary, not a Buffer.) */
export async function readAttachmentFile(id: string): Promise<Buffer | null> {
  const doc = await AttachmentFile.findById(id).lean();
  if (!doc) return null;
  const data = doc.data as unknown as Buffer | { value(): Uint8Array };
  if (Buffer.isBuffer(data)) return data;
  const bytes = data.value();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
