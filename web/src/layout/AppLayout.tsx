/**
 * The frame of every logged-in page: a header with the app's name, the role's menu, the organisation and a user
 * menu (change password, log out); the page below.
 */
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Dropdown, Layout, Menu, Space, Tag, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/client.js';
import { ROLE_LABELS } from '../api/types.js';
import { useRequiredSession, useSession } from '../auth/session.js';
import { homePath } from '../auth/roles.js';
import { navigate } from '../router/router.js';
import PasswordDialog from './PasswordDialog.js';

export interface MenuEntry {
  key: string;
  label: string;
  path: string;
  icon?: ReactNode;
}

export default function AppLayout({
  menu,
  selected,
  fullBleed = false,
  children,
}: {
  menu: MenuEntry[];
  selected: string | undefined;
  /** no padding around the page (the editor uses the whole width) */
  fullBleed?: boolean;
  children: ReactNode;
}) {
  const session = useRequiredSession();
  const { logout } = useSession();
  const { message } = AntApp.useApp();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') {
      logout()
        .then(() => navigate('/login', { replace: true, force: true }))
        .catch((e: unknown) => void message.error(messageOf(e)));
    }
  };

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <a
          className="app-brand"
          href={homePath(session.user.role)}
          onClick={(e) => {
            e.preventDefault();
            navigate(homePath(session.user.role));
          }}
        >
          预算绩效自评
        </a>
        <Menu
          className="app-menu"
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={menu.map((m) => ({ key: m.key, label: m.label, icon: m.icon }))}
          onClick={({ key }) => {
            const entry = menu.find((m) => m.key === key);
            if (entry) navigate(entry.path);
          }}
        />
        <Space className="app-user" size={12}>
          {session.organisation && <span className="app-org">{session.organisation.name}</span>}
          <Tag color="blue" bordered={false}>
            {ROLE_LABELS[session.user.role]}
          </Tag>
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
            <a className="app-user-button" onClick={(e) => e.preventDefault()} href="#user">
              <UserOutlined /> {session.user.displayName} <DownOutlined />
            </a>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout.Content className={fullBleed ? 'app-content app-content-bleed' : 'app-content'}>
        {children}
      </Layout.Content>
      <PasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
