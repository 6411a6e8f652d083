// Addresses of a report's formats, cards and share page (absolute, from config.publicBaseUrl,
// because they end up in link previews, QR codes and other sites).
import type { CardSize } from './cards/layouts';

export function reportLinks(base: string, bodyId: string, year: number, edition?: number) {
  const q = edition ? `?edition=${edition}` : '';
  const api = `${base}/api/reports/${encodeURIComponent(bodyId)}/${year}`;
  const card = (size: CardSize, format: 'png' | 'svg' = 'png') => `${base}/api/cards/${encodeURIComponent(bodyId)}/${year}/${size}.${format}${q}`;
  return {
    json: `${api}${q}`,
    txt: `${api}.txt${q}`,
    md: `${api}.md${q}`,
    html: `${api}.html${q}`,
    docx: `${api}.docx${q}`,
    share: `${base}/share/${encodeURIComponent(bodyId)}/${year}`,
    chat: card('chat'),
    moments: card('moments'),
    og: card('og'),
    poster: card('poster'),
    card,
  };
}

/** The mini-program page of a report's figures (miniapp/src/routes.ts `reportFigures`). */
export const MINIAPP_FIGURES_PAGE = 'report/figures/index';

export function appLinks(base: string, appId: string | undefined, bodyId: string, year: number): { h5: string; weapp: string | null } {
  const query = `body=${encodeURIComponent(bodyId)}&year=${year}`;
  return {
    // The H5 build uses hash routing under /app/ (miniapp/config/index.ts).
    h5: `${base}/app/#/${MINIAPP_FIGURES_PAGE}?${query}`,
    // WeChat's plain URL scheme (明文 URL Scheme); works once the page is enabled for it in the
    // mini-program's console.
    weapp: appId ? `weixin://dl/business/?appid=${encodeURIComponent(appId)}&path=${MINIAPP_FIGURES_PAGE}&query=${encodeURIComponent(query)}` : null,
  };
}
