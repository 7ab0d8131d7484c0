/**
 * Import a report file: drag and drop → the API reads it into a draft → show what was read beside the source
 * text of each figure, and the findings; then open it in the editor.
 */
import { CheckCircleOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Steps,
  Row,
  Space,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api, ApiRequestError, messageOf } from '../../api/client.js';
import {
  KIND_LABELS,
  STATE_LABELS,
  type EvaluationKind,
  type EvaluationListItem,
  type ImportResult,
  type Page,
} from '../../api/types.js';
import { FindingList } from '../../components/FindingList.js';
import { formatScore } from '../../components/format.js';
import { ReadView } from '../../components/ReadView.js';
import { StateTag } from '../../components/StateTag.js';
import { SECTION_LABELS, sectionOfPath } from '../../lib/paths.js';
import { paths } from '../../paths.js';
import { navigate } from '../../router/router.js';
import type { PageProps } from '../types.js';

const ACCEPT = '.docx,.xlsx,.pdf,.txt,.doc,.xls,.json';
const MAX_MB = 50;

interface Options {
  year?: number;
  kind?: EvaluationKind;
  projectName?: string;
}

export default function ImportPage(_props: PageProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  /** the evaluations of the same kind the file may replace, when the import said one already exists */
  const [existing, setExisting] = useState<{ file: File; items: EvaluationListItem[] } | null>(null);
  const [form] = Form.useForm<Options>();
  const kind = Form.useWatch('kind', form);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_MB * 1024 * 1024) {
      setError(`文件“${file.name}”超过 ${MAX_MB} MB，请压缩图片或拆分后再导入`);
      return;
    }
    const options = form.getFieldsValue();
    const body = new FormData();
    body.set('file', file, file.name);
    if (options.year) body.set('year', String(options.year));
    if (options.kind) body.set('kind', options.kind);
    if (options.kind === 'project' && options.projectName?.trim()) body.set('projectName', options.projectName.trim());
    setBusy(file.name);
    setExisting(null);
    try {
      setResult(await api.upload<ImportResult>('/api/evaluations/import', body));
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'already_exists') {
        // one evaluation per unit, year and kind: offer to replace the content of the existing one
        const list = await api
          .get<Page<EvaluationListItem>>('/api/evaluations', {
            query: {
              kind: options.kind ?? 'department',
              year: options.year,
              sort: 'year',
              direction: 'desc',
              limit: 20,
            },
          })
          .catch(() => null);
        setExisting({ file, items: list?.items ?? [] });
        setError(
          `本单位该年度的${KIND_LABELS[options.kind ?? 'department']}自评已经存在，不能再新建一份。可以把这个文件导入为已有自评的新版本（仅草稿可替换），或在上方填写其他评价年度。`,
        );
        return;
      }
      const where =
        e instanceof ApiRequestError && e.code === 'import_failed' ? '（可尝试另存为 .docx 或 .xlsx 后再导入）' : '';
      setError(`${messageOf(e)}${where}`);
    } finally {
      setBusy(null);
    }
  };

  const replaceInto = async (target: EvaluationListItem, file: File) => {
    const body = new FormData();
    body.set('file', file, file.name);
    body.set('version', String(target.currentVersion));
    setBusy(file.name);
    setError(null);
    try {
      setResult(await api.upload<ImportResult>(`/api/evaluations/${encodeURIComponent(target.id)}/import`, body));
      setExisting(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  if (result) {
    const r = result;
    const ev = r.document;
    return (
      <div className="page">
        <div className="page-head">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              导入结果：{r.file.fileName}
            </Typography.Title>
            <Typography.Text type="secondary">
              请核对读取的内容与原文是否一致，再进入编辑修改核查发现的问题。
            </Typography.Text>
          </div>
          <Space>
            <Button onClick={() => setResult(null)}>再导入一份</Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(paths.editor(r.evaluation.id))}>
              进入编辑
            </Button>
          </Space>
        </div>
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          style={{ marginBottom: 12 }}
          message={`已读成结构化自评，并保存为草稿（第 ${r.version} 版）。原文件已一并保存。`}
        />
        <Row gutter={16}>
          <Col span={16}>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Descriptions size="small" column={3}>
                <Descriptions.Item label="单位">{ev.unit.name ?? r.evaluation.unitName}</Descriptions.Item>
                <Descriptions.Item label="年度">{ev.year ?? r.evaluation.year}</Descriptions.Item>
                <Descriptions.Item label="类型">{KIND_LABELS[ev.kind]}</Descriptions.Item>
                <Descriptions.Item label="重算得分">
                  <strong>{formatScore(r.score.recomputed.total)}</strong>（{r.score.recomputed.grade}）
                </Descriptions.Item>
                <Descriptions.Item label="报告自评">
                  {formatScore(r.score.selfReported.total)}
                  {r.score.selfReported.grade ? `（${r.score.selfReported.grade}）` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="状态">
                  <StateTag state={r.evaluation.state} />
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title="读取的内容与原文对照">
              <ReadView evaluation={ev} />
            </Card>
          </Col>
          <Col span={8}>
            <Card
              size="small"
              title={`核查发现：错误 ${r.summary.errors}，警告 ${r.summary.warnings}，提示 ${r.summary.infos}`}
              className="sticky-card"
            >
              <FindingList
                findings={r.findings}
                compact
                placeOf={(f) => {
                  const s = f.where[0] ? sectionOfPath(f.where[0].path) : undefined;
                  return s ? SECTION_LABELS[s] : undefined;
                }}
                onSelect={() => navigate(paths.editor(r.evaluation.id))}
              />
            </Card>
          </Col>
        </Row>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <Typography.Title level={3}>导入自评报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        支持 Word（.docx / .doc）、Excel（.xlsx / .xls）、PDF
        和纯文本（.txt）。系统会读出报告正文、基础数据表和自评表，逐项记录每个数字在原文中的位置，并立即计分、核查。
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message="导入失败"
          description={
            <>
              <div>{error}</div>
              {existing && existing.items.length > 0 && (
                <Space direction="vertical" style={{ marginTop: 8 }}>
                  {existing.items.map((it) => (
                    <Space key={it.id}>
                      <span>
                        {it.year}年 {it.kind === 'project' ? it.projectName : KIND_LABELS[it.kind]}（
                        {STATE_LABELS[it.state]}，第 {it.currentVersion} 版）
                      </span>
                      {it.state === 'draft' ? (
                        <Button size="small" type="primary" onClick={() => void replaceInto(it, existing.file)}>
                          导入为它的新版本
                        </Button>
                      ) : (
                        <Button size="small" onClick={() => navigate(paths.editor(it.id))}>
                          打开查看
                        </Button>
                      )}
                    </Space>
                  ))}
                </Space>
              )}
            </>
          }
          closable
          onClose={() => {
            setError(null);
            setExisting(null);
          }}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Form<Options>
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          initialValues={{ kind: 'department' }}
        >
          <Form.Item name="year" label="评价年度" tooltip="不填则按报告中写的年度">
            <InputNumber min={1990} max={2100} precision={0} placeholder="自动识别" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Radio.Group>
              <Radio.Button value="department">部门整体支出</Radio.Button>
              <Radio.Button value="project">项目支出</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'project' && (
            <Form.Item name="projectName" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          )}
        </Form>
        <Spin spinning={busy !== null} tip={busy ? `正在读取“${busy}”并核查……` : undefined}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">把报告文件拖到这里，或点击选择文件</p>
            <p className="ant-upload-hint">.docx · .xlsx · .pdf · .txt（单个文件不超过 {MAX_MB} MB）</p>
          </Upload.Dragger>
        </Spin>
      </Card>
      <Steps
        size="small"
        style={{ marginTop: 24 }}
        current={-1}
        items={[
          { title: '读取', description: '读出正文、基础数据表和自评表，记下每个数字的原文位置' },
          { title: '核对', description: '对照原文检查读取结果，查看核查发现' },
          { title: '修改', description: '在编辑页逐项修改，得分与核查即时更新' },
          { title: '提交', description: '提交单位审核，审核通过后报送财政' },
        ]}
      />
    </div>
  );
}
