/** Create a blank evaluation (year, kind, project name) and open it in the editor. */
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../../api/client.js';
import type { EvaluationKind, EvaluationView } from '../../api/types.js';
import { paths } from '../../paths.js';
import { navigate, useQuery } from '../../router/router.js';
import type { PageProps } from '../types.js';

interface NewForm {
  year: number;
  kind: EvaluationKind;
  projectName?: string;
}

export default function NewEvaluationPage(_props: PageProps) {
  const query = useQuery();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<NewForm>();
  const kind = Form.useWatch('kind', form);
  const defaultYear = Number(query['year']) || new Date().getFullYear() - 1;

  const submit = async (v: NewForm) => {
    setBusy(true);
    setError(null);
    try {
      const view = await api.post<EvaluationView>('/api/evaluations', {
        year: v.year,
        kind: v.kind,
        ...(v.kind === 'project' && v.projectName ? { projectName: v.projectName.trim() } : {}),
      });
      navigate(paths.editor(view.evaluation.id), { replace: true });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <Typography.Title level={3}>新建绩效自评</Typography.Title>
      <Card>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<NewForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ year: defaultYear, kind: query['kind'] === 'project' ? 'project' : 'department' }}
        >
          <Form.Item
            name="year"
            label="评价年度"
            rules={[{ required: true, message: '请填写评价年度' }]}
            extra="评价的是哪一年的支出，一般为上一年度"
          >
            <InputNumber min={1990} max={2100} precision={0} style={{ width: 160 }} suffix="年" />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Radio.Group>
              <Radio.Button value="department">部门整体支出</Radio.Button>
              <Radio.Button value="project">项目支出</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'project' && (
            <Form.Item
              name="projectName"
              label="项目名称"
              rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            创建并开始填写
          </Button>
          <Button style={{ marginLeft: 8 }} onClick={() => navigate(paths.unitImport)}>
            改为导入已有报告
          </Button>
        </Form>
      </Card>
    </div>
  );
}
