/** 自评表: the indicator grid with its toolbar, and the 总分 / 等次 / 结论 fields. */
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Cascader, Dropdown, Modal, Space, Typography } from 'antd';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CategoryKey, Indicator, SubcategoryKey } from '../../../../../../src/model/index.js';
import type { ScoreItem } from '../../../../../../src/scoring/types.js';
import { addToGroup, CATEGORY_OPTIONS, regroupIndicator } from '../../../../lib/indicatorTree.js';
import { indicatorCellOfPath } from '../../../../lib/paths.js';
import { useEditor, type FieldMark } from '../context.js';
import { Field } from '../fields.js';
import { IndicatorGrid, type GridHandle, type RowMarks } from './IndicatorGrid.js';

const EMPTY: readonly Indicator[] = [];

function useGridHeight(offset: number): number {
  const [h, setH] = useState(() => Math.max(300, window.innerHeight - offset));
  useEffect(() => {
    const on = () => setH(Math.max(300, window.innerHeight - offset));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [offset]);
  return h;
}

interface GroupChoice {
  category: string;
  categoryKey: CategoryKey;
  subcategory: string;
  subcategoryKey: SubcategoryKey;
}

export const IndicatorsSection = forwardRef<GridHandle, { items: ReadonlyMap<string, ScoreItem>; undoCount: number }>(
  function IndicatorsSection({ items, undoCount }, ref) {
    const { doc, readOnly, dispatch, marks, flash, onFieldFocus } = useEditor();
    const indicators = doc.selfEvaluation?.indicators ?? EMPTY;
    const height = useGridHeight(292);
    const [regroupIndex, setRegroupIndex] = useState<number | null>(null);
    const [choice, setChoice] = useState<string[]>([]);

    /** marks per indicator row and field */
    const rowMarks = useMemo(() => {
      const out = new Map<number, RowMarks>();
      for (const [path, mark] of marks) {
        const cell = indicatorCellOfPath(path);
        if (!cell) continue;
        const r = out.get(cell.index) ?? { fields: {} };
        if (cell.field) r.fields[cell.field] = mark as FieldMark;
        else r.row = mark;
        out.set(cell.index, r);
      }
      return out;
    }, [marks]);

    const rowFlash = useMemo(() => {
      const out = new Map<number, string[]>();
      for (const path of flash) {
        const cell = indicatorCellOfPath(path);
        if (!cell) continue;
        const list = out.get(cell.index) ?? [];
        list.push(cell.field ?? '');
        out.set(cell.index, list);
      }
      return out;
    }, [flash]);

    const weights = useMemo(() => {
      const w: Partial<Record<string, string>> = {};
      for (const [k, f] of Object.entries(doc.selfEvaluation?.categoryWeights ?? {})) if (f) w[k] = f.text;
      return w;
    }, [doc.selfEvaluation?.categoryWeights]);

    /** the groups offered when moving a row: the standard ones and those already in the table */
    const groupOptions = useMemo(() => {
      const cats = new Map<string, { key: CategoryKey; subs: Map<string, SubcategoryKey> }>();
      for (const c of CATEGORY_OPTIONS)
        cats.set(c.label, { key: c.key, subs: new Map(c.subcategories.map((s) => [s.label, s.key])) });
      for (const i of indicators) {
        const c = cats.get(i.category) ?? { key: i.categoryKey, subs: new Map<string, SubcategoryKey>() };
        if (!c.subs.has(i.subcategory)) c.subs.set(i.subcategory, i.subcategoryKey);
        cats.set(i.category, c);
      }
      const lookup = new Map<string, GroupChoice>();
      const options = [...cats].map(([label, c]) => ({
        value: label,
        label,
        children: [...c.subs].map(([sub, key]) => {
          lookup.set(`${label}\u0000${sub}`, {
            category: label,
            categoryKey: c.key,
            subcategory: sub,
            subcategoryKey: key,
          });
          return { value: sub, label: sub };
        }),
      }));
      return { options, lookup };
    }, [indicators]);

    const indicatorsRef = useRef(indicators);
    indicatorsRef.current = indicators;
    const onRegroup = useCallback((i: number) => {
      const ind = indicatorsRef.current[i];
      setChoice(ind ? [ind.category, ind.subcategory] : []);
      setRegroupIndex(i);
    }, []);

    const addCategory: { key: string; label: string }[] = CATEGORY_OPTIONS.map((c) => ({ key: c.key, label: c.label }));

    return (
      <div className="section-body section-body-grid">
        <div className="grid-toolbar">
          <Space wrap>
            {!readOnly && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: addCategory,
                  onClick: ({ key }) => {
                    const c = CATEGORY_OPTIONS.find((x) => x.key === key);
                    const s = c?.subcategories[0];
                    if (!c || !s) return;
                    dispatch({
                      type: 'indicators',
                      undoable: true,
                      update: (l) =>
                        addToGroup(l, {
                          category: c.label,
                          categoryKey: c.key,
                          subcategory: s.label,
                          subcategoryKey: s.key,
                        }).indicators,
                    });
                  },
                }}
              >
                <Button icon={<PlusOutlined />}>添加指标</Button>
              </Dropdown>
            )}
            {!readOnly && (
              <Button icon={<UndoOutlined />} disabled={undoCount === 0} onClick={() => dispatch({ type: 'undo' })}>
                撤销{undoCount > 0 ? `（${undoCount}）` : ''}
              </Button>
            )}
            <Typography.Text type="secondary">共 {indicators.length} 项三级指标</Typography.Text>
          </Space>
          <Typography.Text type="secondary" className="grid-keys">
            ↑↓←→ 移动 · Enter 下一行 · Tab 下一格{readOnly ? '' : ' · Alt+↑↓ 移动行 · Ctrl+Enter 插入行'}
          </Typography.Text>
        </div>
        <IndicatorGrid
          ref={ref}
          indicators={indicators}
          items={items}
          marks={rowMarks}
          flash={rowFlash}
          readOnly={readOnly}
          dispatch={dispatch}
          onFieldFocus={onFieldFocus}
          onRegroup={onRegroup}
          categoryWeights={weights}
          height={height}
        />
        <Card size="small" title="总分与结论" style={{ marginTop: 12 }}>
          <div className="field-grid field-grid-3">
            <Field spec={{ path: 'selfEvaluation.totalWeight', label: '总分 分值', kind: 'figure' }} />
            <Field
              spec={{ path: 'selfEvaluation.totalScore', label: '总分 自评得分', kind: 'figure', required: true }}
            />
            <Field spec={{ path: 'selfEvaluation.grade', label: '评价等次（自评表）', kind: 'text' }} />
            <Field spec={{ path: 'selfReported.total', label: '自评分数（报告正文）', kind: 'figure' }} />
            <Field spec={{ path: 'selfReported.grade', label: '等次（报告正文）', kind: 'text' }} />
            <Field spec={{ path: 'selfEvaluation.meta.preparer', label: '填表人', kind: 'text' }} />
            <Field spec={{ path: 'selfEvaluation.meta.preparedOn', label: '填报日期', kind: 'text' }} />
            <Field spec={{ path: 'selfEvaluation.meta.contactPhone', label: '联系电话', kind: 'text' }} />
          </div>
          <div className="field-grid">
            <Field spec={{ path: 'selfEvaluation.conclusion', label: '绩效结论', kind: 'textarea' }} />
          </div>
        </Card>
        <Modal
          title="移到其他指标组"
          open={regroupIndex !== null}
          okText="移动"
          cancelText="取消"
          onCancel={() => setRegroupIndex(null)}
          onOk={() => {
            const g = groupOptions.lookup.get(`${choice[0] ?? ''}\u0000${choice[1] ?? ''}`);
            const i = regroupIndex;
            if (g && i !== null)
              dispatch({ type: 'indicators', undoable: true, update: (l) => regroupIndicator(l, i, g).indicators });
            setRegroupIndex(null);
          }}
          okButtonProps={{ disabled: choice.length < 2 }}
          destroyOnHidden
        >
          <Typography.Paragraph>选择一级指标和二级指标：</Typography.Paragraph>
          <Cascader
            options={groupOptions.options}
            value={choice}
            onChange={(v) => setChoice((v ?? []).map(String))}
            style={{ width: '100%' }}
            placeholder="一级指标 / 二级指标"
            allowClear={false}
          />
        </Modal>
      </div>
    );
  },
);
