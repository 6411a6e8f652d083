import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell, PrimaryButton } from '../../components';
import { replacePage } from '../../navigation';
import { signIn } from '../api/session';
import { TextField } from '../components/field';
import './index.css';

// Staff sign-in (username + password; the server locks an account for 15 minutes after 5
// failures and answers unknown users and wrong passwords alike).
export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!username.trim() || !password) return setError('请输入用户名和密码');
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
      replacePage('staffInbox');
    } catch (err) {
      setError(err instanceof Error ? err.message : '登录失败，请重试');
      setBusy(false);
    }
  };

  return (
    <PageShell title="工作人员登录" subtitle="政府信息公开工作机构 · 依申请公开办理" className="staff-login">
      <View className="staff-login__form">
        <TextField name="username" label="用户名" value={username} onChange={setUsername} placeholder="请输入用户名" />
        <TextField name="password" label="密码" value={password} password onChange={setPassword} placeholder="请输入密码" />
        {error ? <Text className="staff-login__error">{error}</Text> : null}
        <PrimaryButton loading={busy} onClick={() => void submit()}>
          登录
        </PrimaryButton>
      </View>
      <Text className="staff-login__note">账号由本机关管理员开通。连续5次密码错误将锁定15分钟。</Text>
    </PageShell>
  );
}
