/** 基本情况 and 年度总体目标: plain forms from the field lists. */
import { Card } from 'antd';
import { basicFields, goalFields } from '../../../../lib/fields.js';
import { useEditor } from '../context.js';
import { Field } from '../fields.js';

export function BasicSection() {
  const { doc } = useEditor();
  const fields = basicFields(doc);
  const head = fields.filter((f) => !f.path.startsWith('organisation.'));
  const org = fields.filter((f) => f.path.startsWith('organisation.'));
  return (
    <div className="section-body">
      <Card size="small" title="单位与年度">
        <div className="field-grid">
          {head.map((f) => (
            <Field key={f.path} spec={f} />
          ))}
        </div>
      </Card>
      <Card size="small" title="部门（单位）基本情况">
        <div className="field-grid">
          {org.map((f) => (
            <Field key={f.path} spec={f} />
          ))}
        </div>
      </Card>
    </div>
  );
}

export function GoalSection() {
  return (
    <div className="section-body">
      <Card size="small" title="年度总体目标（自评表）">
        <div className="field-grid">
          {goalFields().map((f) => (
            <Field key={f.path} spec={{ ...f }} />
          ))}
        </div>
      </Card>
    </div>
  );
}
