/** 预算执行: the prose's money (exact 万元 inputs) and the 自评表's money block with the recomputed execution score. */
import { Card, Tag, Tooltip } from 'antd';
import type { ScoreItem } from '../../../../../../src/scoring/types.js';
import { formatScore } from '../../../../components/format.js';
import { FINANCE_GROUPS, FUNDING_COLUMNS, FUNDING_ROWS } from '../../../../lib/fields.js';
import { Cell } from '../cells.js';
import { Field } from '../fields.js';

export function BudgetSection({ execution }: { execution: ScoreItem | undefined }) {
  return (
    <div className="section-body">
      <Card
        size="small"
        title="自评表 · 资金情况（万元）"
        extra={
          execution && (
            <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{execution.formula}</div>}>
              <span>
                预算执行率重算得分 <strong className="num">{formatScore(execution.recomputed)}</strong>
                {execution.selfScore !== null && <> ／ 自评 {formatScore(execution.selfScore)}</>}
                {execution.difference !== null && execution.difference !== 0 && (
                  <Tag color="error" style={{ marginLeft: 6 }}>
                    相差 {formatScore(execution.difference)}
                  </Tag>
                )}
              </span>
            </Tooltip>
          )
        }
      >
        <table className="sheet">
          <thead>
            <tr>
              <th style={{ width: 190 }}>项目</th>
              {FUNDING_COLUMNS.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FUNDING_ROWS.map((r) => (
              <tr key={r.path}>
                <th className="sheet-label">{r.label}</th>
                {FUNDING_COLUMNS.map((c) =>
                  !r.scored && (c.key === 'weight' || c.key === 'score' || c.key === 'executionRate') ? (
                    <td key={c.key} className="sheet-void" />
                  ) : (
                    <td key={c.key}>
                      <Cell path={`${r.path}.${c.key}`} kind={c.kind} label={`${r.label.trim()} ${c.label}`} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {FINANCE_GROUPS.map((g) => (
        <Card key={g.title} size="small" title={`报告正文 · ${g.title}`}>
          <div className="field-grid field-grid-3">
            {g.fields.map((f) => (
              <Field key={f.path} spec={f} />
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
