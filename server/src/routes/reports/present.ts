// The JSON view of a resolved report: the report (shared JSON form), the figures, the rule
// checks (with last year's report for X) and the links to every format and card.
import { toReportJson } from '@zwgk/shared';
import type { Config } from '../../config';
import { reportLinks } from '../../reports/links';
import { checked, previousReport, type ResolvedReport } from '../../reports/view';

export async function presentReport(r: ResolvedReport, config: Pick<Config, 'publicBaseUrl'>) {
  const previous = await previousReport(r.bodyId, r.year, r.edition === null);
  const { checks, ok, failures } = checked(r.data.report, previous);
  const { card: _card, ...links } = reportLinks(config.publicBaseUrl, r.bodyId, r.year, r.immutable ? r.edition?.n : undefined);
  return {
    bodyId: r.bodyId,
    year: r.year,
    status: r.status,
    edition: r.edition,
    editions: r.editions,
    fingerprint: r.fingerprint,
    computedAt: r.computedAt ? new Date(r.computedAt).toISOString() : null,
    report: toReportJson(r.data.report),
    figures: r.data.figures,
    warnings: r.data.warnings,
    checks,
    ok,
    failures,
    links,
  };
}
