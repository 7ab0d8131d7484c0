/**
 * The 自评表's indicator tree as a grid: 一级 / 二级 header rows and one row per 三级指标, virtualised (only the rows
 * in view are in the DOM) and memoised (a keystroke re-renders one row), so 300 rows stay fast. Spreadsheet
 * keys: arrows, Enter / Shift+Enter, Tab / Shift+Tab; Alt+↑/↓ moves a row, Ctrl+Enter inserts one below.
 * Each row shows the score jixiao recomputes, with its formula on hover.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CaretDownOutlined,
  CaretRightOutlined,
  DeleteOutlined,
  EllipsisOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Comparator, Figure, Indicator } from '../../../../../../src/model/index.js';
import type { ScoreItem } from '../../../../../../src/scoring/types.js';
import { formatScore } from '../../../../components/format.js';
import { figureFromText } from '../../../../lib/doc.js';
import { GRID_COLUMNS } from '../../../../lib/fields.js';
import { nextCell, scrollToRow, visibleRange } from '../../../../lib/gridNav.js';
import {
  addBelow,
  addToSubcategory,
  blankIndicator,
  insertIndicator,
  canMove,
  CATEGORY_OPTIONS,
  gridRows,
  moveGroup,
  moveIndicator,
  removeIndicator,
  renameRun,
  updateIndicator,
  type GridRow,
} from '../../../../lib/indicatorTree.js';
import { markText, type FieldMark } from '../context.js';
import { useDraftText } from '../fields.js';
import type { EditorAction } from '../store.js';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 34;
const NAV_COLS = GRID_COLUMNS.length;

type ColField = (typeof GRID_COLUMNS)[number]['field'];

const COMPARATORS: readonly { value: Comparator | ''; label: string }[] = [
  { value: '', label: '—' },
  { value: '>=', label: '≥' },
  { value: '<=', label: '≤' },
  { value: '=', label: '=' },
  { value: '>', label: '>' },
  { value: '<', label: '<' },
  { value: 'range', label: '区间' },
  { value: 'qualitative', label: '定性' },
];

export interface GridHandle {
  /** scroll to an indicator (expanding its group), focus a cell and flash it */
  reveal(index: number, field?: string): void;
}

export interface RowMarks {
  row?: FieldMark;
  fields: Partial<Record<string, FieldMark>>;
}

interface RowActions {
  setField(index: number, field: ColField, value: unknown): void;
  structural(update: (list: readonly Indicator[]) => { indicators: Indicator[]; index: number } | Indicator[]): void;
  regroup(index: number): void;
  focus(path: string): void;
}

function cellClass(mark: FieldMark | undefined, flash: boolean, extra = ''): string {
  let c = `grid-input ${extra}`;
  if (mark?.severity === 'error') c += ' cell-error';
  else if (mark?.severity === 'warning') c += ' cell-warning';
  if (mark?.comments.length) c += ' cell-commented';
  if (flash) c += ' field-flash';
  return c;
}

/** One editable text cell of the grid. */
const GridInput = memo(function GridInput({
  index,
  col,
  field,
  value,
  commit,
  mark,
  flash,
  readOnly,
  numeric,
  onFocusPath,
}: {
  index: number;
  col: number;
  field: ColField;
  value: string;
  commit: (index: number, field: ColField, text: string) => void;
  mark: FieldMark | undefined;
  flash: boolean;
  readOnly: boolean;
  numeric?: boolean;
  onFocusPath: (path: string) => void;
}) {
  const d = useDraftText(value, (t) => commit(index, field, t));
  return (
    <input
      className={cellClass(mark, flash, numeric ? 'num' : '')}
      data-cell={`${index}:${col}`}
      data-path={`selfEvaluation.indicators.${index}.${field}`}
      value={d.value}
      readOnly={readOnly}
      title={markText(mark) ?? (d.value.length > 12 ? d.value : undefined)}
      aria-label={GRID_COLUMNS[col]?.label}
      onChange={(e) => d.onChange(e.target.value)}
      onFocus={() => {
        d.onFocus();
        onFocusPath(`selfEvaluation.indicators.${index}.${field}`);
      }}
      onBlur={d.onBlur}
    />
  );
});

const IndicatorRow = memo(function IndicatorRow({
  index,
  indicator,
  item,
  marks,
  flash,
  readOnly,
  canUp,
  canDown,
  actions,
  top,
}: {
  index: number;
  indicator: Indicator;
  item: ScoreItem | undefined;
  marks: RowMarks | undefined;
  flash: readonly string[] | undefined;
  readOnly: boolean;
  canUp: boolean;
  canDown: boolean;
  actions: RowActions;
  top: number;
}) {
  const commitText = useCallback(
    (i: number, field: ColField, text: string) => {
      if (field === 'name') actions.setField(i, field, text);
      else if (field === 'unit' || field === 'deviationNote')
        actions.setField(i, field, text === '' ? undefined : text);
      else actions.setField(i, field, figureFromText(text));
    },
    [actions],
  );
  const text = (f: Figure | undefined) => f?.text ?? '';
  const cell = (col: number, field: ColField, value: string, numeric = false) => (
    <div className="grid-cell" key={field}>
      <GridInput
        index={index}
        col={col}
        field={field}
        value={value}
        commit={commitText}
        mark={marks?.fields[field]}
        flash={!!flash?.includes(field)}
        readOnly={readOnly}
        numeric={numeric}
        onFocusPath={actions.focus}
      />
    </div>
  );
  const menu: MenuProps['items'] = [
    { key: 'up', label: '上移（Alt+↑）', icon: <ArrowUpOutlined />, disabled: !canUp },
    { key: 'down', label: '下移（Alt+↓）', icon: <ArrowDownOutlined />, disabled: !canDown },
    { key: 'below', label: '在下方插入一行（Ctrl+Enter）', icon: <PlusOutlined /> },
    { key: 'regroup', label: '移到其他指标组…' },
    { type: 'divider' },
    { key: 'delete', label: '删除此行', icon: <DeleteOutlined />, danger: true },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'up') actions.structural((l) => moveIndicator(l, index, -1));
    if (key === 'down') actions.structural((l) => moveIndicator(l, index, 1));
    if (key === 'below') actions.structural((l) => addBelow(l, index));
    if (key === 'delete') actions.structural((l) => removeIndicator(l, index));
    if (key === 'regroup') actions.regroup(index);
  };
  const differs = item?.difference !== null && item?.difference !== undefined && item.difference !== 0;
  const rowMark = marks?.row;
  return (
    <div
      className={`grid-row grid-row-indicator${rowMark?.severity === 'error' ? ' grid-row-error' : ''}${flash?.includes('') ? ' field-flash' : ''}`}
      style={{ top }}
      data-path={`selfEvaluation.indicators.${index}`}
      role="row"
    >
      <div className="grid-cell grid-num" title={markText(rowMark)}>
        {index + 1}
      </div>
      {cell(0, 'name', indicator.name)}
      <div className="grid-cell">
        <select
          className={cellClass(marks?.fields['comparator'], !!flash?.includes('comparator'))}
          data-cell={`${index}:1`}
          data-path={`selfEvaluation.indicators.${index}.comparator`}
          value={indicator.comparator ?? ''}
          disabled={readOnly}
          aria-label="指标方向"
          title="指标方向：不选则按年度指标值中写的符号（≥、≤ 等）"
          onChange={(e) => actions.setField(index, 'comparator', e.target.value === '' ? undefined : e.target.value)}
          onFocus={() => actions.focus(`selfEvaluation.indicators.${index}.comparator`)}
        >
          {COMPARATORS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {cell(2, 'target', text(indicator.target))}
      {cell(3, 'unit', indicator.unit ?? '')}
      {cell(4, 'actual', text(indicator.actual))}
      {cell(5, 'weight', text(indicator.weight), true)}
      {cell(6, 'selfScore', text(indicator.selfScore), true)}
      <div className={`grid-cell grid-score num${differs ? ' grid-score-differs' : ''}`}>
        {item ? (
          <Tooltip
            title={
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {item.formula}
                {item.unscorableReason ? `\n${item.unscorableReason}` : ''}
              </div>
            }
            placement="left"
            mouseEnterDelay={0.15}
          >
            <span className="grid-score-value">
              {item.recomputed === null ? '无法计分' : formatScore(item.recomputed)}
            </span>
          </Tooltip>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      {cell(7, 'deviationNote', indicator.deviationNote ?? '')}
      <div className="grid-cell grid-actions">
        {!readOnly && (
          <Dropdown menu={{ items: menu, onClick: onMenu }} trigger={['click']}>
            <Button size="small" type="text" icon={<EllipsisOutlined />} aria-label="行操作" tabIndex={-1} />
          </Dropdown>
        )}
      </div>
    </div>
  );
});

const HeaderRow = memo(function HeaderRow({
  row,
  collapsed,
  onToggle,
  readOnly,
  actions,
  weight,
  top,
  canUp,
  canDown,
}: {
  row: Exclude<GridRow, { type: 'indicator' }>;
  collapsed: boolean;
  onToggle: (key: string) => void;
  readOnly: boolean;
  actions: RowActions;
  weight: string | undefined;
  top: number;
  canUp: boolean;
  canDown: boolean;
}) {
  const isCat = row.type === 'category';
  const name = isCat ? row.category : row.subcategory;
  const d = useDraftText(name, (t) =>
    actions.structural((l) => renameRun(l, row.first, row.last, isCat ? { category: t } : { subcategory: t })),
  );
  const catOption = isCat ? CATEGORY_OPTIONS.find((c) => c.key === row.categoryKey) : undefined;
  const addMenu: MenuProps['items'] = (catOption?.subcategories ?? []).map((s) => ({ key: s.key, label: s.label }));
  return (
    <div className={`grid-row grid-row-${row.type}`} style={{ top }} role="row">
      <div className="grid-cell grid-num">
        <button
          type="button"
          className="grid-toggle"
          onClick={() => onToggle(row.key)}
          aria-label={collapsed ? '展开' : '折叠'}
          tabIndex={-1}
        >
          {collapsed ? <CaretRightOutlined /> : <CaretDownOutlined />}
        </button>
      </div>
      <div className="grid-cell grid-group-name">
        <span className="grid-group-level">{isCat ? '一级指标' : '二级指标'}</span>
        <input
          className="grid-input grid-group-input"
          value={d.value}
          readOnly={readOnly}
          aria-label={isCat ? '一级指标名称' : '二级指标名称'}
          onChange={(e) => d.onChange(e.target.value)}
          onFocus={d.onFocus}
          onBlur={d.onBlur}
        />
        {isCat && weight !== undefined && <span className="grid-group-weight">分值 {weight}</span>}
        <span className="muted grid-group-count">{row.last - row.first + 1} 项</span>
      </div>
      <div className="grid-cell grid-group-tools">
        {!readOnly &&
          (isCat ? (
            addMenu.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: addMenu,
                  onClick: ({ key }) => {
                    const s = catOption?.subcategories.find((x) => x.key === key);
                    if (!s) return;
                    actions.structural((l) =>
                      insertIndicator(
                        l,
                        row.last + 1,
                        blankIndicator(l, {
                          category: row.category,
                          categoryKey: row.categoryKey,
                          subcategory: s.label,
                          subcategoryKey: s.key,
                        }),
                      ),
                    );
                  },
                }}
              >
                <Button size="small" type="link" icon={<PlusOutlined />}>
                  添加二级指标
                </Button>
              </Dropdown>
            )
          ) : (
            <>
              <Button
                size="small"
                type="link"
                icon={<PlusOutlined />}
                onClick={() => actions.structural((l) => addToSubcategory(l, row.first))}
              >
                添加三级指标
              </Button>
              <Tooltip title="整组上移">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={!canUp}
                  onClick={() => actions.structural((l) => moveGroup(l, row.first, -1))}
                  aria-label="整组上移"
                />
              </Tooltip>
              <Tooltip title="整组下移">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={!canDown}
                  onClick={() => actions.structural((l) => moveGroup(l, row.first, 1))}
                  aria-label="整组下移"
                />
              </Tooltip>
            </>
          ))}
      </div>
    </div>
  );
});

export interface IndicatorGridProps {
  indicators: readonly Indicator[];
  items: ReadonlyMap<string, ScoreItem>;
  marks: ReadonlyMap<number, RowMarks>;
  flash: ReadonlyMap<number, readonly string[]>;
  readOnly: boolean;
  dispatch: (a: EditorAction) => void;
  onFieldFocus: (path: string) => void;
  onRegroup: (index: number) => void;
  categoryWeights: Partial<Record<string, string>>;
  height: number;
}

export const IndicatorGrid = forwardRef<GridHandle, IndicatorGridProps>(function IndicatorGrid(
  { indicators, items, marks, flash, readOnly, dispatch, onFieldFocus, onRegroup, categoryWeights, height },
  ref,
) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ index: number; col: number } | null>(null);

  const rows = useMemo(() => gridRows(indicators, collapsed), [indicators, collapsed]);
  /** indicator index → position among all rows; nav order of the visible indicator rows */
  const { rowPos, navRows, navPos } = useMemo(() => {
    const rp = new Map<number, number>();
    const nr: number[] = [];
    const np = new Map<number, number>();
    rows.forEach((r, i) => {
      if (r.type === 'indicator') {
        rp.set(r.index, i);
        np.set(r.index, nr.length);
        nr.push(r.index);
      }
    });
    return { rowPos: rp, navRows: nr, navPos: np };
  }, [rows]);

  const viewport = height - HEADER_HEIGHT;
  const range = visibleRange(scrollTop, viewport, ROW_HEIGHT, rows.length, 10);

  const actions = useMemo<RowActions>(
    () => ({
      setField: (index, field, value) =>
        dispatch({
          type: 'indicators',
          update: (l) => updateIndicator(l, index, { [field]: value } as Partial<Indicator>),
        }),
      structural: (update) =>
        dispatch({
          type: 'indicators',
          undoable: true,
          update: (l) => {
            const r = update(l);
            if (Array.isArray(r)) return r;
            pendingFocus.current = { index: r.index, col: 0 };
            return r.indicators;
          },
        }),
      regroup: onRegroup,
      focus: onFieldFocus,
    }),
    [dispatch, onFieldFocus, onRegroup],
  );

  const toggle = useCallback((key: string) => {
    setCollapsed((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  }, []);

  const bringIntoView = useCallback(
    (index: number) => {
      const pos = rowPos.get(index);
      const el = scroller.current;
      if (pos === undefined || !el) return;
      const next = scrollToRow(pos, el.scrollTop, el.clientHeight - HEADER_HEIGHT, ROW_HEIGHT);
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(next);
      }
    },
    [rowPos],
  );

  // focus a cell once its row is rendered (after a scroll or a structural change)
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    if (!rowPos.has(p.index)) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${p.index}:${p.col}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
      if (el instanceof HTMLInputElement) el.select();
    } else {
      bringIntoView(p.index);
    }
  });

  useImperativeHandle(
    ref,
    () => ({
      reveal(index, field) {
        // expand the groups hiding the row
        const ind = indicators[index];
        if (!ind) return;
        const hidden = !rowPos.has(index);
        if (hidden) setCollapsed(new Set());
        const col = Math.max(
          0,
          GRID_COLUMNS.findIndex((c) => c.field === field),
        );
        pendingFocus.current = { index, col };
        if (!hidden) bringIntoView(index);
      },
    }),
    [indicators, rowPos, bringIntoView],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = e.target as HTMLElement;
    const cellAttr = t.getAttribute('data-cell');
    if (!cellAttr) return;
    const [idxS, colS] = cellAttr.split(':');
    const index = Number(idxS);
    const col = Number(colS);
    if (!readOnly && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const delta = e.key === 'ArrowUp' ? -1 : 1;
      if (canMove(indicators, index, delta)) {
        actions.structural((l) => moveIndicator(l, index, delta));
        pendingFocus.current = { index: index + delta, col };
      }
      return;
    }
    if (!readOnly && (e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      actions.structural((l) => addBelow(l, index));
      return;
    }
    const isInput = t instanceof HTMLInputElement;
    const caret = isInput
      ? { atStart: t.selectionStart === 0 && t.selectionEnd === 0, atEnd: t.selectionStart === t.value.length }
      : { atStart: true, atEnd: true, ownsVerticalKeys: t instanceof HTMLSelectElement };
    const pos = navPos.get(index);
    if (pos === undefined) return;
    const next = nextCell({ row: pos, col }, e, navRows.length, NAV_COLS, caret);
    if (!next) return;
    e.preventDefault();
    const target = navRows[next.row];
    if (target === undefined) return;
    pendingFocus.current = { index: target, col: next.col };
    bringIntoView(target);
    // same row: focus at once
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${target}:${next.col}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
      if (el instanceof HTMLInputElement) el.select();
      bringIntoView(target);
    }
  };

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScrollTop(el.scrollTop));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const slice: JSX.Element[] = [];
  for (let i = range.start; i <= range.end; i++) {
    const r = rows[i];
    if (!r) continue;
    const top = i * ROW_HEIGHT;
    if (r.type === 'indicator') {
      slice.push(
        <IndicatorRow
          key={r.key}
          index={r.index}
          indicator={r.indicator}
          item={items.get(r.indicator.id)}
          marks={marks.get(r.index)}
          flash={flash.get(r.index)}
          readOnly={readOnly}
          canUp={canMove(indicators, r.index, -1)}
          canDown={canMove(indicators, r.index, 1)}
          actions={actions}
          top={top}
        />,
      );
    } else {
      const prevSameCat = r.type === 'subcategory' && r.first > 0 && indicators[r.first - 1]?.category === r.category;
      const nextSameCat = r.type === 'subcategory' && indicators[r.last + 1]?.category === r.category;
      slice.push(
        <HeaderRow
          key={r.key}
          row={r}
          collapsed={collapsed.has(r.key)}
          onToggle={toggle}
          readOnly={readOnly}
          actions={actions}
          weight={r.type === 'category' ? categoryWeights[r.categoryKey] : undefined}
          top={top}
          canUp={prevSameCat}
          canDown={nextSameCat}
        />,
      );
    }
  }

  return (
    <div
      className="grid"
      ref={scroller}
      style={{ height }}
      onKeyDown={onKeyDown}
      role="grid"
      aria-rowcount={rows.length}
    >
      <div className="grid-inner">
        <div className="grid-row grid-header" role="row">
          <div className="grid-cell grid-num">序号</div>
          {GRID_COLUMNS.map((c) =>
            c.field === 'deviationNote' ? (
              <div key="score" style={{ display: 'contents' }}>
                <div className="grid-cell grid-score" title="按评分规则重算的得分；鼠标停在分数上可看算式">
                  重算得分
                </div>
                <div className="grid-cell">{c.label}</div>
              </div>
            ) : (
              <div key={c.field} className="grid-cell">
                {c.label}
              </div>
            ),
          )}
          <div className="grid-cell grid-actions" />
        </div>
        <div className="grid-body" style={{ height: rows.length * ROW_HEIGHT }}>
          {slice}
        </div>
      </div>
    </div>
  );
});
