// The part of madge's API the import-cycle test uses (the package ships no types).
declare module 'madge' {
  interface MadgeResult {
    /** Each cycle as the files on it, relative to the scanned folder. */
    circular(): string[][];
  }
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    excludeRegExp?: RegExp[];
  }
  function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
  export default madge;
}
