// miniprogram-exparser (the component framework inside miniprogram-simulate) ships no types;
// only the part the harness uses is declared.
declare module 'miniprogram-exparser' {
  const exparser: {
    Event: {
      create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
      dispatchEvent(target: unknown, event: unknown): void;
    };
  };
  export default exparser;
}
