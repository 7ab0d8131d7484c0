import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { Link } from '../router/router.js';
import { useSession } from './session.js';

interface LoginForm {
  username: string;
  password: string;
}

/** The login screen; after login the app shows the page asked for (or the role's home). */
export default function LoginPage({ expired = false }: { expired?: boolean }) {
  const { login, error: startupError } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const card = (
    <Card className="login-card" variant="borderless">
      <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
        预算绩效自评系统
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        部门整体支出绩效自评 · 填报、核查、审核、复核
      </Typography.Paragraph>
      {expired && (
        <Alert
          type="warning"
          showIcon
          message="登录已过期，请重新登录。未保存的修改仍保留在页面中。"
          style={{ marginBottom: 16 }}
        />
      )}
      {startupError && !error && <Alert type="error" showIcon message={startupError} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          登录
        </Button>
      </Form>
      {!expired && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/public">查看已公开的绩效自评结果</Link>
        </div>
      )}
    </Card>
  );
  // inside the "session expired" dialog: the card alone
  return expired ? card : <div className="login-screen">{card}</div>;
}
