import { AppstoreOutlined, BellOutlined, LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { RoleNav } from './RoleNav';
import { Button } from 'antd';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { logout } from '../auth/session';
import { useSession } from '../auth/use-session';
import { useUnreadCount } from '../features/inbox/inbox-queries';
import { label, USER_ROLE } from '../lib/labels';
import { CareModeSwitch } from './CareModeSwitch';
import './layout.css';

/** The header on every page: 工作台, 消息中心 with the unread count, 个人设置, 关怀模式, logout. */
export function AppLayout() {
  const { user } = useSession();
  const unread = useUnreadCount();
  const navigate = useNavigate();
  const count = unread.data ?? 0;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/workbench" className="app-brand">
            督办
          </Link>
          <nav aria-label="主导航" className="app-nav">
            <NavLink to="/workbench" className="app-nav-link">
              <AppstoreOutlined aria-hidden /> <span>工作台</span>
            </NavLink>
            <RoleNav roles={user?.roles ?? []} />
            <NavLink to="/inbox" className="app-nav-link" aria-label={`消息中心，${count} 条未读`}>
              <BellOutlined aria-hidden /> <span>消息中心</span>
              {count > 0 && (
                <span className="app-count" aria-hidden>
                  {count > 99 ? '99+' : count}
                </span>
              )}
            </NavLink>
            <NavLink to="/settings" className="app-nav-link">
              <SettingOutlined aria-hidden /> <span>个人设置</span>
            </NavLink>
          </nav>
          <div className="app-header-tools">
            <CareModeSwitch />
            <span className="app-user">
              {user?.displayName}
              <span className="app-user-role">（{user?.roles.map((r) => label(USER_ROLE, r)).join('、')}）</span>
            </span>
            <Button
              className="app-logout"
              aria-label="退出登录"
              icon={<LogoutOutlined aria-hidden />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              <span className="app-logout-text">退出登录</span>
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </div>
  );
}
