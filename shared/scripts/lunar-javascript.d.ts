// The part of lunar-javascript (no bundled types) that scripts/lunar-dates.ts uses.
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
  }
  export class Lunar {
    static fromYmd(year: number, month: number, day: number): Lunar;
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar | undefined>;
  }
}
