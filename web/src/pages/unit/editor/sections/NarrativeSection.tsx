/**
 * 文字部分: the report's sections in order, each heading and text editable. Sections whose figures jixiao can write
 * from the data (预算执行, 人员编制, “三公”经费 …) offer to fill them in, and say when the text no longer states
 * the figures the tables hold. Content the importer could not place is listed below.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import { outlineFor, type ParagraphGenerator } from '../../../../../../src/formats/report/outlines.js';
import { generateParagraph, mergeGenerated, textStatesFigures } from '../../../../../../src/formats/report/prose.js';
import type { Evaluation, Section, SectionKey } from '../../../../../../src/model/index.js';
import { setAt } from '../../../../lib/doc.js';
import { describeSource } from '../../../../lib/sources.js';
import { useEditor } from '../context.js';
import { Field } from '../fields.js';

function generatorsOf(e: Evaluation): Map<SectionKey, ParagraphGenerator> {
  const outline = outlineFor(e);
  const m = new Map<SectionKey, ParagraphGenerator>();
  for (const s of outline.sections) if (s.generator && !m.has(s.key)) m.set(s.key, s.generator);
  return m;
}

const SectionEditor = memo(function SectionEditor({
  index,
  section,
  count,
  generator,
  doc,
}: {
  index: number;
  section: Section;
  count: number;
  generator: ParagraphGenerator | undefined;
  doc: Evaluation;
}) {
  const { readOnly, dispatch } = useEditor();
  const generated = useMemo(() => {
    if (!generator) return undefined;
    return generateParagraph(generator, doc, outlineFor(doc));
  }, [generator, doc]);
  const stale = generated !== undefined && section.text.trim() !== '' && !textStatesFigures(section.text, generated);
  const base = `narrative.sections.${index}`;
  // the box's height is set once from the text it opens with, so it never grows while typing
  const [rows] = useState(() =>
    Math.min(12, Math.max(2, Math.ceil(section.text.length / 70) + (section.text.split('\n').length - 1))),
  );
  const move = (delta: -1 | 1) =>
    dispatch({
      type: 'update',
      undoable: true,
      update: (d) => {
        const list = [...d.narrative.sections];
        const a = list[index];
        const b = list[index + delta];
        if (!a || !b) return d;
        list[index] = b;
        list[index + delta] = a;
        return setAt(d, 'narrative.sections', list);
      },
    });
  return (
    <div className="narrative-section" style={{ marginLeft: (section.level - 1) * 20 }}>
      <div className="narrative-head">
        <Field spec={{ path: `${base}.heading`, label: `第 ${section.level} 级标题`, kind: 'text' }} />
        <Space size={4} className="narrative-tools">
          {generated && (
            <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>按表中数据生成：{generated.text}</div>}>
              <Button
                size="small"
                icon={<ThunderboltOutlined />}
                disabled={readOnly}
                onClick={() =>
                  dispatch({
                    type: 'update',
                    undoable: true,
                    update: (d) => setAt(d, `${base}.text`, mergeGenerated(section.text, generated)),
                  })
                }
              >
                按数据填写数字
              </Button>
            </Tooltip>
          )}
          {stale && (
            <Tooltip title="正文中的数字与表中数据不一致，可点“按数据填写数字”更新">
              <Tag color="warning">数字待更新</Tag>
            </Tooltip>
          )}
          {!readOnly && (
            <>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => move(-1)}
                aria-label="上移"
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === count - 1}
                onClick={() => move(1)}
                aria-label="下移"
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="删除本节"
                onClick={() =>
                  dispatch({
                    type: 'update',
                    undoable: true,
                    update: (d) =>
                      setAt(
                        d,
                        'narrative.sections',
                        d.narrative.sections.filter((_, k) => k !== index),
                      ),
                  })
                }
              />
            </>
          )}
        </Space>
      </div>
      <Field spec={{ path: `${base}.text`, label: `${section.heading} 正文`, kind: 'textarea', rows }} />
    </div>
  );
});

export function NarrativeSection() {
  const { doc, readOnly, dispatch } = useEditor();
  const generators = useMemo(() => generatorsOf(doc), [doc]);
  const outline = useMemo(() => outlineFor(doc), [doc]);
  const sections = doc.narrative.sections;
  const missing = outline.sections.filter((o) => !sections.some((s) => s.key === o.key));

  const addSection = (key: SectionKey, heading: string, level: number) =>
    dispatch({
      type: 'update',
      undoable: true,
      update: (d) => setAt(d, 'narrative.sections', [...d.narrative.sections, { key, heading, level, text: '' }]),
    });

  return (
    <div className="section-body">
      <Card
        size="small"
        title={`报告正文（${sections.length} 节）`}
        extra={
          !readOnly && (
            <Space>
              {missing.length > 0 && (
                <Select<string>
                  size="small"
                  placeholder={`按提纲添加缺少的部分（${missing.length}）`}
                  style={{ width: 260 }}
                  value={null}
                  options={missing.map((m) => ({ value: `${m.key}|${m.heading}|${m.level}`, label: m.heading }))}
                  onChange={(v) => {
                    const [key, heading, level] = v.split('|');
                    addSection(key as SectionKey, heading ?? '', Number(level) || 1);
                  }}
                />
              )}
              <Button size="small" icon={<PlusOutlined />} onClick={() => addSection('other', '新的一节', 1)}>
                添加一节
              </Button>
            </Space>
          )
        }
      >
        {sections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有正文。可按提纲添加各部分。" />
        ) : (
          sections.map((s, i) => (
            <SectionEditor
              key={i}
              index={i}
              section={s}
              count={sections.length}
              generator={generators.get(s.key)}
              doc={doc}
            />
          ))
        )}
      </Card>
      {doc.unrecognised.length > 0 && (
        <Card size="small" title={`导入时未能识别的内容（${doc.unrecognised.length}）`}>
          <Typography.Paragraph type="secondary">
            这些内容已保留，未计入任何字段。请核对后把需要的内容填到相应位置。
          </Typography.Paragraph>
          <ul className="unrecognised-list">
            {doc.unrecognised.map((u, i) => (
              <li key={i} data-path={`unrecognised.${i}`}>
                <div className="read-original">{u.text}</div>
                <div className="muted">
                  {u.reason}
                  {u.source ? ` · ${describeSource(u.source)}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
