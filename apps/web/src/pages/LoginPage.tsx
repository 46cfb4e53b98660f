import { Alert, Button, Input } from 'antd';
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { login, restoreSession, SessionError } from '../auth/session';
import { useSession } from '../auth/use-session';
import { CareModeSwitch } from '../layout/CareModeSwitch';
import './login.css';

/** Only addresses inside the app: `next` comes from the URL and must not lead elsewhere. */
export function safeNext(next: string | null): string {
  // Without one, the start page of the user's role (routes.tsx HomeRedirect).
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function loginMessage(e: unknown): string {
  if (e instanceof SessionError) {
    if (e.status === 401) return '用户名或密码错误，请重新输入';
    if (e.status === 429) {
      const minutes = e.body.retryAfterSeconds ? Math.max(1, Math.ceil(e.body.retryAfterSeconds / 60)) : null;
      const locked = typeof e.body.message === 'string' && /failed logins/.test(e.body.message);
      return locked
        ? `密码错误次数过多，该账号已暂时锁定，请 ${minutes ?? 15} 分钟后再试`
        : '登录尝试过于频繁，请稍后再试';
    }
    if (e.status === 400) return '请输入用户名和密码';
    if (e.status >= 500) return '服务器暂时出错，请稍后再试';
  }
  return '无法连接服务器，请检查网络后再试';
}

type FieldProps = { id: string; status: 'error' | undefined; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };

/** A labelled field whose "missing" message is tied to the input for screen readers. */
function LoginField({ id, label, missing, message, children }: { id: string; label: string; missing?: boolean; message: string; children(props: FieldProps): ReactNode }) {
  return (
    <div className="login-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, status: missing ? 'error' : undefined, 'aria-invalid': missing, 'aria-describedby': missing ? `${id}-msg` : undefined })}
      {missing && (
        <div id={`${id}-msg`} className="login-msg">
          {message}
        </div>
      )}
    </div>
  );
}

export function LoginPage() {
  const s = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    if (s.status === 'unknown') void restoreSession();
  }, [s.status]);

  if (s.status === 'signed-in') return <Navigate to={next} replace />;

  // A plain form: the login page is the first load, so it stays free of the form library.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(loginMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page login">
      <div className="login-card">
        <h1 className="login-title">督办 · 登录</h1>
        <p className="login-sub">责任事项签收、进展报送与督办</p>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <LoginField id="login-username" label="用户名" missing={missing.username} message="请输入用户名">
            {(props) => <Input {...props} autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} />}
          </LoginField>
          <LoginField id="login-password" label="密码" missing={missing.password} message="请输入密码">
            {(props) => <Input.Password {...props} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />}
          </LoginField>
          <Button type="primary" htmlType="submit" block disabled={busy}>
            {busy ? '登录中…' : '登录'}
          </Button>
        </form>
        <div style={{ marginTop: 16 }}>
          <CareModeSwitch />
        </div>
      </div>
    </main>
  );
}
