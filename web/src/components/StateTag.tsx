import { Tag } from 'antd';
import { STATE_COLORS, STATE_LABELS, type EvaluationState } from '../api/types.js';

export function StateTag({ state }: { state: EvaluationState }) {
  return (
    <Tag color={STATE_COLORS[state]} bordered={false} style={{ marginInlineEnd: 0 }}>
      {STATE_LABELS[state]}
    </Tag>
  );
}
