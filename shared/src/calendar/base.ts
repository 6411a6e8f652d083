// Base calendar: official holidays and make-up working days (调休上班) for 2019–2026, taken from
// the `chinese-days` package (MIT, vsme/chinese-days) per-year JSON files. Only the data is used:
// the package's own functions parse dates in local time and shift by a day on servers west of
// UTC, and they silently treat unknown years as Monday–Friday.
//
// Checked by hand against the State Council General Office holiday notices (国务院办公厅关于
// 部分节假日安排的通知): 国办发明电〔2018〕15号 and 〔2019〕2号 (2019), 〔2019〕16号 and
// 〔2020〕1号 (2020, Spring Festival extended to 2-2), 〔2020〕27号 (2021), 〔2021〕11号 (2022),
// 〔2022〕16号 (2023), 〔2023〕7号 (2024), 〔2024〕12号 (2025), 〔2025〕7号 (2026). Every off day
// and every make-up working day of those notices is asserted in base.test.ts.
//
// Later years (2027 …) and corrections are not code: an administrator adds them as overrides
// (see calendar.ts), because the next year's notice appears around November.
import y2019 from 'chinese-days/dist/years/2019.json';
import y2020 from 'chinese-days/dist/years/2020.json';
import y2021 from 'chinese-days/dist/years/2021.json';
import y2022 from 'chinese-days/dist/years/2022.json';
import y2023 from 'chinese-days/dist/years/2023.json';
import y2024 from 'chinese-days/dist/years/2024.json';
import y2025 from 'chinese-days/dist/years/2025.json';
import y2026 from 'chinese-days/dist/years/2026.json';
import type { LegalDate } from './dates';

export type DayKind = 'off' | 'work';

/** One special day: a holiday ('off') or a make-up working day ('work'). */
export interface CalendarEntry {
  date: LegalDate;
  kind: DayKind;
  /** Holiday name in Chinese, e.g. '春节'. */
  name?: string;
}

interface ChineseDaysYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const files: ReadonlyArray<[number, ChineseDaysYear]> = [
  [2019, y2019],
  [2020, y2020],
  [2021, y2021],
  [2022, y2022],
  [2023, y2023],
  [2024, y2024],
  [2025, y2025],
  [2026, y2026],
];

// chinese-days values look like "Spring Festival,春节,3"; normalise to the names the notices use.
const names: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

function holidayName(value: string): string {
  const raw = value.split(',')[1] ?? '';
  return names[raw] ?? raw;
}

/** Years whose State Council notice is in the base data. */
export const baseYears: ReadonlyArray<number> = files.map(([year]) => year);

export const baseEntries: ReadonlyArray<CalendarEntry> = files.flatMap(([, data]) => [
  ...Object.entries(data.holidays).map(([date, v]): CalendarEntry => ({ date, kind: 'off', name: holidayName(v) })),
  ...Object.entries(data.workdays).map(([date, v]): CalendarEntry => ({ date, kind: 'work', name: holidayName(v) })),
]);
