/** Beside the form: the findings (click to jump to the field) and the comments pinned to fields. */
import { CheckOutlined, CloseOutlined, CommentOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Empty, Input, Tabs, Tag, Typography } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../../../src/checks/index.js';
import { api, messageOf } from '../../../api/client.js';
import type { Comment } from '../../../api/types.js';
import { FindingList } from '../../../components/FindingList.js';
import { formatDateTime } from '../../../components/format.js';
import { normalizePath, SECTION_LABELS, sectionOfPath } from '../../../lib/paths.js';

function placeOf(f: Finding): string | undefined {
  const p = f.where[0]?.path;
  const s = p ? sectionOfPath(p) : undefined;
  return s ? SECTION_LABELS[s] : undefined;
}

function CommentsTab({
  evaluationId,
  comments,
  commentPath,
  onClearCommentPath,
  onJump,
  onChanged,
  canComment,
  canResolve,
  labelOf,
}: {
  labelOf: (path: string) => string;
  evaluationId: string;
  comments: Comment[];
  commentPath: string;
  onClearCommentPath: () => void;
  onJump: (path: string) => void;
  onChanged: () => void;
  canComment: boolean;
  canResolve: boolean;
}) {
  const { message } = AntApp.useApp();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const open = comments.filter((c) => c.resolvedAt === null);
  const resolved = comments.filter((c) => c.resolvedAt !== null);

  const add = async () => {
    if (body.trim() === '') return;
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${encodeURIComponent(evaluationId)}/comments`, {
        fieldPath: commentPath,
        body: body.trim(),
      });
      setBody('');
      onChanged();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const resolve = async (c: Comment) => {
    try {
      await api.post(`/api/comments/${encodeURIComponent(c.id)}/resolve`);
      onChanged();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const item = (c: Comment) => {
    const path = normalizePath(c.fieldPath);
    return (
      <li key={c.id} className={`comment${c.resolvedAt ? ' comment-resolved' : ''}`}>
        <div className="comment-head">
          {path ? (
            <button type="button" className="link-button" onClick={() => onJump(path)} title="定位到该字段">
              {labelOf(path)}
            </button>
          ) : (
            <span className="muted">整份自评</span>
          )}
          {c.resolvedAt && <Tag bordered={false}>已处理</Tag>}
        </div>
        <div className="comment-body">{c.body}</div>
        <div className="comment-foot">
          <span className="muted">
            第 {c.version} 版 · {formatDateTime(c.createdAt)}
          </span>
          {!c.resolvedAt && canResolve && (
            <Button size="small" type="link" icon={<CheckOutlined />} onClick={() => void resolve(c)}>
              标记已处理
            </Button>
          )}
        </div>
      </li>
    );
  };

  return (
    <div className="comments">
      {canComment && (
        <div className="comment-new">
          <div className="comment-target">
            批注位置：
            {commentPath ? (
              <Tag closable closeIcon={<CloseOutlined />} onClose={onClearCommentPath}>
                {labelOf(commentPath)}
              </Tag>
            ) : (
              <span className="muted">整份自评（先点一下表单中的字段可针对该字段）</span>
            )}
          </div>
          <Input.TextArea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={3}
            placeholder="写下批注……"
            maxLength={5000}
          />
          <Button
            type="primary"
            size="small"
            onClick={() => void add()}
            loading={busy}
            disabled={body.trim() === ''}
            style={{ marginTop: 6 }}
          >
            添加批注
          </Button>
        </div>
      )}
      {open.length === 0 && resolved.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无批注" />
      ) : (
        <ul className="comment-list">
          {open.map(item)}
          {resolved.length > 0 && (
            <Typography.Text type="secondary" className="comment-divider">
              已处理的批注（{resolved.length}）
            </Typography.Text>
          )}
          {resolved.map(item)}
        </ul>
      )}
    </div>
  );
}

export const SidePanel = memo(function SidePanel(props: {
  evaluationId: string;
  findings: readonly Finding[];
  selected: Finding | null;
  onSelectFinding: (f: Finding) => void;
  comments: Comment[];
  commentPath: string;
  onClearCommentPath: () => void;
  onJump: (path: string) => void;
  onCommentsChanged: () => void;
  canComment: boolean;
  canResolve: boolean;
  labelOf: (path: string) => string;
  analysing: boolean;
  profileName: string | null;
}) {
  const openCount = props.comments.filter((c) => c.resolvedAt === null).length;
  const [tab, setTab] = useState<string>(openCount > 0 ? 'comments' : 'findings');
  // open comments (a returned evaluation) are shown first, once, when they arrive
  const shownComments = useRef(openCount > 0);
  useEffect(() => {
    if (openCount > 0 && !shownComments.current) {
      shownComments.current = true;
      setTab('comments');
    }
  }, [openCount]);
  return (
    <aside className="editor-side">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="small"
        items={[
          {
            key: 'findings',
            label: `核查发现（${props.findings.length}）`,
            children: (
              <div className="side-scroll">
                <FindingList
                  findings={props.findings}
                  onSelect={props.onSelectFinding}
                  selected={props.selected}
                  placeOf={placeOf}
                  compact
                />
                {props.profileName && (
                  <Typography.Text type="secondary" className="side-note">
                    评分规则：{props.profileName}。随输入即时重算。
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            key: 'comments',
            label: (
              <span>
                <CommentOutlined /> 批注 <Badge count={openCount} size="small" />
              </span>
            ),
            children: (
              <div className="side-scroll">
                <CommentsTab
                  evaluationId={props.evaluationId}
                  comments={props.comments}
                  commentPath={props.commentPath}
                  onClearCommentPath={props.onClearCommentPath}
                  onJump={props.onJump}
                  onChanged={props.onCommentsChanged}
                  canComment={props.canComment}
                  canResolve={props.canResolve}
                  labelOf={props.labelOf}
                />
              </div>
            ),
          },
        ]}
      />
    </aside>
  );
});
