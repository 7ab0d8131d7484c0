/** 基础数据表 (附件1) in its official layout, every cell editable; detail rows can be added and removed. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip } from 'antd';
import type { Evaluation } from '../../../../../../src/model/index.js';
import { getAt, setAt } from '../../../../lib/doc.js';
import {
  BUILDING_COLUMNS,
  THREE_PUBLIC_ROWS,
  YEAR_COLUMN_LABELS,
  YEAR_COLUMNS,
  type YearColumn,
} from '../../../../lib/fields.js';
import { Cell } from '../cells.js';
import { useEditor } from '../context.js';
import { Field } from '../fields.js';

function columnLabel(e: Evaluation, c: YearColumn): string {
  const own = e.basicData?.columnLabels[c];
  if (own) return own;
  if (e.year === undefined) return YEAR_COLUMN_LABELS[c];
  return c === 'previousFinal'
    ? `${e.year - 1}年决算数`
    : c === 'currentBudget'
      ? `${e.year}年预算数`
      : `${e.year}年决算数`;
}

/** A year column's heading as the table writes it (editable: a wrong year there is a finding). */
function ColumnLabel({ column, fallback }: { column: YearColumn; fallback: string }) {
  const { doc } = useEditor();
  if (!doc.basicData?.columnLabels[column]) return <span title="表中未写栏目名称，按评价年度显示">{fallback}</span>;
  return <Cell path={`basicData.columnLabels.${column}`} kind="text" label="栏目名称" />;
}

function YearCells({ path, label }: { path: string; label: string }) {
  return (
    <>
      {YEAR_COLUMNS.map((c) => (
        <td key={c}>
          <Cell path={`${path}.${c}`} kind="money" label={`${label}（${YEAR_COLUMN_LABELS[c]}）`} />
        </td>
      ))}
    </>
  );
}

function ItemRows({
  list,
  title,
  addLabel,
}: {
  list: 'projectExpenditure' | 'publicFunds';
  title: string;
  addLabel: string;
}) {
  const { doc, readOnly, dispatch } = useEditor();
  const items = doc.basicData?.[list].items ?? [];
  const base = `basicData.${list}.items`;
  const add = () =>
    dispatch({
      type: 'update',
      undoable: true,
      update: (d) => setAt(d, base, [...((getAt(d, base) as unknown[] | undefined) ?? []), {}]),
    });
  const remove = (i: number) =>
    dispatch({
      type: 'update',
      undoable: true,
      update: (d) =>
        setAt(
          d,
          base,
          ((getAt(d, base) as unknown[] | undefined) ?? []).filter((_, k) => k !== i),
        ),
    });
  return (
    <>
      {items.map((_, i) => (
        <tr key={i}>
          <th className="sheet-label sheet-indent-1">
            <div className="sheet-label-edit">
              <Cell path={`${base}.${i}.label`} kind="text" label={`${title}明细名称`} />
              {!readOnly && (
                <Tooltip title="删除此行">
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(i)}
                    aria-label="删除此行"
                  />
                </Tooltip>
              )}
            </div>
          </th>
          <YearCells path={`${base}.${i}`} label={doc.basicData?.[list].items[i]?.label ?? `${title}明细 ${i + 1}`} />
        </tr>
      ))}
      {!readOnly && (
        <tr>
          <th className="sheet-label sheet-indent-1" colSpan={4}>
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add}>
              {addLabel}
            </Button>
          </th>
        </tr>
      )}
    </>
  );
}

function Buildings() {
  const { doc, readOnly, dispatch } = useEditor();
  const items = doc.basicData?.buildings.items ?? [];
  const base = 'basicData.buildings.items';
  return (
    <table className="sheet">
      <thead>
        <tr>
          <th style={{ width: 200 }}>
            楼堂馆所控制情况{doc.basicData?.buildings.label ? `（${doc.basicData.buildings.label}）` : ''}
          </th>
          {BUILDING_COLUMNS.slice(1).map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
          {!readOnly && <th style={{ width: 40 }} />}
        </tr>
      </thead>
      <tbody>
        {items.map((_, i) => (
          <tr key={i}>
            {BUILDING_COLUMNS.map((c) => (
              <td key={c.key}>
                <Cell path={`${base}.${i}.${c.key}`} kind={c.kind} label={c.label} />
              </td>
            ))}
            {!readOnly && (
              <td>
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label="删除此行"
                  onClick={() =>
                    dispatch({
                      type: 'update',
                      undoable: true,
                      update: (d) =>
                        setAt(
                          d,
                          base,
                          ((getAt(d, base) as unknown[] | undefined) ?? []).filter((_, k) => k !== i),
                        ),
                    })
                  }
                />
              </td>
            )}
          </tr>
        ))}
        {items.length === 0 && (
          <tr>
            <td colSpan={BUILDING_COLUMNS.length + 1} className="sheet-empty">
              本年度无楼堂馆所项目
            </td>
          </tr>
        )}
      </tbody>
      {!readOnly && (
        <tfoot>
          <tr>
            <td colSpan={BUILDING_COLUMNS.length + 1}>
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  dispatch({
                    type: 'update',
                    undoable: true,
                    update: (d) => setAt(d, base, [...((getAt(d, base) as unknown[] | undefined) ?? []), {}]),
                  })
                }
              >
                添加楼堂馆所项目
              </Button>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export function BasicDataSection() {
  const { doc } = useEditor();
  return (
    <div className="section-body">
      <Card size="small" title="部门整体支出绩效评价基础数据表" extra={<span className="muted">金额单位：万元</span>}>
        <div className="field-grid">
          <Field spec={{ path: 'basicData.meta.unitName', label: '填报单位', kind: 'text' }} />
        </div>
        <table className="sheet">
          <thead>
            <tr>
              <th style={{ width: 260 }}>财政供养人员情况</th>
              <th>编制数</th>
              <th>实际在职人数</th>
              <th>控制率</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th className="sheet-label" />
              <td>
                <Cell path="basicData.staffing.authorizedStaff" kind="figure" label="编制数" />
              </td>
              <td>
                <Cell path="basicData.staffing.actualStaff" kind="figure" label="实际在职人数" />
              </td>
              <td>
                <Cell path="basicData.staffing.staffControlRate" kind="figure" label="控制率" />
              </td>
            </tr>
          </tbody>
          <thead>
            <tr>
              <th>经费控制情况</th>
              {YEAR_COLUMNS.map((c) => (
                <th key={c} className="sheet-head-edit">
                  <ColumnLabel column={c} fallback={columnLabel(doc, c)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {THREE_PUBLIC_ROWS.map((r) => (
              <tr key={r.key}>
                <th className={`sheet-label sheet-indent-${r.indent}`}>{r.label}</th>
                <YearCells path={`basicData.threePublicCosts.${r.key}`} label={r.label} />
              </tr>
            ))}
            <tr>
              <th className="sheet-label">项目支出：</th>
              <YearCells path="basicData.projectExpenditure.total" label="项目支出" />
            </tr>
            <ItemRows list="projectExpenditure" title="项目支出" addLabel="添加项目（一个专项一行）" />
            <tr>
              <th className="sheet-label">公用经费</th>
              <YearCells path="basicData.publicFunds.total" label="公用经费" />
            </tr>
            <ItemRows list="publicFunds" title="公用经费" addLabel="添加公用经费明细" />
            <tr>
              <th className="sheet-label">政府采购金额</th>
              <YearCells path="basicData.governmentProcurement" label="政府采购金额" />
            </tr>
            <tr>
              <th className="sheet-label">部门基本支出预算调整</th>
              <YearCells path="basicData.basicBudgetAdjustment" label="部门基本支出预算调整" />
            </tr>
          </tbody>
        </table>
      </Card>
      <Card size="small" title="楼堂馆所控制情况">
        <Buildings />
      </Card>
      <Card size="small" title="厉行节约保障措施与填表信息">
        <div className="field-grid">
          <Field spec={{ path: 'basicData.frugalityMeasures', label: '厉行节约保障措施', kind: 'textarea' }} />
          <Field spec={{ path: 'basicData.notes', label: '说明', kind: 'textarea' }} />
          <Field spec={{ path: 'basicData.meta.preparer', label: '填表人', kind: 'text' }} />
          <Field spec={{ path: 'basicData.meta.preparedOn', label: '填报日期', kind: 'text' }} />
          <Field spec={{ path: 'basicData.meta.contactPhone', label: '联系电话', kind: 'text' }} />
        </div>
      </Card>
    </div>
  );
}
