import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useBodies } from '../../api/bodies';
import { EmptyState, PageShell } from '../../components';
import { DEFAULT_BODY, shareInfo, useReport } from '../lib/data';
import { useReportShare } from '../lib/share-hooks';
import { SharePanel } from '../lib/share-panel';

/** The share card of a body's year: to a chat, to Moments, as a poster (weapp) or a link (H5). */
export default function ReportSharePage() {
  const params = useRouter().params;
  const bodyId = params.body || DEFAULT_BODY;
  const { bodies } = useBodies();
  const report = useReport(bodyId, params.year ? Number(params.year) : undefined);
  const bodyName = bodies.find((b) => b.id === bodyId)?.name ?? report.view?.report.body ?? '';
  const info = report.view ? shareInfo(report.view, bodyName) : undefined;
  useReportShare(info);
  return (
    <PageShell title="分享数据卡片" subtitle={info?.title}>
      {report.loading ? <Text>正在加载…</Text> : null}
      {!report.loading && report.error ? <EmptyState title="暂无可分享的数据" description={report.error} /> : null}
      {info ? <SharePanel info={info} /> : null}
    </PageShell>
  );
}
