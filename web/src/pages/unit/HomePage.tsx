/**
 * The unit's home: tasks from the finance bureau with their deadlines, the unit's evaluations and their states,
 * and (for the unit approver) what waits for approval.
 */
import { CloudUploadOutlined, FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api/client.js';
import { KIND_LABELS, type EvaluationListItem, type EvaluationState, type Page, type Task } from '../../api/types.js';
import { useRequiredSession, useSession } from '../../auth/session.js';
import { daysUntil, formatDate, formatDateTime, formatScore } from '../../components/format.js';
import { StateTag } from '../../components/StateTag.js';
import { paths } from '../../paths.js';
import { Link, navigate } from '../../router/router.js';
import type { PageProps } from '../types.js';

const HANDED_IN: readonly EvaluationState[] = ['submitted', 'unitApproved', 'accepted', 'published'];

function DeadlineTag({ deadline, done }: { deadline: string; done: boolean }) {
  if (done) return <Tag color="success">已报送</Tag>;
  const d = daysUntil(deadline);
  if (d < 0) return <Tag color="error">已逾期 {-d} 天</Tag>;
  if (d === 0) return <Tag color="error">今天截止</Tag>;
  if (d <= 7) return <Tag color="warning">剩 {d} 天</Tag>;
  return <Tag>剩 {d} 天</Tag>;
}

export default function HomePage(_props: PageProps) {
  const session = useRequiredSession();
  const { can } = useSession();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [evaluations, setEvaluations] = useState<EvaluationListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [t, e] = await Promise.all([
        api.get<{ items: Task[] }>('/api/tasks'),
        api.get<Page<EvaluationListItem>>('/api/evaluations', {
          query: { sort: 'updatedAt', direction: 'desc', limit: 200 },
        }),
      ]);
      setTasks(t.items);
      setEvaluations(e.items);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const isApprover = session.user.role === 'unitApprover';
  const counts = useMemo(() => {
    const c = { draft: 0, submitted: 0, returned: 0, handedIn: 0 };
    for (const e of evaluations ?? []) {
      if (e.state === 'draft') c.draft++;
      if (e.state === 'submitted') c.submitted++;
      if (e.state === 'returned') c.returned++;
      if (HANDED_IN.includes(e.state) && e.state !== 'submitted') c.handedIn++;
    }
    return c;
  }, [evaluations]);

  const waiting = useMemo(() => (evaluations ?? []).filter((e) => e.state === 'submitted'), [evaluations]);
  const returned = useMemo(() => (evaluations ?? []).filter((e) => e.state === 'returned'), [evaluations]);

  const columns: ColumnsType<EvaluationListItem> = [
    {
      title: '自评',
      key: 'name',
      render: (_, r) => (
        <Link to={paths.editor(r.id)}>
          {r.year}年 {r.kind === 'project' ? `${r.projectName ?? ''}（项目支出）` : KIND_LABELS[r.kind]}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'state', width: 110, render: (s: EvaluationState) => <StateTag state={s} /> },
    {
      title: '重算得分',
      dataIndex: 'totalRecomputed',
      width: 100,
      align: 'right',
      render: (v: string | null, r) => (
        <span className="num">
          {formatScore(v)}
          {r.grade ? `（${r.grade}）` : ''}
        </span>
      ),
    },
    {
      title: '自评得分',
      dataIndex: 'totalSelf',
      width: 90,
      align: 'right',
      render: (v: string | null) => <span className="num">{formatScore(v)}</span>,
    },
    {
      title: '核查',
      key: 'findings',
      width: 150,
      render: (_, r) =>
        r.errors + r.warnings === 0 ? (
          <Tag color="success">未发现问题</Tag>
        ) : (
          <Space size={4}>
            {r.errors > 0 && <Tag color="error">错误 {r.errors}</Tag>}
            {r.warnings > 0 && <Tag color="warning">警告 {r.warnings}</Tag>}
          </Space>
        ),
    },
    { title: '版本', dataIndex: 'currentVersion', width: 64, align: 'right', render: (v: number) => `第${v}版` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  const evaluationFor = (t: Task) => (evaluations ?? []).find((e) => e.year === t.year && e.kind === t.kind);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            工作台
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.organisation?.name ?? ''} · {session.user.displayName}
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
          {can('evaluation.import') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => navigate(paths.unitImport)}>
              导入报告
            </Button>
          )}
          {can('evaluation.create') && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate(paths.unitNew)}>
              新建自评
            </Button>
          )}
        </Space>
      </div>

      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}

      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="草稿" value={counts.draft} loading={!evaluations} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={isApprover ? '待我审核' : '待单位审核'}
              value={counts.submitted}
              loading={!evaluations}
              valueStyle={counts.submitted && isApprover ? { color: '#1f5fbf' } : undefined}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="被退回"
              value={counts.returned}
              loading={!evaluations}
              valueStyle={counts.returned ? { color: '#d4380d' } : undefined}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="已报送财政" value={counts.handedIn} loading={!evaluations} />
          </Card>
        </Col>
      </Row>

      {isApprover && waiting.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`有 ${waiting.length} 份自评等待您审核`}
          description={
            <Space wrap>
              {waiting.map((e) => (
                <Link key={e.id} to={paths.editor(e.id)}>
                  {e.year}年{e.kind === 'project' ? (e.projectName ?? '项目支出') : '部门整体支出'}自评 →
                </Link>
              ))}
            </Space>
          }
        />
      )}
      {returned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`有 ${returned.length} 份自评被财政退回，请查看批注并修改后重新报送`}
          description={
            <Space wrap>
              {returned.map((e) => (
                <Link key={e.id} to={paths.editor(e.id)}>
                  {e.year}年{e.kind === 'project' ? (e.projectName ?? '项目支出') : '部门整体支出'}自评 →
                </Link>
              ))}
            </Space>
          }
        />
      )}

      <Row gutter={16}>
        <Col span={8}>
          <Card title="我的任务" size="small" loading={!tasks && !error}>
            {tasks && tasks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无财政下发的任务" />
            ) : (
              <List
                dataSource={tasks ?? []}
                renderItem={(t) => {
                  const ev = evaluationFor(t);
                  const done = !!ev && HANDED_IN.includes(ev.state) && ev.state !== 'submitted';
                  return (
                    <List.Item
                      actions={[
                        ev ? (
                          <Link key="open" to={paths.editor(ev.id)}>
                            打开
                          </Link>
                        ) : can('evaluation.create') ? (
                          <Link key="new" to={`${paths.unitNew}?year=${t.year}&kind=${t.kind}`}>
                            开始填报
                          </Link>
                        ) : (
                          <span key="none" />
                        ),
                      ]}
                    >
                      <List.Item.Meta
                        title={t.title}
                        description={
                          <Space size={4} wrap>
                            <span>截止 {formatDate(t.deadline)}</span>
                            <DeadlineTag deadline={t.deadline} done={done} />
                            {ev && <StateTag state={ev.state} />}
                          </Space>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            )}
          </Card>
        </Col>
        <Col span={16}>
          <Card title="本单位的绩效自评" size="small">
            <Table<EvaluationListItem>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={evaluations ?? []}
              loading={!evaluations && !error}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: '还没有自评。可以“新建自评”或“导入报告”。' }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
