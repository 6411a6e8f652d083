import { pagePaths, pageUrl } from './routes';

// app.config.ts calls the build-time global defineAppConfig; here it just returns its argument.
(globalThis as Record<string, unknown>).defineAppConfig = (config: unknown) => config;

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}

it('names exactly the pages declared in app.config.ts', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('./app.config') as { default: AppConfig }).default;
  const declared = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => `/${p}`);
  expect(Object.values(pagePaths).sort()).toEqual(declared.sort());
});

it('builds page URLs with encoded queries', () => {
  expect(pageUrl('thread', { id: 'Y2026-0001', from: '通知' })).toBe('/pages/thread/index?id=Y2026-0001&from=%E9%80%9A%E7%9F%A5');
  expect(pageUrl('home')).toBe('/pages/index/index');
});
