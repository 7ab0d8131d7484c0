import { App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiRequestError, messageOf } from '../api/client.js';
import { useSession } from '../auth/session.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; other sessions of the user are ended by the server. */
export default function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changePassword } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      void message.success('密码已修改，其他设备上的登录已失效');
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiRequestError && e.issues.length > 0) {
        form.setFields(
          e.issues
            .filter((i) => i.path === 'currentPassword' || i.path === 'newPassword')
            .map((i) => ({ name: i.path as keyof PasswordForm, errors: [i.message] })),
        );
      } else {
        void message.error(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText="修改"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }]}
          extra="至少 8 位；不要与用户名相同"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, value: string) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
