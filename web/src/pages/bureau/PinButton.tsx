/** A row's comment mark: the count of open comments, and (for those who may comment) a button to add one. */
import { CommentOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';

export default function PinButton({
  path,
  count,
  onPin,
}: {
  path: string;
  count: number;
  /** null when the user may not comment: the count alone is shown */
  onPin: ((path: string) => void) | null;
}) {
  const icon = (
    <Badge count={count} size="small" offset={[4, -2]}>
      <CommentOutlined className={count ? 'review-pin-active' : 'review-pin'} />
    </Badge>
  );
  if (!onPin) {
    return count > 0 ? (
      <Tooltip title={`${count} 条批注`}>
        <span style={{ padding: '0 7px' }}>{icon}</span>
      </Tooltip>
    ) : null;
  }
  return (
    <Tooltip title={count ? `${count} 条批注；点击添加` : '添加批注'}>
      <Button size="small" type="text" aria-label="添加批注" onClick={() => onPin(path)} icon={icon} />
    </Tooltip>
  );
}
