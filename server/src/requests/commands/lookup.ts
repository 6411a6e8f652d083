// Public status lookup by 申请编号 + 查询码 (issue 4 §3). A wrong number and a wrong code are
// indistinguishable (same 404, and the code hash is compared even when the number is unknown).
import { RequestModel, type RequestRecord } from '../models/request';
import { notFound } from '../../errors';
import type { RequestsDeps } from './deps';
import { hashQueryCode, queryCodeMatches } from './query-code';
import { requestIdOfNumber } from '../../storage/citizen-index';

export const lookupNotFound = () => notFound('申请编号或查询码不正确', 'LOOKUP_NOT_FOUND');

export async function lookupRequest(deps: RequestsDeps, number: string, code: string): Promise<RequestRecord> {
  const wanted = number.trim().toUpperCase();
  // By _id through the number document (a filter on `number` scans every request on FerretDB).
  const id = await requestIdOfNumber(wanted);
  const found = id ? await RequestModel.findById(id, { messages: 0, attachments: 0, applicant: 0, content: 0 }).lean<RequestRecord>() : null;
  const record = found && found.number === wanted ? found : null;
  const ok = record ? queryCodeMatches(code, record.queryCodeHash) : (hashQueryCode(code), false);
  if (!record || !ok) throw lookupNotFound();
  return record;
}
