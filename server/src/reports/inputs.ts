// What staff write into a report (models/report-input.ts): read with defaults, save with an
// optimistic version, touch the body's stamp so the draft is recomputed.
import type { Narrative } from '@zwgk/shared';
import { conflict } from '../errors';
import { KeyedMutex } from '../lib/keyed-mutex';
import { emptySection2Inputs } from './compose';
import { defaultNarrative } from './figures';
import { ReportInput, reportKey, type ReportInputDoc, type Section2Inputs } from './models/report-input';
import { touchReportData } from './stamp';
import { isDuplicateKeyError } from '../db/duplicate';

export interface InputsState {
  version: number;
  saved: boolean;
  section2: Section2Inputs;
  narrative: Narrative;
  updatedAt: Date | null;
}

export async function readInputs(bodyId: string, year: number): Promise<InputsState> {
  const doc = await ReportInput.findById(reportKey(bodyId, year)).lean<ReportInputDoc>();
  if (!doc) return { version: 0, saved: false, section2: emptySection2Inputs(), narrative: defaultNarrative(), updatedAt: null };
  return { version: doc.version, saved: true, section2: { ...emptySection2Inputs(), ...doc.section2 }, narrative: { ...defaultNarrative(), ...doc.narrative }, updatedAt: doc.updatedAt };
}

export interface InputsChange {
  version: number;
  section2?: Partial<Section2Inputs>;
  narrative?: Partial<Narrative>;
  by: string;
  now: Date;
}

const mutex = new KeyedMutex();
const stale = (version: number) => conflict('报告内容已被他人修改，请刷新后重试', 'VERSION_CONFLICT', { version });

/** Saves the fields given (others keep their value); 409 unless `version` is the current one. */
export async function saveInputs(bodyId: string, year: number, change: InputsChange): Promise<InputsState> {
  const key = reportKey(bodyId, year);
  const saved = await mutex.run(key, async () => {
    const current = await readInputs(bodyId, year);
    if (current.version !== change.version) throw stale(current.version);
    const section2 = { ...current.section2, ...stripUndefined(change.section2 ?? {}) };
    const narrative = { ...current.narrative, ...stripUndefined(change.narrative ?? {}) };
    const set = { bodyId, year, section2, narrative, updatedAt: change.now, updatedBy: change.by, version: current.version + 1 };
    if (!current.saved) {
      try {
        await ReportInput.create({ _id: key, ...set });
      } catch (err) {
        if (isDuplicateKeyError(err)) throw stale(-1);
        throw err;
      }
    } else {
      const res = await ReportInput.updateOne({ _id: key, version: current.version }, { $set: set });
      if (res.matchedCount !== 1) throw stale(-1);
    }
    return { version: set.version, saved: true, section2, narrative, updatedAt: change.now };
  });
  await touchReportData(bodyId, 'inputs');
  return saved;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
