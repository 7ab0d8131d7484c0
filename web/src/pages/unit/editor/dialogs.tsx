/** The editor's dialogs: a save conflict (409), restoring unsaved edits, and confirming a workflow step. */
import { Alert, Button, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Finding } from '../../../../../src/checks/index.js';
import type { Evaluation } from '../../../../../src/model/index.js';
import {
  TRANSITION_LABELS,
  TRANSITION_NEEDS_COMMENT,
  type TransitionName,
  type VersionConflictDetails,
} from '../../../api/types.js';
import { formatDateTime } from '../../../components/format.js';
import type { Backup } from '../../../lib/backup.js';
import { fieldLabel } from '../../../lib/fields.js';

/** Save the document being edited as a JSON file (to keep one's edits whatever happens). */
export function downloadJson(doc: Evaluation, name: string): void {
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ConflictDialog({
  conflict,
  saving,
  onOverwrite,
  onReload,
  onClose,
  doc,
}: {
  conflict: VersionConflictDetails | null;
  saving: boolean;
  onOverwrite: (currentVersion: number) => void;
  onReload: () => void;
  onClose: () => void;
  doc: Evaluation;
}) {
  return (
    <Modal
      open={conflict !== null}
      title="保存冲突：这份自评已被其他人修改"
      onCancel={onClose}
      width={560}
      footer={
        <Space wrap>
          <Button onClick={() => downloadJson(doc, `我的修改-${new Date().toISOString().slice(0, 10)}.json`)}>
            导出我的修改
          </Button>
          <Button danger onClick={onReload}>
            放弃我的修改，载入最新版
          </Button>
          <Button type="primary" loading={saving} onClick={() => conflict && onOverwrite(conflict.currentVersion)}>
            用我的修改保存为新版本
          </Button>
        </Space>
      }
    >
      {conflict && (
        <>
          <Typography.Paragraph>
            您是在第 <strong>{conflict.expectedVersion}</strong> 版的基础上修改的，但在此期间已有人保存了第{' '}
            <strong>{conflict.currentVersion}</strong> 版
            {conflict.current
              ? `（${formatDateTime(conflict.current.createdAt)}${conflict.current.note ? `，${conflict.current.note}` : ''}）`
              : ''}
            。
          </Typography.Paragraph>
          <Alert
            type="info"
            showIcon
            message="您的修改没有丢失"
            description={`修改仍在本页，并已在本机暂存。您可以关闭此窗口继续编辑；“用我的修改保存为新版本”会以您的内容为准（对方在第 ${conflict.currentVersion} 版所做的修改将被覆盖，但历史版本都会保留）。`}
          />
        </>
      )}
    </Modal>
  );
}

export function RestoreDialog({
  backup,
  currentVersion,
  onRestore,
  onDiscard,
}: {
  backup: Backup | null;
  currentVersion: number;
  onRestore: (b: Backup) => void;
  onDiscard: () => void;
}) {
  return (
    <Modal
      open={backup !== null}
      title="发现上次未保存的修改"
      closable={false}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onDiscard}>丢弃</Button>
          <Button type="primary" onClick={() => backup && onRestore(backup)}>
            恢复这些修改
          </Button>
        </Space>
      }
    >
      {backup && (
        <>
          <Typography.Paragraph>
            本机暂存了 {formatDateTime(backup.savedAt)} 在第 {backup.baseVersion} 版基础上所做、尚未保存的修改。
          </Typography.Paragraph>
          {backup.baseVersion !== currentVersion && (
            <Alert
              type="warning"
              showIcon
              message={`服务器上已是第 ${currentVersion} 版。恢复后保存将以暂存的内容为准。`}
            />
          )}
        </>
      )}
    </Modal>
  );
}

export function TransitionDialog({
  name,
  errors,
  warnings,
  onCancel,
  onConfirm,
  commentPath,
  doc,
}: {
  name: TransitionName | null;
  errors: readonly Finding[];
  warnings: number;
  onCancel: () => void;
  onConfirm: (comment: string | undefined, fieldPath: string | undefined) => Promise<void>;
  commentPath: string;
  doc: Evaluation;
}) {
  const [comment, setComment] = useState('');
  const [pin, setPin] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (name) {
      setComment('');
      setPin(commentPath !== '');
    }
  }, [name, commentPath]);
  if (!name) return null;
  const needsComment = TRANSITION_NEEDS_COMMENT[name];
  const forward = name === 'submit' || name === 'approve';
  return (
    <Modal
      open
      title={TRANSITION_LABELS[name]}
      onCancel={onCancel}
      okText={errors.length > 0 && forward ? `仍然${TRANSITION_LABELS[name]}` : TRANSITION_LABELS[name]}
      cancelText="取消"
      okButtonProps={{ disabled: needsComment && comment.trim() === '', danger: name === 'unitReturn' }}
      confirmLoading={busy}
      onOk={async () => {
        setBusy(true);
        try {
          await onConfirm(comment.trim() || undefined, pin && commentPath ? commentPath : undefined);
        } finally {
          setBusy(false);
        }
      }}
    >
      {forward && errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`核查发现 ${errors.length} 个错误、${warnings} 条警告或提示`}
          description={
            <ul className="dialog-errors">
              {errors.slice(0, 5).map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
              {errors.length > 5 && <li>……还有 {errors.length - 5} 个</li>}
            </ul>
          }
        />
      )}
      {forward && errors.length === 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`未发现错误${warnings ? `（${warnings} 条警告或提示）` : ''}`}
        />
      )}
      {name === 'submit' && (
        <Typography.Paragraph>提交后内容将锁定，由单位审核人审核；审核人可退回修改。</Typography.Paragraph>
      )}
      {name === 'approve' && <Typography.Paragraph>审核通过后将报送财政部门复核。</Typography.Paragraph>}
      {name === 'reopen' && (
        <Typography.Paragraph>将退回的自评转为草稿以便修改，批注会保留在各字段旁。</Typography.Paragraph>
      )}
      {(needsComment || name === 'approve' || name === 'submit') && (
        <>
          <Typography.Text>{needsComment ? '退回原因（必填）' : '说明（可选）'}</Typography.Text>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={4}
            maxLength={5000}
            style={{ marginTop: 4 }}
          />
          {needsComment && commentPath && (
            <Checkbox checked={pin} onChange={(e) => setPin(e.target.checked)} style={{ marginTop: 8 }}>
              针对字段：{fieldLabel(doc, commentPath)}
            </Checkbox>
          )}
        </>
      )}
    </Modal>
  );
}
