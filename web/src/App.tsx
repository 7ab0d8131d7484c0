/**
 * The app: antd in Simplified Chinese, the session, and the route table. Routes are matched in order; each page
 * is a lazy chunk from ./pages/registry.ts.
 */
import {
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  GlobalOutlined,
  HomeOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Modal, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect, type ReactNode } from 'react';
import type { Role } from './api/types.js';
import LoginPage from './auth/LoginPage.js';
import { BUREAU_ROLES, homePath, roleAllowed, UNIT_ROLES } from './auth/roles.js';
import { SessionProvider, useSession } from './auth/session.js';
import AppLayout, { type MenuEntry } from './layout/AppLayout.js';
import { pages } from './pages/registry.js';
import type { LazyPage } from './pages/types.js';
import { paths } from './paths.js';
import { findRoute } from './router/match.js';
import { navigate, useLocation } from './router/router.js';
import { ErrorBoundary } from './layout/ErrorBoundary.js';

export interface AppRoute {
  /** pattern: '/unit/evaluations/:id' */
  path: string;
  page: LazyPage;
  /** zh-CN, the browser tab's title */
  title: string;
  /** roles that may open it; undefined = any logged-in user */
  roles?: readonly Role[];
  /** shown without login, without the app frame */
  public?: boolean;
  /** an entry in the header menu of the roles above */
  menu?: { key: string; label: string; icon?: ReactNode };
  /** the menu entry to highlight when this page is open (defaults to menu.key) */
  menuKey?: string;
  /** use the whole width, no padding */
  fullBleed?: boolean;
}

/** The route table (first match wins). */
export const routes: AppRoute[] = [
  // unit side
  {
    path: paths.unitHome,
    page: pages.unitHome,
    title: '工作台',
    roles: UNIT_ROLES,
    menu: { key: 'unitHome', label: '工作台', icon: <HomeOutlined /> },
  },
  {
    path: paths.unitImport,
    page: pages.unitImport,
    title: '导入报告',
    roles: UNIT_ROLES,
    menu: { key: 'unitImport', label: '导入报告', icon: <CloudUploadOutlined /> },
  },
  { path: paths.unitNew, page: pages.unitNew, title: '新建自评', roles: UNIT_ROLES, menuKey: 'unitHome' },
  {
    path: '/unit/evaluations/:id',
    page: pages.editor,
    title: '编辑自评',
    roles: UNIT_ROLES,
    menuKey: 'unitHome',
    fullBleed: true,
  },
  // bureau side
  {
    path: paths.bureauHome,
    page: pages.bureauDashboard,
    title: '看板',
    roles: BUREAU_ROLES,
    menu: { key: 'bureauHome', label: '看板', icon: <DashboardOutlined /> },
  },
  {
    path: paths.bureauEvaluations,
    page: pages.bureauEvaluations,
    title: '自评汇总',
    roles: BUREAU_ROLES,
    menu: { key: 'bureauEvaluations', label: '自评汇总', icon: <AuditOutlined /> },
  },
  {
    path: '/bureau/evaluations/:id',
    page: pages.bureauReview,
    title: '复核',
    roles: BUREAU_ROLES,
    menuKey: 'bureauEvaluations',
    fullBleed: true,
  },
  {
    path: paths.bureauTasks,
    page: pages.bureauTasks,
    title: '任务',
    roles: BUREAU_ROLES,
    menu: { key: 'bureauTasks', label: '任务', icon: <ScheduleOutlined /> },
  },
  // public
  { path: paths.publicResults, page: pages.publicResults, title: '绩效自评结果公开', public: true },
  { path: '/public/*', page: pages.publicResults, title: '绩效自评结果公开', public: true },
];

/** The header menu for a role, in route-table order. */
export function menuFor(role: Role): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const r of routes) {
    if (!r.menu || r.public || !roleAllowed(role, r.roles)) continue;
    out.push({ key: r.menu.key, label: r.menu.label, path: r.path, icon: r.menu.icon });
  }
  out.push({ key: 'public', label: '结果公开', path: paths.publicResults, icon: <GlobalOutlined /> });
  return out;
}

function Loading() {
  return (
    <div className="page-loading">
      <Spin size="large" />
    </div>
  );
}

function NotFound({ home }: { home: string }) {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的地址不存在或已变更。"
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          返回首页
        </Button>
      }
    />
  );
}

function Forbidden({ home }: { home: string }) {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色不能打开此页面。"
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          返回首页
        </Button>
      }
    />
  );
}

function Routed() {
  const { pathname } = useLocation();
  const { status, session } = useSession();
  const found = findRoute(routes, pathname);

  useEffect(() => {
    document.title = found ? `${found.route.title} · 预算绩效自评` : '预算绩效自评';
  }, [found]);

  // a redirect to the role's home from '/', '/login' and after login
  const home = session ? homePath(session.user.role) : null;
  const atEntry = pathname === '/' || pathname === paths.login;
  useEffect(() => {
    if (status === 'authenticated' && home && atEntry) navigate(home, { replace: true, force: true });
  }, [status, home, atEntry]);

  if (found?.route.public) {
    const Page = found.route.page;
    return (
      <ErrorBoundary key={pathname}>
        <Suspense fallback={<Loading />}>
          <Page params={found.params} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous' || !session) return <LoginPage />;
  if (atEntry) return <Loading />;

  const role = session.user.role;
  const menu = menuFor(role);
  const content = !found ? (
    <NotFound home={homePath(role)} />
  ) : !roleAllowed(role, found.route.roles) ? (
    <Forbidden home={homePath(role)} />
  ) : (
    <ErrorBoundary key={pathname}>
      <Suspense fallback={<Loading />}>
        <found.route.page params={found.params} />
      </Suspense>
    </ErrorBoundary>
  );
  return (
    <AppLayout
      menu={menu}
      selected={found?.route.menuKey ?? found?.route.menu?.key}
      fullBleed={!!found?.route.fullBleed && roleAllowed(role, found.route.roles)}
    >
      {content}
      {/* the session ran out while working: log in again over the page, keeping what was typed */}
      <Modal open={status === 'expired'} footer={null} closable={false} width={460} centered destroyOnHidden>
        <LoginPage expired />
      </Modal>
    </AppLayout>
  );
}

export default function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4, fontSize: 14 } }}
    >
      <AntApp>
        <SessionProvider>
          <Routed />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
