/**
 * 任务: the tasks the bureau sent (a year's self-evaluations from a set of units, with a deadline), each with its
 * progress; sending a new task to units picked from the organisation tree.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api/client.js';
import type { EvaluationKind, Task, TaskProgress, TaskWithUnits } from '../../api/types.js';
import { KIND_LABELS, STATE_COLORS } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { paths } from '../../paths.js';
import { Link } from '../../router/router.js';
import type { PageProps } from '../types.js';
import {
  departmentOfUnit,
  mapLimit,
  STAGE_LABELS,
  stageCounts,
  stageOf,
  type OrgNode,
  type UnitStage,
} from './data.js';
import { formatDate, formatDateTime } from './format.js';
import './bureau.css';

const STAGE_COLORS: Readonly<Record<UnitStage, string>> = { notStarted: 'default', ...STATE_COLORS };

interface TreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  disableCheckbox?: boolean;
  children?: TreeOption[];
}

function treeOptions(nodes: readonly OrgNode[]): TreeOption[] {
  return nodes
    .map((n) => ({
      value: n.id,
      title: n.name,
      children: treeOptions(n.children),
    }))
    .filter((o) => o.children.length > 0 || nodes.find((n) => n.id === o.value)?.kind === 'unit');
}

function unitIdsIn(nodes: readonly OrgNode[], selected: ReadonlySet<string>, inherited = false): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const on = inherited || selected.has(n.id);
    if (n.kind === 'unit' && on) out.push(n.id);
    out.push(...unitIdsIn(n.children, selected, on));
  }
  return out;
}

export default function TasksPage(_props: PageProps) {
  const { can } = useSession();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [progress, setProgress] = useState<Record<string, TaskProgress>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [tree, setTree] = useState<OrgNode[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [t, orgs] = await Promise.all([
          api.get<{ items: Task[] }>('/api/tasks'),
          api.get<{ items: OrgNode[] }>('/api/organisations'),
        ]);
        if (!live) return;
        setTasks(t.items);
        setTree(orgs.items);
        setSelected((s) => s ?? t.items[0]?.id ?? null);
        const all = await mapLimit(t.items, 4, (task) =>
          api.get<TaskProgress>(`/api/tasks/${encodeURIComponent(task.id)}/progress`),
        );
        if (live) setProgress(Object.fromEntries(all.map((p) => [p.task.id, p])));
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [reloadKey]);

  const deptOf = useMemo(() => departmentOfUnit(tree), [tree]);
  const orgName = useMemo(() => {
    const m = new Map<string, string>();
    const walk = (ns: readonly OrgNode[]) => {
      for (const n of ns) {
        m.set(n.id, n.name);
        walk(n.children);
      }
    };
    walk(tree);
    return m;
  }, [tree]);
  const current = selected ? progress[selected] : undefined;

  return (
    <div className="bureau-page">
      <div className="bureau-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          任务
        </Typography.Title>
        <Space>
          {can('task.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              下发任务
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => setReloadKey((k) => k + 1)} />
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {tasks === null ? (
        <div className="page-loading">
          <Spin />
        </div>
      ) : tasks.length === 0 ? (
        <Empty description="还没有下发任务" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Card size="small" title="已下发的任务">
              <Table<Task>
                size="small"
                rowKey="id"
                pagination={tasks.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={tasks}
                rowClassName={(t) => (t.id === selected ? 'ant-table-row-selected' : '')}
                onRow={(t) => ({ onClick: () => setSelected(t.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '任务', dataIndex: 'title', ellipsis: true },
                  { title: '截止日期', dataIndex: 'deadline', width: 100, render: (d: string) => formatDate(d) },
                  {
                    title: '进度',
                    key: 'progress',
                    width: 130,
                    render: (_: unknown, t) => {
                      const p = progress[t.id];
                      if (!p) return <Spin size="small" />;
                      const pct = p.counts.units ? Math.round((p.counts.submitted / p.counts.units) * 100) : 0;
                      return (
                        <Progress
                          size="small"
                          percent={pct}
                          status={p.overdue && pct < 100 ? 'exception' : undefined}
                          format={() => `${p.counts.submitted}/${p.counts.units}`}
                        />
                      );
                    },
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card
              size="small"
              title={current ? current.task.title : '任务进度'}
              extra={
                current && (
                  <Space size={4}>
                    <span className="bureau-muted">
                      {current.task.year}年度 · {KIND_LABELS[current.task.kind]} · 截止{' '}
                      {formatDate(current.task.deadline)}
                    </span>
                    {current.overdue && <Tag color="red">已逾期</Tag>}
                  </Space>
                )
              }
            >
              {!current ? (
                <Spin />
              ) : (
                <>
                  <Space size={[4, 4]} wrap style={{ marginBottom: 10 }}>
                    {stageCounts(current.units).map((s) => (
                      <Tag key={s.stage} color={STAGE_COLORS[s.stage]}>
                        {STAGE_LABELS[s.stage]} {s.count}
                      </Tag>
                    ))}
                  </Space>
                  <Table
                    size="small"
                    rowKey="unitId"
                    dataSource={current.units.map((u) => ({ ...u, stage: stageOf(u) }))}
                    pagination={current.units.length > 15 ? { pageSize: 15, size: 'small' } : false}
                    columns={[
                      { title: '单位', dataIndex: 'unitName', ellipsis: true },
                      {
                        title: '主管部门',
                        key: 'dept',
                        ellipsis: true,
                        render: (_: unknown, u) => {
                          const d = deptOf.get(u.unitId);
                          return d ? (orgName.get(d) ?? '—') : '—';
                        },
                      },
                      {
                        title: '进度',
                        dataIndex: 'stage',
                        width: 120,
                        filters: (Object.keys(STAGE_LABELS) as UnitStage[]).map((s) => ({
                          text: STAGE_LABELS[s],
                          value: s,
                        })),
                        onFilter: (v, u) => u.stage === v,
                        render: (s: UnitStage) => <Tag color={STAGE_COLORS[s]}>{STAGE_LABELS[s]}</Tag>,
                      },
                      {
                        title: '自评',
                        key: 'evaluations',
                        render: (_: unknown, u) =>
                          u.evaluations.length === 0
                            ? '—'
                            : u.evaluations.map((e) => (
                                <div key={e.id}>
                                  {u.submitted ? (
                                    <Link to={paths.bureauReview(e.id)}>{e.projectName ?? '查看'}</Link>
                                  ) : (
                                    <span className="bureau-muted">{e.projectName ?? '单位填报中'}</span>
                                  )}
                                  <span className="bureau-muted" style={{ marginLeft: 8 }}>
                                    {formatDateTime(e.updatedAt)}
                                  </span>
                                </div>
                              )),
                      },
                    ]}
                  />
                </>
              )}
            </Card>
          </Col>
        </Row>
      )}
      <CreateTaskDialog
        open={creating}
        tree={tree}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            setSelected(created.id);
            setReloadKey((k) => k + 1);
          }
        }}
      />
    </div>
  );
}

function CreateTaskDialog({
  open,
  tree,
  onClose,
}: {
  open: boolean;
  tree: OrgNode[];
  onClose: (created: TaskWithUnits | null) => void;
}) {
  const { message } = AntApp.useApp();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [kind, setKind] = useState<EvaluationKind>('department');
  const [deadline, setDeadline] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const options = useMemo(() => treeOptions(tree), [tree]);
  const unitIds = useMemo(() => unitIdsIn(tree, new Set(picked)), [tree, picked]);

  useEffect(() => {
    if (!open) return;
    const y = new Date().getFullYear() - 1;
    setYear(y);
    setTitle(`${y}年度部门整体支出绩效自评`);
    setKind('department');
    setDeadline('');
    setPicked([]);
    setProblem(null);
  }, [open]);

  const submit = useCallback(async () => {
    if (!title.trim() || !deadline || unitIds.length === 0) {
      setProblem('请填写任务名称、截止日期并选择至少一个单位');
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<TaskWithUnits>('/api/tasks', {
        title: title.trim(),
        year,
        kind,
        deadline,
        unitIds,
      });
      void message.success(`已向 ${created.unitIds.length} 个单位下发任务`);
      onClose(created);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }, [title, year, kind, deadline, unitIds, message, onClose]);

  return (
    <Modal
      open={open}
      title="下发任务"
      okText="下发"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose(null)}
      width={560}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="任务名称" required>
          <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="年度" required>
              <InputNumber
                style={{ width: '100%' }}
                min={1990}
                max={2100}
                value={year}
                onChange={(v) => v && setYear(v)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="类型" required>
              <Select
                value={kind}
                onChange={setKind}
                options={(['department', 'project'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="截止日期" required>
              <DatePicker style={{ width: '100%' }} onChange={(_, s) => setDeadline(typeof s === 'string' ? s : '')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={`填报单位（已选 ${unitIds.length} 个）`} required>
          <TreeSelect
            treeData={options}
            value={picked}
            onChange={(v: string[]) => setPicked(v)}
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_PARENT}
            placeholder="选择主管部门或单位"
            style={{ width: '100%' }}
            maxTagCount={6}
            treeDefaultExpandAll
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon message={problem} />}
      </Form>
    </Modal>
  );
}
