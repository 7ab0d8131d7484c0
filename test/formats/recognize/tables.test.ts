import { describe, expect, it } from 'vitest';
import type { RawDocument, RawTable } from '../../../src/formats/document.js';
import { recognize, recognizeWithSummary } from '../../../src/formats/recognize/index.js';
import { textToBlocks } from '../../../src/formats/text/import.js';

const doc = (text: string): RawDocument => ({ file: 't.txt', format: 'text', blocks: textToBlocks(text, 't.txt') });
const lines = (...l: string[]): string => l.join('\n');

describe('基础数据表 variants', () => {
  it('reads staffing written as label/value pairs on one line, and as one row per field', () => {
    const pairs = recognize(
      doc(lines('| 财政供养人员情况 | 编制数 | 12 | 实有人数 | 11 | 控制率 | 91.67% |', '| 三公经费 | 1 | 2 | 3 |')),
    );
    expect(pairs.basicData?.staffing).toMatchObject({
      authorizedStaff: { text: '12' },
      actualStaff: { text: '11' },
      staffControlRate: { text: '91.67%' },
    });
    const rows = recognize(
      doc(lines('| 编制数 | 12 |', '| 在职人员数 | 11 |', '| 经费控制情况 | 上年决算数 | 本年预算数 | 本年决算数 |')),
    );
    expect(rows.basicData?.staffing).toMatchObject({ authorizedStaff: { text: '12' }, actualStaff: { text: '11' } });
    expect(rows.basicData?.columnLabels).toEqual({
      previousFinal: '上年决算数',
      currentBudget: '本年预算数',
      currentFinal: '本年决算数',
    });
  });

  it('reads the year columns from their headings in any order', () => {
    const e = recognize(
      doc(lines('| 经费控制情况 | 2023年预算数 | 2023年决算数 | 2022年决算数 |', '| 三公经费 | 5 | 4 | 6 |')),
    );
    expect(e.basicData?.threePublicCosts.total).toMatchObject({
      currentBudget: { text: '5' },
      currentFinal: { text: '4' },
      previousFinal: { text: '6' },
    });
  });

  it('reports rows it does not know, outside the 项目支出 / 公用经费 item lists', () => {
    const e = recognize(
      doc(
        lines(
          '| 经费控制情况 | 2022年决算数 | 2023年预算数 | 2023年决算数 |',
          '| 三公经费 | 1 | 1 | 1 |',
          '| 神秘行 | 9 | 9 | 9 |',
        ),
      ),
    );
    expect(e.unrecognised).toHaveLength(1);
    expect(e.unrecognised[0]).toMatchObject({ what: 'row', text: '神秘行 | 9 | 9 | 9' });
    expect(e.unrecognised[0]!.source).toMatchObject({ line: 3 });
  });
});

describe('自评表 variants', () => {
  const header = '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |';

  it('takes a first-level 成本指标 (101号) as category cost, with its own subcategories', () => {
    const e = recognize(
      doc(
        lines(
          header,
          '| 成本指标（10分） | 经济成本指标 | 单位成本 | ≤5万元 | 4.8万元 | 10 | 10 |',
          '| 总分 | | | | | 10 | 10 |',
        ),
      ),
    );
    const [i] = e.selfEvaluation!.indicators;
    expect([i!.category, i!.categoryKey, i!.subcategory, i!.subcategoryKey]).toEqual([
      '成本指标',
      'cost',
      '经济成本指标',
      'cost',
    ]);
    expect(e.selfEvaluation!.categoryWeights.cost?.text).toBe('10');
  });

  it('reads a 预算执行率 line inside the indicator table as the funding row (Sichuan)', () => {
    const e = recognize(
      doc(
        lines(
          '| 一级指标 | 二级指标 | 三级指标 | 度量单位 | 年度指标值 | 实际完成值 | 权重 | 得分 |',
          '| 预算执行情况（10分） | 预算执行率 | 预算执行率 | % | 100 | 92 | 10 | 9.2 |',
          '| 产出指标 | 数量指标 | 甲 | 个 | ≥5 | 5 | 90 | 90 |',
        ),
      ),
    );
    const s = e.selfEvaluation!;
    expect(s.funding).toMatchObject({ weight: { text: '10' }, score: { text: '9.2' }, executionRate: { text: '92%' } });
    expect(s.indicators.map((i) => i.name)).toEqual(['甲']);
  });

  it('reads the Hunan money split (label：amount cells) into bySource / byNature', () => {
    const e = recognize(
      doc(
        lines(
          '| 年度预算申请（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
          '| | 年度资金总额 | 10 | 12 | 12 | 10 | 100% | 10 |',
          '| | 按收入性质分： | 按支出性质分： |',
          '| | 其中：一般公共预算：12 | 其中：基本支出：8 |',
          '| | 政府性基金拨款：0 | 项目支出：4 |',
        ),
      ),
    );
    const s = e.selfEvaluation!;
    expect(s.bySource.generalPublic?.adjustedBudget?.text).toBe('12');
    expect(s.bySource.governmentFund?.adjustedBudget?.text).toBe('0');
    expect(s.byNature.basic?.adjustedBudget?.text).toBe('8');
    expect(s.byNature.project?.adjustedBudget?.text).toBe('4');
    expect(e.sources['selfEvaluation.byNature.project.adjustedBudget']).toMatchObject({ line: 5 });
  });

  it('keeps empty subcategory rows and "……" rows as placeholders', () => {
    const e = recognize(
      doc(
        lines(
          header,
          '| 效益指标 | 生态效益指标 | | | | | |',
          '| | | …… | | | | |',
          '| | 社会效益指标 | 乙 | 提升 | 提升 | 10 | 9 |',
        ),
      ),
    );
    expect(e.selfEvaluation!.indicators.map((i) => [i.subcategoryKey, i.name, i.placeholder ?? false])).toEqual([
      ['ecological', '', true],
      ['ecological', '……', true],
      ['social', '乙', false],
    ]);
  });

  it('continues a table split across pages (two RawTables, only a page number between)', () => {
    const text = lines(
      header,
      '| 产出指标 | 数量指标 | 甲 | ≥1 | 1 | 5 | 5 |',
      '- 3 -',
      '| | | 乙 | ≥2 | 2 | 5 | 5 |',
      '| 总分 | | | | | 10 | 10 |',
    );
    const e = recognize(doc(text));
    expect(e.selfEvaluation!.indicators.map((i) => [i.category, i.subcategory, i.name])).toEqual([
      ['产出指标', '数量指标', '甲'],
      ['产出指标', '数量指标', '乙'],
    ]);
    expect(e.selfEvaluation!.totalScore?.text).toBe('10');
  });

  it('reports a second 自评表 and tables it cannot place, never dropping them', () => {
    const one = lines(header, '| 产出指标 | 数量指标 | 甲 | ≥1 | 1 | 5 | 5 |');
    const e = recognize(doc(lines(one, '', '另一张表：', one, '', '说明文字', '| 品名 | 单价 |', '| 苹果 | 5 |')));
    expect(e.selfEvaluation!.indicators).toHaveLength(1);
    expect(e.unrecognised.filter((u) => u.what === 'table').map((u) => [u.what, u.reason])).toEqual([
      ['table', '文档中多出的一张自评表，只读取了第一张'],
      ['table', '未识别的表格：既不像基础数据表，也不像自评表'],
    ]);
    // the paragraphs stand before any heading: reported too
    expect(e.unrecognised.filter((u) => u.what === 'paragraph').map((u) => u.text)).toEqual(['另一张表：', '说明文字']);
  });

  it('uses the grid (colSpan) to put values under their headings', () => {
    const raw: RawDocument = {
      file: 'g.xlsx',
      format: 'xlsx',
      blocks: [
        {
          type: 'table',
          source: { file: 'g.xlsx', sheet: 'S', cell: 'A1', text: '' },
          rows: [
            ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['产出指标', '数量指标', '甲', '≥1', '2', '5', '5'],
          ].map((r, ri) =>
            r.map((text, ci) => ({
              text,
              colSpan: ci === 2 ? 3 : 1,
              source: { file: 'g.xlsx', sheet: 'S', cell: `${'ABCDEFGHI'[ci]}${ri + 1}`, text },
            })),
          ),
        } satisfies RawTable,
      ],
    };
    const e = recognize(raw);
    expect(e.selfEvaluation!.indicators[0]).toMatchObject({
      name: '甲',
      target: { text: '≥1' },
      actual: { text: '2' },
    });
    expect(e.sources['selfEvaluation.indicators.0.actual']).toMatchObject({ sheet: 'S', cell: 'E2' });
  });
});

describe('telling the tables apart', () => {
  it('reads a 基础数据表 that starts with a bare year header (no 经费控制情况 label)', () => {
    const e = recognize(
      doc(lines('| 项目 | 2022年决算数 | 2023年预算数 | 2023年决算数 |', '| 公务接待费 | 1.2 | 1.0 | 0.9 |')),
    );
    expect(e.basicData?.threePublicCosts.officialReception?.currentFinal?.text).toBe('0.9');
    expect(e.year).toBe(2023);
    expect(e.unrecognised).toEqual([]);
  });

  it('keeps the first lines of a 自评表 that does not announce itself (单位名称 first)', () => {
    const e = recognize(
      doc(
        lines(
          '| 单位名称 | 某县档案馆 |',
          '| 资金情况（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
          '| | 年度资金总额 | 50 | 55 | 54 | 10 | 98.18% | 9.82 |',
        ),
      ),
    );
    expect(e.selfEvaluation?.meta.unitName).toBe('某县档案馆');
    expect(e.selfEvaluation?.funding.executed?.text).toBe('54');
    expect(e.unit.name).toBe('某县档案馆');
    expect(e.unrecognised).toEqual([]);
  });

  it('takes the year from a subtitle line under a title without one', () => {
    const e = recognize(
      doc(lines('某县档案馆部门整体支出绩效自评报告', '（2024年度）', '一、部门基本情况', '内设办公室。')),
    );
    expect([e.unit.name, e.year]).toEqual(['某县档案馆', 2024]);
    expect(e.sources.year).toMatchObject({ line: 2 });
    expect(e.unrecognised).toEqual([]);
  });
});

describe('not a report', () => {
  it('returns what there is, and says nothing was recognised', () => {
    const r = recognizeWithSummary(doc('你好。\n今天天气不错。\n'));
    expect(r.summary).toEqual({ tables: 0, knownHeadings: 0 });
    expect(r.evaluation.unrecognised.map((u) => u.what)).toEqual(['paragraph', 'paragraph']);
    expect(r.evaluation.kind).toBe('department');
  });
});
