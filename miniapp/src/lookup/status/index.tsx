import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { lookupApi } from '../../api/citizen';
import { Card, PageShell, PrimaryButton, ProvisionalNote, StatusChip } from '../../components';
import { useData } from '../../hooks/use-data';
import { phaseTone, shortDate } from '../../requests/status';
import './index.css';

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <View className="lookup__row">
      <Text className="lookup__label">{label}</Text>
      <Text className="lookup__value">{value}</Text>
    </View>
  );
}

/** 查询办理状态: by 申请编号 + 查询码, without signing in — status and dates only, no personal data. */
export default function LookupStatusPage() {
  const params = useRouter().params;
  const [number, setNumber] = useState(params.number ?? '');
  const [code, setCode] = useState('');
  /** What was asked (a new object for every tap of 查询, so asking again looks again). */
  const [asked, setAsked] = useState<{ number: string; code: string }>();
  const [missing, setMissing] = useState<string>();
  const lookup = useData(() => lookupApi.find(asked!.number, asked!.code), [asked], {
    enabled: asked !== undefined,
    showAgain: false,
    pullDown: false,
    clearOnChange: true,
    fallback: '查询失败，请稍后重试',
  });
  const result = missing ? undefined : lookup.data;
  const error = missing ?? lookup.error;

  useEffect(() => {
    if (params.number) setNumber(params.number);
  }, [params.number]);

  const find = () => {
    if (!number.trim() || !code.trim()) return setMissing(!number.trim() ? '请填写申请编号' : '请填写查询码');
    setMissing(undefined);
    setAsked({ number: number.trim(), code: code.trim() });
  };

  return (
    <PageShell title="查询办理状态" subtitle="凭提交申请时得到的申请编号和查询码查询，无需登录">
      <Card>
        <Text className="lookup__field-label">申请编号</Text>
        <Input className="lookup__input" value={number} placeholder="如 PWZF-2026-000123" onInput={(e) => setNumber(e.detail.value)} />
        <Text className="lookup__field-label">查询码</Text>
        <Input className="lookup__input" value={code} placeholder="提交申请时显示的查询码" onInput={(e) => setCode(e.detail.value)} onConfirm={find} />
        {error ? <Text className="lookup__error">{error}</Text> : null}
        <PrimaryButton loading={lookup.loading} onClick={find}>
          查询
        </PrimaryButton>
      </Card>
      {result ? (
        <Card title={result.number} extra={<StatusChip label={result.stateLabel} tone={phaseTone(result.phase)} />} className="lookup__result">
          <Row label="受理机关" value={result.bodyName} />
          <Row label="提交日期" value={result.submittedOn && shortDate(result.submittedOn)} />
          <Row label="受理日期" value={result.receivedOn && shortDate(result.receivedOn)} />
          <Row label="答复期限" value={result.dueOn && `${shortDate(result.dueOn)}${result.extended ? '（已延长）' : ''}`} />
          <Row label="期限" value={result.deadlineLabel} />
          <ProvisionalNote note={result.provisionalNote} />
          <Row label="办结日期" value={result.concludedOn && shortDate(result.concludedOn)} />
          <Row label="答复结果" value={result.outcomeGroupLabel} />
          <Text className="lookup__note">查询结果不显示申请人信息和申请内容；登录后可在“我的申请”查看完整办理过程。</Text>
        </Card>
      ) : null}
    </PageShell>
  );
}
