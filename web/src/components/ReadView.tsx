/**
 * What an importer read from a file, side by side with where each value came from: for every filled-in field its
 * value, the place in the file (page / line / table cell) and the original text there. Read-only.
 */
import { Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { Evaluation, Figure, Source } from '../../../src/model/index.js';
import { getAt, isFilled } from '../lib/doc.js';
import { basicDataFields, basicFields, budgetFields, goalFields, type FieldSpec } from '../lib/fields.js';
import { SECTION_LABELS, type EditorSection } from '../lib/paths.js';
import { describeSource, sourceOf } from '../lib/sources.js';

interface ReadRow {
  key: string;
  label: string;
  value: string;
  place: string | null;
  original: string | null;
  /** the source belongs to the row or table, not to this exact cell */
  inherited: boolean;
}

function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join('；');
  if (typeof v === 'object' && 'text' in v) return (v as Figure).text;
  return JSON.stringify(v);
}

function rowsOf(e: Evaluation, fields: readonly FieldSpec[]): ReadRow[] {
  const out: ReadRow[] = [];
  for (const f of fields) {
    const v = getAt(e, f.path);
    if (!isFilled(v)) continue;
    const src = sourceOf(e.sources, f.path);
    out.push({
      key: f.path,
      label: f.label,
      value: valueText(v),
      place: src ? describeSource(src.source) : null,
      original: src ? src.source.text : null,
      inherited: !!src && src.path !== f.path,
    });
  }
  return out;
}

const columns: ColumnsType<ReadRow> = [
  { title: '项目', dataIndex: 'label', width: '26%' },
  {
    title: '读取的值',
    dataIndex: 'value',
    width: '22%',
    render: (v: string) => <span className="read-value">{v}</span>,
  },
  {
    title: '原文位置',
    dataIndex: 'place',
    width: '16%',
    render: (p: string | null, r) =>
      p ? (
        <span>
          {p}
          {r.inherited && <Tag style={{ marginLeft: 4 }}>所在行</Tag>}
        </span>
      ) : (
        <Typography.Text type="secondary">未记录</Typography.Text>
      ),
  },
  {
    title: '原文',
    dataIndex: 'original',
    render: (t: string | null) => (t ? <span className="read-original">{t}</span> : null),
  },
];

interface IndicatorRow {
  key: string;
  group: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  selfScore: string;
  place: string | null;
  original: string | null;
}

const indicatorColumns: ColumnsType<IndicatorRow> = [
  { title: '一级 / 二级', dataIndex: 'group', width: 130 },
  { title: '三级指标', dataIndex: 'name', width: 150 },
  { title: '年度指标值', dataIndex: 'target', width: 96 },
  { title: '实际完成值', dataIndex: 'actual', width: 96 },
  { title: '分值', dataIndex: 'weight', width: 48, align: 'right' },
  { title: '得分', dataIndex: 'selfScore', width: 52, align: 'right' },
  {
    title: '原文位置',
    dataIndex: 'place',
    width: 110,
    render: (p: string | null) => p ?? <Typography.Text type="secondary">未记录</Typography.Text>,
  },
  {
    title: '原文',
    dataIndex: 'original',
    render: (t: string | null) => (t ? <span className="read-original">{t}</span> : null),
  },
];

function placeOf(
  sources: Readonly<Record<string, Source>>,
  path: string,
): { place: string | null; original: string | null } {
  const s = sourceOf(sources, path);
  return s ? { place: describeSource(s.source), original: s.source.text } : { place: null, original: null };
}

export function ReadView({ evaluation }: { evaluation: Evaluation }) {
  const tabs = useMemo(() => {
    const e = evaluation;
    const sections: [EditorSection, ReadRow[]][] = [
      ['basic', rowsOf(e, basicFields(e))],
      ['budget', rowsOf(e, budgetFields())],
      ['basicData', rowsOf(e, basicDataFields(e))],
      ['goal', rowsOf(e, goalFields())],
    ];
    const indicators: IndicatorRow[] = (e.selfEvaluation?.indicators ?? []).map((ind, i) => ({
      key: ind.id,
      group: `${ind.category} / ${ind.subcategory}`,
      name: ind.name,
      target: ind.target?.text ?? '',
      actual: ind.actual?.text ?? '',
      weight: ind.weight?.text ?? '',
      selfScore: ind.selfScore?.text ?? '',
      ...placeOf(e.sources, `selfEvaluation.indicators.${i}`),
    }));
    const narrative = e.narrative.sections.map((s, i) => ({
      key: `n${i}`,
      heading: s.heading,
      level: s.level,
      text: s.text,
      ...placeOf(e.sources, s.sourceKey ?? `narrative.sections.${i}`),
    }));
    return { sections, indicators, narrative };
  }, [evaluation]);

  const items = [
    ...tabs.sections.map(([key, rows]) => ({
      key,
      label: `${SECTION_LABELS[key]}（${rows.length}）`,
      children: (
        <Table<ReadRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          tableLayout="fixed"
          locale={{ emptyText: '未读到内容' }}
        />
      ),
    })),
    {
      key: 'indicators',
      label: `自评表（${tabs.indicators.length} 项指标）`,
      children: (
        <Table<IndicatorRow>
          rowKey="key"
          size="small"
          columns={indicatorColumns}
          dataSource={tabs.indicators}
          pagination={false}
          tableLayout="fixed"
          scroll={{ y: 480 }}
          locale={{ emptyText: '未读到自评表' }}
        />
      ),
    },
    {
      key: 'narrative',
      label: `文字部分（${tabs.narrative.length} 节）`,
      children: (
        <div className="read-narrative">
          {tabs.narrative.length === 0 && <Typography.Text type="secondary">未读到文字部分</Typography.Text>}
          {tabs.narrative.map((n) => (
            <div key={n.key} className="read-narrative-section" style={{ paddingLeft: (n.level - 1) * 16 }}>
              <div className="read-narrative-heading">
                {n.heading}
                {n.place && <span className="read-narrative-place">{n.place}</span>}
              </div>
              {n.text && <div className="read-narrative-text">{n.text}</div>}
            </div>
          ))}
        </div>
      ),
    },
  ];
  if (evaluation.unrecognised.length > 0) {
    items.push({
      key: 'unrecognised',
      label: `未识别（${evaluation.unrecognised.length}）`,
      children: (
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={evaluation.unrecognised}
          columns={[
            { title: '内容', dataIndex: 'text', render: (t: string) => <span className="read-original">{t}</span> },
            { title: '原因', dataIndex: 'reason', width: 240 },
            {
              title: '位置',
              dataIndex: 'source',
              width: 140,
              render: (s: Source | undefined) => (s ? describeSource(s) : ''),
            },
          ]}
        />
      ),
    });
  }
  return <Tabs items={items} size="small" />;
}
