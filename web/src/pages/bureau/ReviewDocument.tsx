/**
 * The rest of an evaluation, read-only, on the review page: 预算执行 (the 自评表's money block and the report's own
 * figures), 基础数据表, 年度总体目标, the narrative sections and 基本情况. Each row carries `data-path` (the
 * Evaluation field path) so that findings and comments can point at it, and a pin button to comment on it.
 */
import { Badge, Descriptions, Empty, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Finding } from '../../../../src/checks/types.js';
import type { Figure } from '../../../../src/model/figure.js';
import type { Evaluation, FundingRow, ThreeYearRow } from '../../../../src/model/evaluation.js';
import type { ScoreItem } from '../../../../src/scoring/types.js';
import type { Comment } from '../../api/types.js';
import { shown } from './format.js';
import PinButton from './PinButton.js';
import { commentsInRow, findingsInRow, type ReviewTab } from './review-data.js';

export interface DocumentTabProps {
  document: Evaluation;
  findings: readonly Finding[];
  comments: readonly Comment[];
  onPin: ((path: string) => void) | null;
  execution?: ScoreItem;
}

const fig = (f: Figure | undefined): string => shown(f?.text);

/** The pin button and the counts of a row. */
function Marks({
  path,
  findings,
  comments,
  onPin,
}: { path: string } & Pick<DocumentTabProps, 'findings' | 'comments' | 'onPin'>) {
  const f = findingsInRow(findings, path);
  const c = commentsInRow(
    comments.filter((x) => !x.resolvedAt),
    path,
  );
  const errors = f.some((x) => x.severity === 'error');
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      {f.length > 0 && (
        <Tooltip title={f.map((x) => x.message).join('\n')}>
          <Badge count={f.length} size="small" color={errors ? '#cf1322' : '#faad14'} />
        </Tooltip>
      )}
      <PinButton path={path} count={c.length} onPin={onPin} />
    </span>
  );
}

interface KvRow {
  path: string;
  label: string;
  value: ReactNode;
}

/** A two-column list of labelled values, each a pinnable row. */
function KvTable({ rows, ...marks }: { rows: KvRow[] } & Pick<DocumentTabProps, 'findings' | 'comments' | 'onPin'>) {
  return (
    <Table<KvRow>
      className="review-kv"
      size="small"
      rowKey="path"
      showHeader={false}
      pagination={false}
      dataSource={rows}
      onRow={(r) => ({ 'data-path': r.path }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'label',
          dataIndex: 'label',
          width: 220,
          render: (l: string) => <span className="bureau-muted">{l}</span>,
        },
        { key: 'value', dataIndex: 'value', render: (v: ReactNode) => <span className="num">{v}</span> },
        { key: 'marks', width: 80, align: 'right', render: (_: unknown, r) => <Marks path={r.path} {...marks} /> },
      ]}
    />
  );
}

interface MoneyRow {
  path: string;
  label: string;
  row: FundingRow;
}

function BudgetTab({ document: doc, findings, comments, onPin, execution }: DocumentTabProps) {
  const se = doc.selfEvaluation;
  const marks = { findings, comments, onPin };
  const money: MoneyRow[] = [];
  if (se) {
    money.push({ path: 'selfEvaluation.funding', label: se.funding.label ?? '年度资金总额', row: se.funding });
    const sources: [keyof typeof se.bySource, string][] = [
      ['currentYearAppropriation', '其中：本年财政拨款'],
      ['carryOver', '上年结转资金'],
      ['generalPublic', '一般公共预算'],
      ['governmentFund', '政府性基金预算'],
      ['stateCapital', '国有资本经营预算'],
      ['socialInsurance', '社会保险基金预算'],
      ['specialAccountNonTax', '纳入专户管理的非税收入'],
      ['other', '其他资金'],
    ];
    for (const [key, label] of sources) {
      const row = se.bySource[key];
      if (row) money.push({ path: `selfEvaluation.bySource.${key}`, label: row.label ?? label, row });
    }
    if (se.byNature.basic)
      money.push({
        path: 'selfEvaluation.byNature.basic',
        label: se.byNature.basic.label ?? '基本支出',
        row: se.byNature.basic,
      });
    if (se.byNature.project) {
      money.push({
        path: 'selfEvaluation.byNature.project',
        label: se.byNature.project.label ?? '项目支出',
        row: se.byNature.project,
      });
    }
  }
  const f = doc.finances;
  const prose: KvRow[] = [
    { path: 'finances.openingBalance', label: '年初结转和结余', value: fig(f.openingBalance) },
    { path: 'finances.income', label: '本年收入', value: fig(f.income) },
    { path: 'finances.expenditure', label: '本年支出', value: fig(f.expenditure) },
    { path: 'finances.closingBalance', label: '年末结转和结余', value: fig(f.closingBalance) },
    {
      path: 'finances.basic',
      label: '基本支出（年初预算 / 调整后预算 / 支出 / 执行率）',
      value: [f.basic.initialBudget, f.basic.adjustedBudget, f.basic.expenditure, f.basic.executionRate]
        .map(fig)
        .join(' / '),
    },
    {
      path: 'finances.project',
      label: '项目支出（年初预算 / 调整后预算 / 支出）',
      value: [f.project.initialBudget, f.project.adjustedBudget, f.project.expenditure].map(fig).join(' / '),
    },
    {
      path: 'finances.threePublicCosts',
      label: '三公经费（预算 / 实际）',
      value: [f.threePublicCosts.budget, f.threePublicCosts.actual].map(fig).join(' / '),
    },
  ];
  return (
    <>
      <div className="review-block">
        <Typography.Title level={5}>自评表·资金情况（万元）</Typography.Title>
        {execution && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            预算执行率：{execution.unscorableReason ?? execution.formula}
          </Typography.Paragraph>
        )}
        {money.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="自评表中没有资金情况" />
        ) : (
          <Table<MoneyRow>
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={money}
            scroll={{ x: 820 }}
            onRow={(r) => ({ 'data-path': r.path }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: '资金', dataIndex: 'label', width: 200 },
              { title: '年初预算数', key: 'i', align: 'right', render: (_: unknown, r) => fig(r.row.initialBudget) },
              { title: '全年预算数', key: 'a', align: 'right', render: (_: unknown, r) => fig(r.row.adjustedBudget) },
              { title: '全年执行数', key: 'e', align: 'right', render: (_: unknown, r) => fig(r.row.executed) },
              { title: '分值', key: 'w', align: 'right', width: 60, render: (_: unknown, r) => fig(r.row.weight) },
              { title: '执行率', key: 'r', align: 'right', render: (_: unknown, r) => fig(r.row.executionRate) },
              { title: '得分', key: 's', align: 'right', width: 60, render: (_: unknown, r) => fig(r.row.score) },
              { key: 'm', width: 80, align: 'right', render: (_: unknown, r) => <Marks path={r.path} {...marks} /> },
            ]}
          />
        )}
      </div>
      <div className="review-block">
        <Typography.Title level={5}>报告正文中的资金情况</Typography.Title>
        <KvTable rows={prose} {...marks} />
      </div>
    </>
  );
}

interface ThreeYear {
  path: string;
  label: string;
  row: ThreeYearRow;
  indent?: boolean;
}

function BasicDataTab({ document: doc, findings, comments, onPin }: DocumentTabProps) {
  const bd = doc.basicData;
  const marks = { findings, comments, onPin };
  if (!bd) return <Empty description="报告中没有基础数据表" />;
  const rows: ThreeYear[] = [];
  const push = (path: string, label: string, row: ThreeYearRow | undefined, indent = false) => {
    if (row) rows.push({ path, label: row.label ?? label, row, indent });
  };
  const tpc = bd.threePublicCosts;
  push('basicData.threePublicCosts.total', '三公经费合计', tpc.total);
  push('basicData.threePublicCosts.officialVehicles', '公务用车购置及运行维护费', tpc.officialVehicles, true);
  push('basicData.threePublicCosts.vehiclePurchase', '其中：公务用车购置费', tpc.vehiclePurchase, true);
  push('basicData.threePublicCosts.vehicleOperation', '公务用车运行维护费', tpc.vehicleOperation, true);
  push('basicData.threePublicCosts.overseasTravel', '因公出国（境）费', tpc.overseasTravel, true);
  push('basicData.threePublicCosts.officialReception', '公务接待费', tpc.officialReception, true);
  push('basicData.projectExpenditure.total', '项目支出合计', bd.projectExpenditure.total);
  bd.projectExpenditure.items.forEach((r, i) =>
    push(`basicData.projectExpenditure.items.${i}`, `项目 ${i + 1}`, r, true),
  );
  push('basicData.publicFunds.total', '公用经费合计', bd.publicFunds.total);
  bd.publicFunds.items.forEach((r, i) => push(`basicData.publicFunds.items.${i}`, `公用经费 ${i + 1}`, r, true));
  push('basicData.governmentProcurement', '政府采购', bd.governmentProcurement);
  push('basicData.basicBudgetAdjustment', '基本支出预算调整', bd.basicBudgetAdjustment);
  const labels = bd.columnLabels;
  const staffing: KvRow[] = [
    {
      path: 'basicData.staffing',
      label: '编制数 / 实有人数 / 控制率',
      value: [bd.staffing.authorizedStaff, bd.staffing.actualStaff, bd.staffing.staffControlRate].map(fig).join(' / '),
    },
  ];
  if (bd.frugalityMeasures) {
    staffing.push({ path: 'basicData.frugalityMeasures', label: '厉行节约保障措施', value: bd.frugalityMeasures });
  }
  return (
    <>
      <div className="review-block">
        <Typography.Title level={5}>人员编制</Typography.Title>
        <KvTable rows={staffing} {...marks} />
      </div>
      <div className="review-block">
        <Typography.Title level={5}>经费控制情况（万元）</Typography.Title>
        <Table<ThreeYear>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({ 'data-path': r.path }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '项目',
              dataIndex: 'label',
              render: (l: string, r) => <span style={{ paddingLeft: r.indent ? 16 : 0 }}>{l}</span>,
            },
            {
              title: labels.previousFinal ?? '上年决算数',
              key: 'p',
              align: 'right',
              render: (_: unknown, r) => fig(r.row.previousFinal),
            },
            {
              title: labels.currentBudget ?? '本年预算数',
              key: 'b',
              align: 'right',
              render: (_: unknown, r) => fig(r.row.currentBudget),
            },
            {
              title: labels.currentFinal ?? '本年决算数',
              key: 'f',
              align: 'right',
              render: (_: unknown, r) => fig(r.row.currentFinal),
            },
            { key: 'm', width: 80, align: 'right', render: (_: unknown, r) => <Marks path={r.path} {...marks} /> },
          ]}
        />
      </div>
      {bd.buildings.items.length > 0 && (
        <div className="review-block">
          <Typography.Title level={5}>{bd.buildings.label ?? '楼堂馆所控制情况'}</Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => `b${i ?? 0}`}
            pagination={false}
            dataSource={bd.buildings.items.map((b, i) => ({ ...b, path: `basicData.buildings.items.${i}` }))}
            onRow={(r) => ({ 'data-path': r.path }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: '项目', dataIndex: 'name', render: (n: string | undefined) => shown(n) },
              { title: '批复面积', key: 'a', align: 'right', render: (_: unknown, r) => fig(r.approvedArea) },
              { title: '实际面积', key: 'b', align: 'right', render: (_: unknown, r) => fig(r.actualArea) },
              { title: '预算投资', key: 'c', align: 'right', render: (_: unknown, r) => fig(r.budgetInvestment) },
              { title: '实际投资', key: 'd', align: 'right', render: (_: unknown, r) => fig(r.actualInvestment) },
              { key: 'm', width: 80, align: 'right', render: (_: unknown, r) => <Marks path={r.path} {...marks} /> },
            ]}
          />
        </div>
      )}
    </>
  );
}

function GoalTab({ document: doc, findings, comments, onPin }: DocumentTabProps) {
  const goal = doc.selfEvaluation?.overallGoal;
  const marks = { findings, comments, onPin };
  const block = (path: string, title: string, text: string | undefined) => (
    <div className="review-block" data-path={path}>
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Title level={5}>{title}</Typography.Title>
        <Marks path={path} {...marks} />
      </div>
      {text ? (
        <p className="review-section-text">{text}</p>
      ) : (
        <Typography.Text type="secondary">（未填写）</Typography.Text>
      )}
    </div>
  );
  return (
    <>
      {block('selfEvaluation.overallGoal.expected', '预期目标', goal?.expected)}
      {block('selfEvaluation.overallGoal.actual', '实际完成情况', goal?.actual)}
    </>
  );
}

function NarrativeTab({ document: doc, findings, comments, onPin }: DocumentTabProps) {
  const marks = { findings, comments, onPin };
  const sections = doc.narrative.sections;
  if (sections.length === 0) return <Empty description="报告中没有正文" />;
  return (
    <div className="review-block">
      {sections.map((s, i) => {
        const path = `narrative.sections.${i}`;
        const Heading = s.level <= 1 ? 'h3' : 'h4';
        return (
          <div key={path} data-path={path} style={{ paddingLeft: (s.level - 1) * 12, marginBottom: 10 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
              <Heading style={{ margin: '6px 0' }}>{s.heading}</Heading>
              <Marks path={path} {...marks} />
            </div>
            {s.text && <p className="review-section-text">{s.text}</p>}
          </div>
        );
      })}
    </div>
  );
}

function InfoTab({ document: doc, findings, comments, onPin }: DocumentTabProps) {
  const marks = { findings, comments, onPin };
  const o = doc.organisation;
  const rows: KvRow[] = [
    { path: 'title', label: '报告标题', value: shown(doc.title) },
    {
      path: 'unit',
      label: '单位（编码）',
      value: `${shown(doc.unit.name)}${doc.unit.code ? `（${doc.unit.code}）` : ''}`,
    },
    { path: 'unit.supervisingDepartment', label: '主管部门', value: shown(doc.unit.supervisingDepartment) },
    { path: 'year', label: '年度', value: shown(doc.year) },
    { path: 'organisation.internalDivisions', label: '内设机构', value: shown(o.internalDivisions) },
    { path: 'organisation.authorizedStaff', label: '编制数', value: fig(o.authorizedStaff) },
    { path: 'organisation.actualStaff', label: '实有人数', value: fig(o.actualStaff) },
    { path: 'selfReported.total', label: '正文中的自评分数', value: fig(doc.selfReported.total) },
    { path: 'selfReported.grade', label: '正文中的等次', value: shown(doc.selfReported.grade) },
  ];
  return (
    <>
      <div className="review-block">
        <KvTable rows={rows} {...marks} />
      </div>
      {o.functions.length > 0 && (
        <div className="review-block" data-path="organisation.functions">
          <Typography.Title level={5}>主要职能</Typography.Title>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {o.functions.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ol>
        </div>
      )}
      {doc.unrecognised.length > 0 && (
        <div className="review-block" data-path="unrecognised">
          <Typography.Title level={5}>导入时未能归位的内容（{doc.unrecognised.length}）</Typography.Title>
          <Descriptions size="small" column={1} bordered>
            {doc.unrecognised.slice(0, 50).map((u, i) => (
              <Descriptions.Item key={i} label={u.reason}>
                {u.text}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </div>
      )}
    </>
  );
}

/** The tab's content for every tab but the 自评表. */
export function DocumentTab({ tab, ...props }: DocumentTabProps & { tab: Exclude<ReviewTab, 'sheet'> }) {
  switch (tab) {
    case 'budget':
      return <BudgetTab {...props} />;
    case 'basic':
      return <BasicDataTab {...props} />;
    case 'goal':
      return <GoalTab {...props} />;
    case 'narrative':
      return <NarrativeTab {...props} />;
    case 'info':
      return <InfoTab {...props} />;
  }
}
