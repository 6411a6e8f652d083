// Paths the server gives as '/api/…' (attachment downloads, share cards) as URLs this build can
// open: relative on H5 (same origin), absolute on weapp (the configured API origin).
export function apiOrigin(base: string = API_BASE_URL): string {
  const m = /^(https?:\/\/[^/]+)/.exec(base);
  return m ? m[1]! : '';
}

export function absoluteUrl(path: string, base: string = API_BASE_URL): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${apiOrigin(base)}${path.startsWith('/') ? path : `/${path}`}`;
}
