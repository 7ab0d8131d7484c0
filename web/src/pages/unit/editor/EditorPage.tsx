/**
 * The evaluation editor: sections as a task list with a status each, the form of the chosen section, and beside it
 * the findings (recomputed in the browser by the core's own checks as the user types) and the comments. Saves with
 * optimistic locking; exports and workflow transitions go through the API.
 */
import { Alert, App as AntApp, Button, Result, Spin } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Finding } from '../../../../../src/checks/index.js';
import type { ScoreItem } from '../../../../../src/scoring/types.js';
import { useAnalysis } from '../../../analysis/useAnalysis.js';
import { api, ApiRequestError, messageOf } from '../../../api/client.js';
import {
  KIND_LABELS,
  type Comment,
  type EvaluationView,
  type SaveResult,
  type TransitionName,
  type TransitionResult,
  type VersionConflictDetails,
} from '../../../api/types.js';
import { useSession } from '../../../auth/session.js';
import { backupDiffers, browserStore, clearBackup, readBackup, writeBackup, type Backup } from '../../../lib/backup.js';
import { allFieldPaths, allSectionStatuses, fieldLabel, sectionsOf } from '../../../lib/fields.js';
import {
  indexByField,
  indicatorCellOfPath,
  normalizePath,
  resolveFieldPaths,
  SECTION_ORDER,
  sectionOfPath,
  type EditorSection,
} from '../../../lib/paths.js';
import { paths } from '../../../paths.js';
import { addNavigationBlocker, navigate } from '../../../router/router.js';
import type { PageProps } from '../../types.js';
import { buildMarks, EditorContext, type EditorContextValue } from './context.js';
import { EditorHeader } from './EditorHeader.js';
import { ConflictDialog, RestoreDialog, TransitionDialog } from './dialogs.js';
import { SectionTabs } from './SectionTabs.js';
import { BasicDataSection } from './sections/BasicDataSection.js';
import { BudgetSection } from './sections/BudgetSection.js';
import type { GridHandle } from './sections/IndicatorGrid.js';
import { IndicatorsSection } from './sections/IndicatorsSection.js';
import { NarrativeSection } from './sections/NarrativeSection.js';
import { BasicSection, GoalSection } from './sections/SimpleSections.js';
import { SidePanel } from './SidePanel.js';
import { editorReducer, initialState, isDirty, isEditable, type EditorState } from './store.js';
import { SummaryBar } from './SummaryBar.js';

const EMPTY_ITEMS: ReadonlyMap<string, ScoreItem> = new Map();

export default function EditorPage({ params }: PageProps) {
  const id = params['id'] ?? '';
  const [view, setView] = useState<EvaluationView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    let live = true;
    setView(null);
    setLoadError(null);
    api
      .get<EvaluationView>(`/api/evaluations/${encodeURIComponent(id)}`)
      .then((v) => live && setView(v))
      .catch((e: unknown) => live && setLoadError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [id, reloadKey]);

  if (loadError) {
    return (
      <Result
        status="warning"
        title="无法打开这份自评"
        subTitle={loadError}
        extra={
          <Button type="primary" onClick={() => navigate(paths.unitHome)}>
            返回工作台
          </Button>
        }
      />
    );
  }
  if (!view) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  return (
    <Editor
      key={`${view.evaluation.id}:${view.version.version}:${reloadKey}`}
      view={view}
      reload={() => setReloadKey((k) => k + 1)}
    />
  );
}

function Editor({ view, reload }: { view: EvaluationView; reload: () => void }) {
  const { message, modal } = AntApp.useApp();
  const { can, session } = useSession();
  const id = view.evaluation.id;
  const [state, dispatch] = useReducer(editorReducer, undefined, (): EditorState =>
    initialState(view.document, view.version.version, view.evaluation, view.transitions),
  );
  const [active, setActive] = useState<EditorSection>('basic');
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const [selectedFinding, setSelectedFinding] = useState<Finding | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<VersionConflictDetails | null>(null);
  const [restore, setRestore] = useState<Backup | null>(null);
  const [transition, setTransition] = useState<TransitionName | null>(null);
  const [serverMismatch, setServerMismatch] = useState<string | null>(null);
  const focusedPath = useRef('');
  const [commentPath, setCommentPath] = useState('');
  const gridRef = useRef<GridHandle>(null);
  const docRef = useRef(state.doc);
  docRef.current = state.doc;
  const mainRef = useRef<HTMLDivElement>(null);

  const editable = isEditable(state, can('evaluation.update'));
  // each section opens at its top
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [active]);
  const dirty = isDirty(state);
  const analysis = useAnalysis(state.doc, 200);
  const result = analysis.result;

  // ───────────── comments ─────────────
  const loadComments = useCallback(() => {
    api
      .get<{ items: Comment[] }>(`/api/evaluations/${encodeURIComponent(id)}/comments`, {
        query: { includeResolved: 'true' },
      })
      .then((r) => setComments(r.items))
      .catch(() => undefined);
  }, [id]);
  useEffect(loadComments, [loadComments]);

  // ───────────── local backup of unsaved edits ─────────────
  useEffect(() => {
    const store = browserStore();
    if (!store) return;
    const b = readBackup(store, id);
    if (b && backupDiffers(b, view.document) && editable) setRestore(b);
    else if (b) clearBackup(store, id);
    // only on open
  }, []);
  useEffect(() => {
    const store = browserStore();
    if (!store || !dirty) return;
    const t = setTimeout(
      () =>
        writeBackup(store, {
          evaluationId: id,
          baseVersion: state.version,
          savedAt: new Date().toISOString(),
          document: state.doc,
        }),
      800,
    );
    return () => clearTimeout(t);
  }, [dirty, id, state.doc, state.version]);

  // ───────────── leaving with unsaved edits ─────────────
  useEffect(() => {
    if (!dirty) return;
    const off = addNavigationBlocker(() => '有尚未保存的修改，确定离开吗？（修改已在本机暂存，下次打开可恢复）');
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      off();
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty]);

  // ───────────── findings and comments on fields ─────────────
  // the fields that exist change only when rows or sections are added or removed
  const d = state.doc;
  const structureKey = [
    d.selfEvaluation?.indicators.length ?? 0,
    d.narrative.sections.length,
    d.basicData?.projectExpenditure.items.length ?? 0,
    d.basicData?.publicFunds.items.length ?? 0,
    d.basicData?.buildings.items.length ?? 0,
    Object.keys(d.basicData?.columnLabels ?? {}).length,
    d.kind,
  ].join();
  const fieldPaths = useMemo(() => allFieldPaths(docRef.current), [structureKey]);
  const findings = useMemo(() => result?.findings ?? [], [result]);
  const openComments = useMemo(() => comments.filter((c) => c.resolvedAt === null), [comments]);
  const marks = useMemo(() => {
    const byField = indexByField(
      findings.flatMap((f) => f.where.map((w) => ({ path: w.path, item: f }))),
      fieldPaths,
    );
    const commentsByField = indexByField(
      openComments.filter((c) => c.fieldPath !== '').map((c) => ({ path: normalizePath(c.fieldPath), item: c })),
      fieldPaths,
    );
    return buildMarks(byField, commentsByField);
  }, [findings, openComments, fieldPaths]);
  const errorSections = useMemo(
    () => sectionsOf(findings.filter((f) => f.severity === 'error').flatMap((f) => f.where.map((w) => w.path))),
    [findings],
  );
  // recomputed per keystroke, but handed on only when a status changes (so the tabs do not re-render)
  const deferredDoc = useDeferredValue(state.doc);
  const statusesNow = useMemo(() => allSectionStatuses(deferredDoc, errorSections), [deferredDoc, errorSections]);
  const statusKey = SECTION_ORDER.map((s) => statusesNow[s]).join();
  const statuses = useMemo(() => statusesNow, [statusKey]);
  const items = useMemo(() => {
    if (!result) return EMPTY_ITEMS;
    const m = new Map<string, ScoreItem>();
    for (const it of result.score.items) if (it.indicatorId) m.set(it.indicatorId, it);
    return m;
  }, [result]);
  const execution =
    result?.score.items.find((i) => !i.indicatorId && i.method !== 'unscorable') ?? result?.score.items[0];

  // ───────────── jumping to a field ─────────────
  const jumpTo = useCallback((rawPath: string) => {
    const path = normalizePath(rawPath);
    const section = sectionOfPath(path);
    if (!section) return;
    setActive(section);
    const targets = resolveFieldPaths(path, allFieldPaths(docRef.current));
    const lit = new Set(targets.length > 0 ? targets : [path]);
    setFlash(lit);
    window.setTimeout(() => setFlash((cur) => (cur === lit ? new Set() : cur)), 2400);
    const cell = indicatorCellOfPath(path);
    // after the section is rendered
    window.setTimeout(() => {
      if (cell) {
        mainRef.current?.querySelector('.grid')?.scrollIntoView({ block: 'nearest' });
        gridRef.current?.reveal(cell.index, cell.field ?? indicatorCellOfPath(targets[0] ?? '')?.field);
        return;
      }
      const first = targets[0] ?? path;
      const el = mainRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`);
      if (!el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const input = el.matches('input,textarea,select')
        ? el
        : el.querySelector<HTMLElement>('input,textarea,select,[tabindex]');
      input?.focus({ preventScroll: true });
    }, 30);
  }, []);

  const selectFinding = useCallback(
    (f: Finding) => {
      setSelectedFinding(f);
      const first = f.where[0];
      if (first) jumpTo(first.path);
    },
    [jumpTo],
  );

  const onFieldFocus = useCallback((path: string) => {
    focusedPath.current = path;
    setCommentPath(path);
  }, []);

  // ───────────── saving ─────────────
  const save = useCallback(
    async (opts: { quiet?: boolean; force?: { version: number } } = {}): Promise<boolean> => {
      if (!editable) return false;
      if (!dirty && !opts.force) {
        if (!opts.quiet) void message.info('没有需要保存的修改');
        return true;
      }
      const doc = state.doc;
      const base = opts.force?.version ?? state.version;
      setSaving(true);
      try {
        const r = await api.put<SaveResult>(`/api/evaluations/${encodeURIComponent(id)}`, {
          version: base,
          document: doc,
        });
        dispatch({ type: 'saved', doc, version: r.version.version, record: r.evaluation });
        const store = browserStore();
        if (store) clearBackup(store, id);
        setConflict(null);
        // the server scored and checked the same document with the same code: say so if it disagrees
        const local = result?.score.recomputed.total;
        const remote = r.evaluation.totalRecomputed;
        setServerMismatch(
          local !== undefined && remote !== null && Math.abs(Number(remote) - local) > 0.005 && doc === state.doc
            ? `服务器重算的总分为 ${remote} 分，与本页显示的 ${local} 分不同（可能使用了不同的评分规则），以服务器为准。`
            : null,
        );
        if (!opts.quiet) void message.success(`已保存为第 ${r.version.version} 版`);
        return true;
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 409 && e.code === 'version_conflict') {
          setConflict(e.details as VersionConflictDetails);
        } else {
          void message.error(`保存失败：${messageOf(e)}。您的修改仍在页面上，并已在本机暂存。`);
        }
        return false;
      } finally {
        setSaving(false);
      }
    },
    [editable, dirty, state.doc, state.version, id, message, result],
  );

  // Ctrl+S
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [save]);

  // ───────────── workflow ─────────────
  const fire = useCallback(
    async (name: TransitionName, comment?: string, fieldPath?: string) => {
      try {
        const r = await api.post<TransitionResult>(`/api/evaluations/${encodeURIComponent(id)}/transitions/${name}`, {
          ...(comment ? { comment } : {}),
          ...(fieldPath ? { fieldPath } : {}),
          version: state.version,
        });
        dispatch({ type: 'transitioned', record: r.evaluation, transitions: r.transitions });
        void message.success('操作成功');
        loadComments();
        return true;
      } catch (e) {
        void message.error(messageOf(e));
        return false;
      }
    },
    [id, state.version, message, loadComments],
  );

  const startTransition = useCallback(
    async (name: TransitionName) => {
      if (dirty && editable) {
        const ok = await save({ quiet: true });
        if (!ok) return;
      }
      setTransition(name);
    },
    [dirty, editable, save],
  );

  const onSaveClick = useCallback(() => void save(), [save]);
  const onTransitionClick = useCallback((n: TransitionName) => void startTransition(n), [startTransition]);
  const onBack = useCallback(() => navigate(paths.unitHome), []);
  const onClearCommentPath = useCallback(() => setCommentPath(''), []);
  const labelOf = useCallback((path: string) => fieldLabel(docRef.current, path), []);
  const title = `${state.doc.year ?? state.record.year}年 ${
    state.record.kind === 'project'
      ? `${state.record.projectName ?? state.doc.project?.name ?? ''} 项目支出`
      : KIND_LABELS[state.record.kind]
  }绩效自评`;
  const unitName = state.doc.unit.name ?? state.record.unitName;

  const ctx = useMemo<EditorContextValue>(
    () => ({ doc: state.doc, readOnly: !editable, dispatch, marks, flash, onFieldFocus }),
    [state.doc, editable, marks, flash, onFieldFocus],
  );

  const errors = findings.filter((f) => f.severity === 'error');

  return (
    <EditorContext.Provider value={ctx}>
      <div className="editor">
        <EditorHeader
          record={state.record}
          title={title}
          unitName={unitName}
          version={state.version}
          dirty={dirty}
          saving={saving}
          editable={editable}
          analysis={analysis}
          transitions={state.transitions}
          onSave={onSaveClick}
          onTransition={onTransitionClick}
          onBack={onBack}
        />
        <SectionTabs active={active} statuses={statuses} findings={findings} onChange={setActive} />
        <SummaryBar
          record={state.record}
          editable={editable}
          errors={errors}
          warnings={findings.length - errors.length}
          analysing={analysis.pending}
          analysisError={analysis.error}
          onSelect={selectFinding}
          role={session?.user.role}
        />
        {serverMismatch && (
          <Alert
            type="warning"
            showIcon
            banner
            closable
            message={serverMismatch}
            onClose={() => setServerMismatch(null)}
          />
        )}
        <div className="editor-body">
          <div className="editor-main" ref={mainRef}>
            {active === 'basic' && <BasicSection />}
            {active === 'budget' && <BudgetSection execution={execution} />}
            {active === 'basicData' && <BasicDataSection />}
            {active === 'indicators' && <IndicatorsSection ref={gridRef} items={items} undoCount={state.undo.length} />}
            {active === 'goal' && <GoalSection />}
            {active === 'narrative' && <NarrativeSection />}
          </div>
          <SidePanel
            evaluationId={id}
            findings={findings}
            selected={selectedFinding}
            onSelectFinding={selectFinding}
            comments={comments}
            commentPath={commentPath}
            onClearCommentPath={onClearCommentPath}
            labelOf={labelOf}
            onJump={jumpTo}
            onCommentsChanged={loadComments}
            canComment={can('comment.create')}
            canResolve={can('comment.resolve')}
            analysing={analysis.pending}
            profileName={analysis.profileName}
          />
        </div>
      </div>
      <ConflictDialog
        conflict={conflict}
        saving={saving}
        onOverwrite={(v) => void save({ force: { version: v } })}
        onReload={() => {
          modal.confirm({
            title: '放弃您的修改并载入最新版本？',
            content: '您在本页的修改将被丢弃（本机暂存的副本也会清除）。建议先“导出我的修改”留存。',
            okText: '放弃并载入',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: () => {
              const store = browserStore();
              if (store) clearBackup(store, id);
              setConflict(null);
              reload();
            },
          });
        }}
        onClose={() => setConflict(null)}
        doc={state.doc}
      />
      <RestoreDialog
        backup={restore}
        currentVersion={state.version}
        onRestore={(b) => {
          dispatch({ type: 'replace', doc: b.document });
          setRestore(null);
          void message.success('已恢复上次未保存的修改，请检查后保存');
        }}
        onDiscard={() => {
          const store = browserStore();
          if (store) clearBackup(store, id);
          setRestore(null);
        }}
      />
      <TransitionDialog
        name={transition}
        errors={errors}
        warnings={findings.length - errors.length}
        onCancel={() => setTransition(null)}
        onConfirm={async (comment, fieldPath) => {
          const n = transition;
          if (!n) return;
          if (await fire(n, comment, fieldPath)) setTransition(null);
        }}
        commentPath={commentPath}
        doc={state.doc}
      />
    </EditorContext.Provider>
  );
}
