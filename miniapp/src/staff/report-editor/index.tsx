import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { documentColumnLabelList, section2Labels, type Cell, type Narrative } from '@zwgk/shared';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { Card, cx, EmptyState, OptionChips, PageShell, PrimaryButton, StatusChip } from '../../components';
import { errorMessage, useData } from '../../hooks/use-data';
import { mayEditReport, mayPublishReport } from '../api/profile';
import type { ReportEditorView, ReportInputsView, Section2Inputs } from '@zwgk/shared';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { TextField } from '../components/field';
import { Table3, Table4 } from '../components/report-tables';
import { todayLegal } from '../lib/format';
import { failingCells, previewFailures, previewReport, substituteTokens } from '../lib/report-preview';
import './index.css';

type SingleKey = 'licensing' | 'punishment' | 'coercion' | 'fees_wan_yuan';
const singles: SingleKey[] = ['licensing', 'punishment', 'coercion', 'fees_wan_yuan'];
const narrativeSections: Array<{ key: keyof Narrative; title: string }> = [
  { key: 'section1', title: '一、总体情况' },
  { key: 'section5', title: '五、存在的主要问题及改进情况' },
  { key: 'section6', title: '六、其他需要报告的事项' },
];

const toCell = (v: string): Cell => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c));

// The annual report editor (条例 Art. 49–50; format of 国办公开办函〔2021〕30号): section 二 inputs,
// the narrative sections 一/五/六 quoting figures through {{tokens}}, a live preview of tables
// 三/四 (computed from the records, never typed) with every rule violation highlighted, publish.
export default function StaffReportEditorPage() {
  const profile = useStaffProfile();
  const today = todayLegal();
  const thisYear = Number(today.slice(0, 4));
  // Reports are published by 31 January for the year before: early in a year, that year is the default.
  const [year, setYear] = useState(Number(today.slice(5, 7)) <= 3 ? thisYear - 1 : thisYear);
  const [busy, setBusy] = useState<'save' | 'publish'>();
  const [actionError, setActionError] = useState<string>();
  const [showFigures, setShowFigures] = useState(false);
  const bodyId = profile?.body.id;

  // Not re-read when shown again or on live events: that would throw away what is being typed.
  const report = useData(
    async (): Promise<{ view: ReportEditorView; inputs: ReportInputsView }> => {
      const [view, inputs] = await Promise.all([staffEndpoints.report(bodyId!, year), staffEndpoints.reportInputs(bodyId!, year)]);
      return { view, inputs };
    },
    [bodyId, year],
    { enabled: bodyId !== undefined && profile !== undefined && mayEditReport(profile), showAgain: false, pullDown: false, clearOnChange: true, fallback: '加载失败' },
  );
  const view = report.data?.view;
  /** The inputs as typed here since the last load; undefined = as loaded. */
  const [edited, setEdited] = useState<ReportInputsView>();
  useEffect(() => setEdited(undefined), [report.data]);
  const inputs = edited ?? report.data?.inputs;
  const dirty = edited !== undefined;
  const error = actionError ?? report.error;
  const load = async () => {
    setActionError(undefined);
    await report.reload();
  };

  const preview = useMemo(() => (view && inputs ? previewReport(view.report, inputs, view.figures) : undefined), [view, inputs]);
  const failures = useMemo(() => (preview && view ? previewFailures(preview, view.failures) : []), [preview, view]);
  const failing = useMemo(() => failingCells(failures), [failures]);

  if (profile && !mayEditReport(profile)) {
    return (
      <PageShell title="年度报告">
        <EmptyState title="年度报告由公开工作机构编写和发布" />
      </PageShell>
    );
  }

  const published = view?.status === 'published';
  const change = (patch: (i: ReportInputsView) => ReportInputsView) => setEdited((e) => (e ?? report.data?.inputs) && patch((e ?? report.data?.inputs)!));
  const setSection2 = (patch: Partial<Section2Inputs>) => change((i) => ({ ...i, section2: { ...i.section2, ...patch } }));
  const setNarrative = (key: keyof Narrative, text: string) => change((i) => ({ ...i, narrative: { ...i.narrative, [key]: text } }));

  const save = async () => {
    if (!bodyId || !inputs) return;
    setBusy('save');
    try {
      await staffEndpoints.saveReportInputs(bodyId, year, inputs);
      await load();
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const msg = err instanceof ApiError && err.code === 'VERSION_CONFLICT' ? '报告已被他人修改，请重新载入后再编辑' : errorMessage(err, '保存失败');
      setActionError(msg);
    } finally {
      setBusy(undefined);
    }
  };

  const publish = async () => {
    if (!bodyId || !view) return;
    const ok = await Taro.showModal({ title: `发布${year}年度报告`, content: '发布后本年度报告及其分享卡片将固定，之后的修改将作为更正版本另行发布。确定发布？' });
    if (!ok.confirm) return;
    setBusy('publish');
    try {
      await staffEndpoints.publishReport(bodyId, year, view.fingerprint);
      await load();
      void Taro.showToast({ title: '已发布', icon: 'success' });
    } catch (err) {
      setActionError(errorMessage(err, '发布失败'));
    } finally {
      setBusy(undefined);
    }
  };

  const years = [0, 1, 2, 3, 4].map((back) => ({ value: String(thisYear - back), label: `${thisYear - back}年度` }));

  return (
    <PageShell title="年度报告" subtitle={profile ? `${profile.body.name}政府信息公开工作年度报告` : undefined} className="staff-report">
      <OptionChips options={years} value={String(year)} onChange={(v) => {
          setYear(Number(v));
          setActionError(undefined);
        }} />
      {error ? <Text className="staff-report__error">{error}</Text> : null}
      {!view || !inputs || !preview ? (
        <Text className="staff-report__loading">{error ? '' : '正在按办理记录计算报告…'}</Text>
      ) : (
        <>
          <View className="staff-report__status">
            <StatusChip label={published ? '已发布' : view.status === 'imported' ? '已导入' : '草稿'} tone={published ? 'done' : 'progress'} />
            <Text className={cx('staff-report__rules', failures.length > 0 && 'staff-report__rules--bad')}>{failures.length === 0 ? '勾稽关系全部通过' : `${failures.length} 处不符合勾稽关系或规则`}</Text>
          </View>
          {failures.length > 0 ? (
            <Card title="需要处理的问题">
              {failures.map((f, i) => (
                <Text key={i} className="staff-report__failure">
                  {f.message}
                </Text>
              ))}
            </Card>
          ) : null}
          {view.warnings.length > 0 ? (
            <Card title="提示">
              {view.warnings.map((w, i) => (
                <Text key={i} className="staff-report__warning">
                  {w}
                </Text>
              ))}
            </Card>
          ) : null}

          <Card title="二、主动公开政府信息情况（需填写的数据）">
            {(['rules', 'normative_docs'] as const).map((key) => {
              const derived = inputs.section2[key] === null;
              const values = inputs.section2[key] ?? preview.section2[key];
              return (
                <View key={key} className="staff-report__block">
                  <View className="staff-report__block-head">
                    <Text className="staff-report__block-title">{section2Labels[key]}</Text>
                    <Text className="staff-report__toggle" onClick={() => setSection2({ [key]: derived ? [...preview.section2[key]] : null })}>
                      {derived ? '按已发布内容统计（点此改为手填）' : '手填（点此改为按已发布内容统计）'}
                    </Text>
                  </View>
                  <View className="staff-report__triple">
                    {documentColumnLabelList.map((label, i) =>
                      derived ? (
                        <View key={label} className="staff-report__derived">
                          <Text className="st-field__label">{label}</Text>
                          <Text className={cx('staff-report__derived-value', failing.has(`section2:${key}:${['issued', 'abolished', 'in_force'][i]}`) && 'staff-report__derived-value--bad')}>{cellText(values[i])}</Text>
                        </View>
                      ) : (
                        <TextField
                          key={label}
                          name={`${key}-${i}`}
                          label={label}
                          type="number"
                          value={cellText(values[i])}
                          onChange={(v) => setSection2({ [key]: values.map((x, j) => (j === i ? toCell(v) : x)) })}
                        />
                      ),
                    )}
                  </View>
                </View>
              );
            })}
            {singles.map((key) => (
              <TextField
                key={key}
                name={key}
                label={`${section2Labels[key]}${key === 'fees_wan_yuan' ? '（本年收费金额，万元）' : '（本年处理决定数量）'}`}
                type={key === 'fees_wan_yuan' ? 'digit' : 'number'}
                value={cellText(inputs.section2[key])}
                onChange={(v) => setSection2({ [key]: toCell(v) })}
              />
            ))}
          </Card>

          <Card title="正文可引用的数据">
            <Text className="staff-report__label">在正文中写入 {'{{'}数据项{'}}'}，发布时替换为数据，数字与表格始终一致。</Text>
            <Text className="staff-report__toggle" onClick={() => setShowFigures(!showFigures)}>
              {showFigures ? '收起' : `查看全部${inputs.figures.length}项数据`}
            </Text>
            {(showFigures ? inputs.figures : []).map((f) => (
              <View key={f.key} className="staff-report__figure">
                <Text className="staff-report__token">{f.token}</Text>
                <Text className="staff-report__figure-label">{`${f.label}：${f.value ?? '—'}`}</Text>
              </View>
            ))}
          </Card>

          {narrativeSections.map(({ key, title }) => (
            <Card key={key} title={title}>
              <TextField name={`narrative-${key}`} label="正文（可用 {{requests.new}} 等引用数据，发布时自动替换为表中数字）" value={inputs.narrative[key] ?? ''} multiline onChange={(v) => setNarrative(key, v)} />
              <Text className="staff-report__label">预览</Text>
              <Text className="staff-report__preview">{substituteTokens(inputs.narrative[key] ?? '', view.figures, { body: view.report.body ?? '', year })}</Text>
            </Card>
          ))}

          <Card title="三、收到和处理政府信息公开申请情况（由办理记录生成）">
            <Table3 report={preview} failing={failing} />
          </Card>
          <Card title="四、政府信息公开行政复议、行政诉讼情况（由办理记录生成）">
            <Table4 report={preview} failing={failing} />
          </Card>

          <PrimaryButton variant="secondary" loading={busy === 'save'} disabled={!dirty} onClick={() => void save()}>
            保存
          </PrimaryButton>
          {profile && mayPublishReport(profile) ? (
            <>
              <PrimaryButton loading={busy === 'publish'} disabled={dirty || failures.length > 0} onClick={() => void publish()}>
                {published ? '发布更正版本' : '发布年度报告'}
              </PrimaryButton>
              {dirty ? <Text className="staff-report__hint">请先保存修改，再发布。</Text> : failures.length > 0 ? <Text className="staff-report__hint">存在不符合规则的数据，处理后才能发布。</Text> : null}
            </>
          ) : (
            <Text className="staff-report__hint">发布由公开工作机构负责人（审核人）或管理员进行。</Text>
          )}
        </>
      )}
    </PageShell>
  );
}
