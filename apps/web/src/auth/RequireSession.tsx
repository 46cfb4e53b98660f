import { ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { restoreSession } from './session';
import { useSession } from './use-session';

let restoring: Promise<boolean> | null = null;

/** Pages behind the login: without a session, go to login and come back to this very address. */
export function RequireSession({ children }: { children: ReactNode }) {
  const s = useSession();
  const location = useLocation();
  useEffect(() => {
    if (s.status === 'unknown') restoring ??= restoreSession().finally(() => (restoring = null));
  }, [s.status]);
  if (s.status === 'unknown') return <PageLoading />;
  if (s.status === 'signed-out') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
