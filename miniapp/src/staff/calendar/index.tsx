import { Text, View } from '@tarojs/components';
import { calendarFromPublished, parseHolidayNotice, type PublishedCalendar } from '@zwgk/shared';
import { useMemo, useState } from 'react';
import { acceptPublishedCalendar } from '../../api/calendar';
import { Card, cx, EmptyState, OptionChips, PageShell, PrimaryButton, StatusChip } from '../../components';
import { errorMessage, useData } from '../../hooks/use-data';
import { mayKeepCalendar } from '../api/profile';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { TextField } from '../components/field';
import { todayLegal } from '../lib/format';
import { runLabel, sourceLabels, specialRuns } from './days';
import './index.css';

const EXAMPLE = '一、元旦：1月1日（周五）放假1天，不调休。\n二、春节：2月5日（农历除夕）至12日放假调休，共8天。2月20日（周六）上班。';

// 节假日安排 for the county-wide administrator: a year's days off and make-up working days as every
// deadline counts them, and the State Council's notice for the year entered by pasting its lines —
// read and checked here as typed, saved only when every line is understood.
export default function StaffCalendarPage() {
  const profile = useStaffProfile();
  const today = todayLegal();
  const thisYear = Number(today.slice(0, 4));
  // From November the next year's notice is the one to enter.
  const [year, setYear] = useState(Number(today.slice(5, 7)) >= 11 ? thisYear + 1 : thisYear);
  const {
    data: published,
    error: loadError,
    set: setPublished,
  } = useData(() => staffEndpoints.calendar(), [], { enabled: profile !== undefined && mayKeepCalendar(profile), audience: 'staff', fallback: '加载失败，请下拉重试' });
  const [actionError, setActionError] = useState<string>();
  const error = actionError ?? loadError;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();

  const calendar = useMemo(() => (published ? calendarFromPublished(published) : undefined), [published]);
  const runs = useMemo(() => (calendar && published ? specialRuns(calendar, published, year) : []), [calendar, published, year]);
  const parsed = useMemo(() => (text.trim() ? parseHolidayNotice(text, year) : undefined), [text, year]);

  if (profile && !mayKeepCalendar(profile)) {
    return (
      <PageShell title="节假日安排">
        <EmptyState title="节假日安排由县级管理员维护" description="全县各机关的答复期限按同一份节假日安排计算。" />
      </PageShell>
    );
  }

  const accept = (next: PublishedCalendar, message: string) => {
    acceptPublishedCalendar(next);
    setPublished(next);
    setSaved(message);
  };

  const enter = async () => {
    if (!parsed || parsed.problems.length > 0) return;
    setBusy(true);
    setActionError(undefined);
    try {
      accept(await staffEndpoints.enterHolidayNotice(year, text), `已录入${year}年放假调休安排，各申请的期限已按新安排计算。`);
      setText('');
    } catch (err) {
      setActionError(errorMessage(err, '录入失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const takeBack = async (dates: string[]) => {
    setBusy(true);
    setActionError(undefined);
    try {
      let next = published;
      for (const date of dates) next = await staffEndpoints.removeCalendarOverride(date);
      if (next) accept(next, '已撤销本县录入的日期。');
    } catch (err) {
      setActionError(errorMessage(err, '撤销失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const confirmed = published?.knownYears.includes(year) ?? false;
  const offDays = parsed?.days.filter((d) => d.kind === 'off').length ?? 0;
  const workDays = parsed?.days.filter((d) => d.kind === 'work').length ?? 0;

  return (
    <PageShell title="节假日安排" subtitle="全县各机关的答复期限都按此计算" className="staff-cal">
      <OptionChips
        options={[thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))}
        value={String(year)}
        onChange={(v) => {
          setYear(Number(v));
          setSaved(undefined);
        }}
      />
      {error ? <Text className="staff-cal__error">{error}</Text> : null}
      {saved ? <Text className="staff-cal__saved">{saved}</Text> : null}
      {!published ? (
        <Text className="staff-cal__loading">正在加载…</Text>
      ) : (
        <>
          <Card title={`${year}年`} extra={<StatusChip label={confirmed ? '已录入' : '调休安排未公布'} tone={confirmed ? 'done' : 'waiting'} />}>
            <Text className="staff-cal__status">
              {confirmed
                ? `${year}年的放假和调休上班日期已录入，期限按此计算。`
                : `${year}年的国务院办公厅通知尚未录入：期限暂按法定节假日计算，调休上班日未计入，相关期限旁会注明。`}
            </Text>
            {runs.map((run) => (
              <View key={run.from} className={cx('staff-cal__run', run.kind === 'work' && 'staff-cal__run--work')}>
                <View className="staff-cal__run-main">
                  <View className="staff-cal__run-head">
                    <Text className="staff-cal__run-name">{run.kind === 'off' ? run.name : `${run.name}调休`}</Text>
                    <Text className="staff-cal__run-source">{sourceLabels[run.source]}</Text>
                  </View>
                  <Text className="staff-cal__run-when">{runLabel(run)}</Text>
                </View>
                {run.entered.length > 0 ? (
                  <Text className="staff-cal__link" onClick={() => !busy && void takeBack(run.entered)}>
                    撤销
                  </Text>
                ) : null}
              </View>
            ))}
          </Card>

          <Card title={`录入${year}年放假安排通知`}>
            <TextField
              name="notice"
              label="粘贴通知中的各条安排"
              hint="每条一行，如“二、春节：……放假调休，共8天。……上班。”通知的开头和结尾可一并粘贴，只读取各条安排。"
              value={text}
              multiline
              placeholder={EXAMPLE}
              onChange={(v) => {
                setText(v);
                setSaved(undefined);
              }}
            />
            {parsed && parsed.problems.length > 0 ? (
              <View className="staff-cal__problems">
                {parsed.problems.map((p, i) => (
                  <Text key={i} className="staff-cal__problem">
                    {p.message}
                  </Text>
                ))}
              </View>
            ) : null}
            {parsed && parsed.problems.length === 0 ? <Text className="staff-cal__preview">{`将录入放假${offDays}天、调休上班${workDays}天。`}</Text> : null}
            <PrimaryButton disabled={!parsed || parsed.problems.length > 0} loading={busy} onClick={() => void enter()}>
              {`录入${year}年安排`}
            </PrimaryButton>
          </Card>
        </>
      )}
    </PageShell>
  );
}
