/**
 * 财政看板: task progress by unit, grade distribution, recomputed vs self total, budget execution vs indicator
 * achievement, the units with the most findings; filtered by year and department. Every figure comes from the API
 * (list records, task progress, the core's score sheets); nothing is scored here.
 */
import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScoreSheet } from '../../../../src/scoring/types.js';
import { api, messageOf } from '../../api/client.js';
import type { EvaluationListItem, EvaluationState, Page, Task, TaskProgress } from '../../api/types.js';
import { STATE_COLORS, STATE_LABELS } from '../../api/types.js';
import { paths } from '../../paths.js';
import { Link, navigate } from '../../router/router.js';
import type { PageProps } from '../types.js';
import {
  departmentOfUnit,
  departmentsOf,
  executionVsAchievement,
  fetchAllPages,
  gradeDistribution,
  mapLimit,
  meanOf,
  mostErrors,
  plotNumber,
  scorePoints,
  STAGE_LABELS,
  stageCounts,
  stageOf,
  type OrgNode,
  type UnitStage,
} from './data.js';
import EChart, { type ChartOption } from './EChart.js';
import './bureau.css';
import { formatDate, formatDateTime, GRADE_CHART_COLORS, shown, WITH_BUREAU } from './format.js';

/** Score sheets fetched for the execution chart (one request each). */
const SHEET_LIMIT = 80;

const STAGE_COLORS: Readonly<Record<UnitStage, string>> = {
  notStarted: 'default',
  ...STATE_COLORS,
};

type Scope = 'bureau' | 'all';

/** A round lower bound for a 0–100 axis: the tens below the smallest value, with a little room. */
function axisFloor(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...values) - 2) / 10) * 10);
}

interface Loaded {
  items: EvaluationListItem[];
  total: number;
  truncated: boolean;
}

export default function DashboardPage(_props: PageProps) {
  const [tree, setTree] = useState<OrgNode[]>([]);
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [scope, setScope] = useState<Scope>('bureau');
  const [tasks, setTasks] = useState<Task[]>([]);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [list, setList] = useState<Loaded | null>(null);
  const [sheets, setSheets] = useState<{ id: string; unitName: string; sheet: ScoreSheet }[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // the organisation tree, the years with data (latest evaluation year and task years)
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [orgs, latest, allTasks] = await Promise.all([
          api.get<{ items: OrgNode[] }>('/api/organisations'),
          api.get<Page<EvaluationListItem>>('/api/evaluations', {
            query: { sort: 'year', direction: 'desc', limit: 1 },
          }),
          api.get<{ items: Task[] }>('/api/tasks'),
        ]);
        if (!live) return;
        setTree(orgs.items);
        const newest = latest.items[0]?.year ?? allTasks.items[0]?.year ?? new Date().getFullYear() - 1;
        const set = new Set<number>(allTasks.items.map((t) => t.year));
        for (let y = newest; y > newest - 5; y--) set.add(y);
        setYears([...set].sort((a, b) => b - a));
        setYear((y) => y ?? newest);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  // the tasks of the year
  useEffect(() => {
    if (year === null) return;
    let live = true;
    api
      .get<{ items: Task[] }>('/api/tasks', { query: { year } })
      .then((r) => {
        if (!live) return;
        setTasks(r.items);
        setTaskId(r.items[0]?.id);
        if (r.items.length === 0) setProgress(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [year, reloadKey]);

  useEffect(() => {
    if (!taskId) return;
    let live = true;
    api
      .get<TaskProgress>(`/api/tasks/${encodeURIComponent(taskId)}/progress`)
      .then((p) => live && setProgress(p))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [taskId, reloadKey]);

  // the evaluations of the year (and department), then a sample of score sheets for the execution chart
  useEffect(() => {
    if (year === null) return;
    let live = true;
    setLoading(true);
    setError(null);
    setSheets(null);
    void (async () => {
      try {
        const loaded = await fetchAllPages((offset, limit) =>
          api.get<Page<EvaluationListItem>>('/api/evaluations', {
            query: {
              year,
              departmentId: department,
              state: scope === 'bureau' ? WITH_BUREAU.join(',') : undefined,
              sort: 'unitName',
              direction: 'asc',
              offset,
              limit,
            },
          }),
        );
        if (!live) return;
        setList(loaded);
        setLoading(false);
        const sample = loaded.items.slice(0, SHEET_LIMIT);
        const got = await mapLimit(sample, 4, async (item) => ({
          id: item.id,
          unitName: item.unitName,
          sheet: await api.get<ScoreSheet>(`/api/evaluations/${encodeURIComponent(item.id)}/score`),
        }));
        if (live) setSheets(got);
      } catch (e) {
        if (live) {
          setError(messageOf(e));
          setLoading(false);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [year, department, scope, reloadKey]);

  const departments = useMemo(() => departmentsOf(tree), [tree]);
  const deptOf = useMemo(() => departmentOfUnit(tree), [tree]);
  const deptName = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);

  const progressUnits = useMemo(() => {
    if (!progress) return [];
    return progress.units.filter((u) => !department || deptOf.get(u.unitId) === department);
  }, [progress, department, deptOf]);

  const items = useMemo(() => list?.items ?? [], [list]);
  const open = useCallback((id: string) => navigate(paths.bureauReview(id)), []);

  return (
    <div className="bureau-page">
      <div className="bureau-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          财政看板
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year ?? undefined}
            options={years.map((y) => ({ value: y, label: `${y}年度` }))}
            onChange={(v: number) => setYear(v)}
            placeholder="年度"
          />
          <Select
            aria-label="主管部门"
            style={{ width: 220 }}
            allowClear
            placeholder="全部主管部门"
            value={department}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(v: string | undefined) => setDepartment(v)}
          />
          <Segmented<Scope>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'bureau', label: '已报送财政' },
              { value: 'all', label: '全部状态' },
            ]}
          />
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} onClick={() => setReloadKey((k) => k + 1)} aria-label="刷新" />
          </Tooltip>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {list?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`共 ${list.total} 份自评，看板按前 ${list.items.length} 份统计；请按主管部门筛选以查看全部。`}
        />
      )}
      <Spin spinning={loading}>
        <Headline items={items} progress={progress} progressUnits={progressUnits} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <TaskCard
              tasks={tasks}
              taskId={taskId}
              onTask={setTaskId}
              progress={progress}
              units={progressUnits}
              deptName={(unitId) => {
                const d = deptOf.get(unitId);
                return d ? (deptName.get(d) ?? '') : '';
              }}
            />
          </Col>
          <Col xs={24} xl={10}>
            <GradeCard items={items} />
          </Col>
          <Col xs={24} xl={12}>
            <ScoreScatterCard items={items} onOpen={open} />
          </Col>
          <Col xs={24} xl={12}>
            <ExecutionCard sheets={sheets} total={items.length} onOpen={open} />
          </Col>
          <Col xs={24}>
            <ErrorsCard items={items} onOpen={open} />
          </Col>
        </Row>
      </Spin>
    </div>
  );
}

function Headline({
  items,
  progress,
  progressUnits,
}: {
  items: EvaluationListItem[];
  progress: TaskProgress | null;
  progressUnits: TaskProgress['units'];
}) {
  const submitted = progressUnits.filter((u) => u.submitted).length;
  const withErrors = items.filter((i) => i.errors > 0).length;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="任务单位已提交"
            value={progress ? submitted : '—'}
            suffix={progress ? `/ ${progressUnits.length}` : undefined}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title="自评份数" value={items.length} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="有错误的自评"
            value={withErrors}
            valueStyle={withErrors > 0 ? { color: '#cf1322' } : undefined}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title="平均得分（自评 / 重算）"
            value={`${shown(meanOf(items.map((i) => i.totalSelf)))} / ${shown(meanOf(items.map((i) => i.totalRecomputed)))}`}
          />
        </Card>
      </Col>
    </Row>
  );
}

function TaskCard({
  tasks,
  taskId,
  onTask,
  progress,
  units,
  deptName,
}: {
  tasks: Task[];
  taskId: string | undefined;
  onTask: (id: string) => void;
  progress: TaskProgress | null;
  units: TaskProgress['units'];
  deptName: (unitId: string) => string;
}) {
  const stages = stageCounts(units);
  const submitted = units.filter((u) => u.submitted).length;
  const percent = units.length ? Math.round((submitted / units.length) * 100) : 0;
  const rows = units.map((u) => ({ ...u, stage: stageOf(u) }));
  return (
    <Card
      size="small"
      title="任务进度"
      extra={
        tasks.length > 1 ? (
          <Select
            size="small"
            style={{ width: 260 }}
            value={taskId}
            onChange={onTask}
            options={tasks.map((t) => ({ value: t.id, label: t.title }))}
          />
        ) : progress ? (
          <span className="bureau-muted">
            {progress.task.title}，截止 {formatDate(progress.task.deadline)}
            {progress.overdue && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                已逾期
              </Tag>
            )}
          </span>
        ) : null
      }
    >
      {!progress ? (
        <Empty description="本年度没有下发任务" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <div className="bureau-progress">
            <Progress percent={percent} format={() => `${submitted}/${units.length} 已提交`} />
            <Space size={[4, 4]} wrap>
              {stages.map((s) => (
                <Tag key={s.stage} color={STAGE_COLORS[s.stage]}>
                  {STAGE_LABELS[s.stage]} {s.count}
                </Tag>
              ))}
            </Space>
          </div>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={rows}
            pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
            columns={[
              {
                title: '单位',
                dataIndex: 'unitName',
                ellipsis: true,
                render: (name: string, r) => {
                  const first = r.evaluations[0];
                  return first && r.submitted ? <Link to={paths.bureauReview(first.id)}>{name}</Link> : name;
                },
              },
              { title: '主管部门', key: 'dept', ellipsis: true, render: (_: unknown, r) => deptName(r.unitId) || '—' },
              {
                title: '进度',
                dataIndex: 'stage',
                width: 120,
                sorter: (a, b) => a.stage.localeCompare(b.stage),
                render: (s: UnitStage) => <Tag color={STAGE_COLORS[s]}>{STAGE_LABELS[s]}</Tag>,
              },
              {
                title: '更新时间',
                key: 'updated',
                width: 150,
                render: (_: unknown, r) => formatDateTime(r.evaluations[0]?.updatedAt),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function GradeCard({ items }: { items: EvaluationListItem[] }) {
  const dist = gradeDistribution(items);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          name: '等次',
          radius: ['42%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: '{b} {c}' },
          data: dist
            .filter((d) => d.count > 0)
            .map((d) => ({ name: d.name, value: d.count, itemStyle: { color: GRADE_CHART_COLORS[d.name] } })),
        },
      ],
    }),
    [dist],
  );
  return (
    <Card size="small" title="等次分布（按重算总分）">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无自评" />
      ) : (
        <EChart option={option} height={300} label="等次分布饼图" />
      )}
    </Card>
  );
}

function ScoreScatterCard({ items, onOpen }: { items: EvaluationListItem[]; onOpen: (id: string) => void }) {
  const points = scorePoints(items);
  const option = useMemo<ChartOption>(() => {
    const values = points.flatMap((p) => [p.self, p.recomputed]);
    const low = axisFloor(values);
    return {
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = (p as { data: { name: string; value: [number, number]; gap: string } }).data;
          return `${d.name}<br/>重算总分 ${d.value[0]}<br/>自评总分 ${d.value[1]}<br/>自评 − 重算 = ${d.gap}`;
        },
      },
      xAxis: { type: 'value', name: '重算总分', nameLocation: 'middle', nameGap: 26, min: low, max: 100 },
      yAxis: { type: 'value', name: '自评总分', min: low, max: 100 },
      series: [
        {
          type: 'scatter',
          symbolSize: 11,
          data: points.map((p) => ({
            name: p.unitName,
            id: p.id,
            value: [p.recomputed, p.self],
            gap: p.gap,
            itemStyle: { color: Number(p.gap) > 0 ? '#cf1322' : Number(p.gap) < 0 ? '#fa8c16' : '#389e0d' },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
            label: { formatter: '自评 = 重算', position: 'insideEndTop' },
            data: [[{ coord: [low, low] }, { coord: [100, 100] }]],
          },
        },
      ],
    };
  }, [points]);
  const above = points.filter((p) => Number(p.gap) > 0).length;
  return (
    <Card
      size="small"
      title="自评总分与重算总分"
      extra={<span className="bureau-muted">虚线上方 {above} 份自评高于重算</span>}
    >
      {points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可比的总分" />
      ) : (
        <EChart
          option={option}
          height={300}
          label="自评总分与重算总分散点图"
          onItemClick={(e) => {
            const id = (e.data as { id?: string } | undefined)?.id;
            if (id) onOpen(id);
          }}
        />
      )}
    </Card>
  );
}

function ExecutionCard({
  sheets,
  total,
  onOpen,
}: {
  sheets: { id: string; unitName: string; sheet: ScoreSheet }[] | null;
  total: number;
  onOpen: (id: string) => void;
}) {
  const points = useMemo(
    () =>
      (sheets ?? []).flatMap((s) => {
        const p = executionVsAchievement(s.sheet);
        const x = plotNumber(p.executionRate);
        const y = plotNumber(p.achievement);
        return x === null || y === null ? [] : [{ id: s.id, name: s.unitName, x, y, p }];
      }),
    [sheets],
  );
  const option = useMemo<ChartOption>(() => {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const lowX = axisFloor(xs);
    const lowY = axisFloor(ys);
    return {
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = (p as { data: { name: string; rate: string; achievement: string } }).data;
          return `${d.name}<br/>预算执行率 ${d.rate}%<br/>指标完成度 ${d.achievement}%`;
        },
      },
      xAxis: {
        type: 'value',
        name: '预算执行率（%）',
        nameLocation: 'middle',
        nameGap: 26,
        min: lowX,
        max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
      },
      yAxis: { type: 'value', name: '指标完成度（%）', min: lowY, max: 100 },
      series: [
        {
          type: 'scatter',
          symbolSize: 11,
          itemStyle: { color: '#1f5fbf' },
          data: points.map((p) => ({
            name: p.name,
            id: p.id,
            value: [p.x, p.y],
            rate: p.p.executionRate,
            achievement: p.p.achievement,
          })),
        },
      ],
    };
  }, [points]);
  return (
    <Card
      size="small"
      title="预算执行与指标完成"
      extra={
        <Tooltip title="指标完成度 = 各三级指标重算得分之和 ÷ 其分值之和；预算执行率取自计分表">
          <span className="bureau-muted">
            {sheets === null ? '计分中…' : total > sheets.length ? `按前 ${sheets.length} 份` : `${points.length} 份`}
          </span>
        </Tooltip>
      }
    >
      {sheets === null ? (
        <div className="bureau-chart-wait">
          <Spin />
        </div>
      ) : points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可计算的执行率" />
      ) : (
        <EChart
          option={option}
          height={300}
          label="预算执行率与指标完成度散点图"
          onItemClick={(e) => {
            const id = (e.data as { id?: string } | undefined)?.id;
            if (id) onOpen(id);
          }}
        />
      )}
    </Card>
  );
}

function ErrorsCard({ items, onOpen }: { items: EvaluationListItem[]; onOpen: (id: string) => void }) {
  const top = mostErrors(items, 10);
  const option = useMemo<ChartOption>(() => {
    const rows = [...top].reverse();
    return {
      grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => `${r.unitName}${r.kind === 'project' && r.projectName ? `·${r.projectName}` : ''}`),
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: '错误',
          stack: 'n',
          itemStyle: { color: '#cf1322' },
          data: rows.map((r) => ({ value: r.errors, id: r.id })),
        },
        {
          type: 'bar',
          name: '警告',
          stack: 'n',
          itemStyle: { color: '#faad14' },
          data: rows.map((r) => ({ value: r.warnings, id: r.id })),
        },
      ],
    };
  }, [top]);
  return (
    <Card size="small" title="问题最多的单位">
      {top.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现问题" />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={13}>
            <EChart
              option={option}
              height={Math.max(160, top.length * 30 + 40)}
              label="问题最多的单位条形图"
              onItemClick={(e) => {
                const id = (e.data as { id?: string } | undefined)?.id;
                if (id) onOpen(id);
              }}
            />
          </Col>
          <Col xs={24} lg={11}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={top}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'unitName',
                  ellipsis: true,
                  render: (name: string, r) => <Link to={paths.bureauReview(r.id)}>{name}</Link>,
                },
                {
                  title: '状态',
                  dataIndex: 'state',
                  width: 100,
                  render: (s: EvaluationState) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s]}</Tag>,
                },
                { title: '错误', dataIndex: 'errors', width: 56, align: 'right' },
                { title: '警告', dataIndex: 'warnings', width: 56, align: 'right' },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
