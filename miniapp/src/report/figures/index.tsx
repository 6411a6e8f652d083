import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useBodies } from '../../api/bodies';
import { EmptyState, PageShell, PrimaryButton } from '../../components';
import { BodyPicker } from '../../components/body-picker';
import { openPage } from '../../navigation';
import { DEFAULT_BODY, reportYears, shareInfo, useReport } from '../lib/data';
import { Highlights } from '../lib/highlights';
import { useReportShare } from '../lib/share-hooks';
import { Section2Table, Section4Table, Table3 } from '../lib/tables';
import './index.css';

const statusText = { published: '已发布', imported: '已发布（历史报告）', draft: '草稿' } as const;

/**
 * 本县政务公开数据: a body's annual report for a year — the headline figures and the full tables,
 * from the server — with sharing. A shared path (?body=&year=) opens the same figures.
 */
export default function ReportFiguresPage() {
  const params = useRouter().params;
  const [bodyId, setBodyId] = useState(params.body || DEFAULT_BODY);
  const [year, setYear] = useState<number | undefined>(params.year ? Number(params.year) : undefined);
  const [picking, setPicking] = useState(false);
  const { bodies } = useBodies();
  const report = useReport(bodyId, year);
  const bodyName = bodies.find((b) => b.id === bodyId)?.name ?? report.view?.report.body ?? '';
  const info = report.view ? shareInfo(report.view, bodyName) : undefined;
  useReportShare(info);

  const years = reportYears();
  const yearLabels = years.map((y) => `${y}年度`);
  return (
    <PageShell title="本县政务公开数据" subtitle="来自各机关政府信息公开工作年度报告">
      <View className="figures__picker">
        <View className="figures__body" onClick={() => setPicking(!picking)}>
          <Text className="figures__body-name">{bodyName || '选择机关'}</Text>
          <Text className="figures__change">{picking ? '收起' : '切换机关'}</Text>
        </View>
        {picking ? (
          <BodyPicker
            bodies={bodies}
            value={bodyId}
            onPick={(b) => {
              setBodyId(b.id);
              setPicking(false);
            }}
          />
        ) : null}
        <Picker mode="selector" range={yearLabels} value={Math.max(0, years.indexOf(report.year ?? years[0]!))} onChange={(e) => setYear(years[Number(e.detail.value)])}>
          <View className="figures__body figures__year">
            <Text className="figures__body-name">{report.year ? `${report.year}年度` : '选择年度'}</Text>
            <Text className="figures__change">切换年度</Text>
          </View>
        </Picker>
      </View>

      {report.loading ? <Text className="figures__loading">正在加载…</Text> : null}
      {!report.loading && report.error ? <EmptyState title={`${report.year ?? ''}年度报告暂无数据`} description={report.error} /> : null}
      {report.view ? (
        <View>
          <Text className="figures__status">{`${report.view.report.body ?? bodyName} · ${statusText[report.view.status]}${report.view.edition?.kind === 'correction' ? '（已更正）' : ''}`}</Text>
          <Highlights view={report.view} />
          <PrimaryButton variant="secondary" onClick={() => openPage('reportShare', { body: report.view!.bodyId, year: String(report.view!.year) })}>
            分享数据卡片
          </PrimaryButton>
          <Table3 report={report.view.report} />
          <Section4Table report={report.view.report} />
          <Section2Table report={report.view.report} />
        </View>
      ) : null}
    </PageShell>
  );
}
