import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { Evaluation, Figure, ThreeYearRow } from '../../../src/model/index.js';
import { recognize } from '../../../src/formats/recognize/index.js';
import { textToRaw } from '../../../src/formats/text/import.js';
import { readSeed, seedExists, storedPaths, warnMissing } from './helpers.js';

warnMissing('种子报告 ../shared/seed/beita-rongmeiti-2023.txt', seedExists);

const t = (f: Figure | undefined): string | undefined => f?.text;
const row = (r: ThreeYearRow | undefined): (string | undefined)[] => [
  r?.label,
  t(r?.previousFinal),
  t(r?.currentBudget),
  t(r?.currentFinal),
];

describe.skipIf(!seedExists)('the seed report, as text', () => {
  let e: Evaluation;
  beforeAll(() => {
    e = recognize(textToRaw(readSeed(), 'beita-rongmeiti-2023.txt'));
  });

  it('reads title, unit, year and kind', () => {
    expect(e.title).toBe('北塔区融媒体中心2023年部门整体支出绩效自评报告');
    expect(e.unit.name).toBe('北塔区融媒体中心');
    expect(e.year).toBe(2023);
    expect(e.kind).toBe('department');
    expect(e.project).toBeUndefined();
  });

  it('reads the organisation from the prose: staffing 7/7, divisions, seven functions', () => {
    expect(t(e.organisation.authorizedStaff)).toBe('7人');
    expect(t(e.organisation.actualStaff)).toBe('7人');
    expect(e.organisation.internalDivisions).toBe('综合运行部、新闻采访部');
    expect(e.organisation.functions).toHaveLength(7);
    expect(e.organisation.functions[0]).toMatch(/^坚决贯彻党管媒体原则/);
    expect(e.organisation.functions[6]).toBe('完成区委交办的其他事项。');
  });

  it('reads the money stated in the prose', () => {
    const f = e.finances;
    expect([t(f.openingBalance), t(f.income), t(f.expenditure), t(f.closingBalance)]).toEqual([
      '0万元',
      '312.95万元',
      '312.95万元',
      '0万元',
    ]);
    expect(t(f.basic.openingBalance)).toBe('0万元');
    expect(t(f.basic.initialBudget)).toBe('81.32万元');
    expect(t(f.basic.adjustedBudget)).toBe('312.95万元');
    expect(t(f.basic.expenditure)).toBe('312.95万元');
    expect(t(f.basic.executionRate)).toBe('100%');
    expect(t(f.basic.closingBalance)).toBe('0万元');
    expect(t(f.project.expenditure)).toBe('0万元');
    expect(t(f.threePublicCosts.budget)).toBe('0万元');
    expect(t(f.threePublicCosts.actual)).toBe('0万元');
    expect(t(f.threePublicCosts.officialReception)).toBe('0万元');
    expect(t(f.threePublicCosts.officialVehicles)).toBe('0万元');
    expect(t(f.threePublicCosts.overseasTravel)).toBe('0万元');
    expect(f.governmentFund?.q.kind).toBe('none');
    expect(f.stateCapital?.q.kind).toBe('none');
    expect(f.socialInsurance?.q.kind).toBe('none');
  });

  it('reads the self-reported score and grade: 95 / 优秀', () => {
    expect(t(e.selfReported.total)).toBe('95');
    expect(e.selfReported.grade).toBe('优秀');
  });

  it('reads every row and column of the 基础数据表', () => {
    const b = e.basicData!;
    expect(b).toBeDefined();
    expect(b.columnLabels).toEqual({
      previousFinal: '2022年决算数',
      currentBudget: '2023年预算数',
      currentFinal: '2023年决算数',
    });
    expect([t(b.staffing.authorizedStaff), t(b.staffing.actualStaff), t(b.staffing.staffControlRate)]).toEqual([
      '7',
      '7',
      '100%',
    ]);
    const c = b.threePublicCosts;
    expect(row(c.total)).toEqual(['三公经费', '0', '0.30', '0']);
    expect(row(c.officialVehicles)).toEqual(['1、公务用车购置和维护经费', undefined, undefined, undefined]);
    expect(row(c.vehiclePurchase)).toEqual(['其中：公车购置', undefined, undefined, undefined]);
    expect(row(c.vehicleOperation)).toEqual(['公车运行维护', undefined, undefined, undefined]);
    expect(row(c.overseasTravel)).toEqual(['2、出国经费', undefined, undefined, undefined]);
    expect(row(c.officialReception)).toEqual(['3、公务接待', '0', '0.30', '0']);
    expect(row(b.projectExpenditure.total)).toEqual(['项目支出：', '0', '104', '0']);
    expect(b.projectExpenditure.items.map(row)).toEqual([
      ['1、业务工作经费', '0', '104', '0'],
      ['2、运行维护经费', undefined, undefined, undefined],
      ['3、市级专项资金', undefined, undefined, undefined],
      ['4、其他事业类发展资金', undefined, undefined, undefined],
    ]);
    expect(row(b.publicFunds.total)).toEqual(['公用经费', '64.46', '9.45', '220.21']);
    expect(b.publicFunds.items.map(row)).toEqual([
      ['其中：办公费', '2.38', '1.55', '3.46'],
      ['水费、电费、差旅费', '0', '0', '0.24'],
      ['会议费、培训费', '0', '0', '0.32'],
    ]);
    expect(row(b.governmentProcurement)).toEqual(['政府采购金额', '——', '107.90', '210.99']);
    expect(b.governmentProcurement?.previousFinal?.q.kind).toBe('none');
    expect(row(b.basicBudgetAdjustment)).toEqual(['部门基本支出预算调整', '——', undefined, undefined]);
    expect(b.buildings.label).toBe('楼堂馆所控制情况（2022年完工项目）');
    expect(b.buildings.items).toEqual([]);
    expect(b.frugalityMeasures).toMatch(/^1\.严格控制公务接待。.*节电、节油、节水。$/);
    expect(b.notes).toMatch(/^“项目支出”需要填报基本支出以外的所有项目支出情况/);
    expect(b.meta).toEqual({ preparer: '李阳', preparedOn: '2024年8月15日', contactPhone: '18608492824' });
  });

  it('reads the 自评表 money block, goal, total and meta', () => {
    const s = e.selfEvaluation!;
    expect(s.meta).toEqual({
      unitName: '邵阳市北塔区融媒体中心',
      preparer: '李阳',
      preparedOn: '2024年8月15日',
      contactPhone: '18608492924',
    });
    const f = s.funding;
    expect([f.label, t(f.initialBudget), t(f.adjustedBudget), t(f.executed), t(f.weight)]).toEqual([
      '年度资金总额',
      '185.32',
      '312.95',
      '312.95',
      '10',
    ]);
    expect([t(f.executionRate), t(f.score)]).toEqual(['100%', '10']);
    expect(s.bySource.generalPublic).toMatchObject({ label: '一般公共预算', adjustedBudget: { text: '312.95' } });
    expect(s.bySource.governmentFund).toEqual({ label: '政府性基金拨款' });
    expect(s.bySource.specialAccountNonTax).toEqual({ label: '纳入专户管理的非税收入拨款' });
    expect(s.bySource.other).toEqual({ label: '其他资金' });
    expect(s.byNature.basic).toMatchObject({ label: '基本支出', adjustedBudget: { text: '312.95' } });
    expect(s.byNature.project).toMatchObject({ label: '项目支出', adjustedBudget: { text: '0' } });
    expect(s.overallGoal).toEqual({});
    expect([t(s.totalWeight), t(s.totalScore)]).toEqual(['100', '95']);
    expect(Object.fromEntries(Object.entries(s.categoryWeights).map(([k, v]) => [k, v?.text]))).toEqual({
      output: '50',
      outcome: '30',
      satisfaction: '10',
    });
  });

  it('reads the indicator tree: 11 real indicators and 8 placeholders, in order', () => {
    const inds = e.selfEvaluation!.indicators;
    const real = inds.filter((i) => !i.placeholder);
    expect(
      real.map((i) => [i.categoryKey, i.subcategoryKey, i.name, t(i.target), t(i.actual), t(i.weight), t(i.selfScore)]),
    ).toEqual([
      ['output', 'quantity', '向省、市电视台上稿', '≥800', '1050', '5', '5'],
      ['output', 'quantity', '推出短视频', '≥500', '556', '5', '5'],
      ['output', 'quality', '上级媒体新闻好作品转载率', '100%', '100%', '10', '10'],
      ['output', 'quality', '12万点击量短视频', '≥2', '2', '5', '5'],
      ['output', 'quality', '省、市电视台优稿率', '≥80', '80', '5', '5'],
      ['output', 'timeliness', '履职工作完成时间', '2023年12月31日', '当年已完成', '10', '10'],
      ['output', 'cost', '预算控制经费', '182.32万元', '312.95万元', '10', '7'],
      ['outcome', 'economic', '经济效益', '向广大群众第一时间传递区委政府声音', '及时传递区委政府声音', '10', '10'],
      ['outcome', 'social', '我区对外的影响力和吸引力', '提升', '提升', '10', '9'],
      ['outcome', 'social', '应急广播覆盖率', '提升', '提升', '10', '9'],
      ['satisfaction', 'satisfaction', '群众满意度', '≥95%', '95', '10', '10'],
    ]);
    expect(real.map((i) => `${i.category}/${i.subcategory}`)).toContain('产出指标/成本指标');
    expect(real.every((i) => i.deviationNote === undefined)).toBe(true);
    const placeholders = inds.filter((i) => i.placeholder);
    expect(placeholders.map((i) => [i.subcategory, i.name])).toEqual([
      ['时效指标', '……'],
      ['成本指标', '……'],
      ['经济效益指标', '……'],
      ['生态效益指标', ''],
      ['生态效益指标', '……'],
      ['可持续影响指标', ''],
      ['可持续影响指标', '……'],
      ['服务对象满意度指标', '……'],
    ]);
    expect(new Set(inds.map((i) => i.id)).size).toBe(inds.length);
  });

  it('reads the narrative sections with keys and levels', () => {
    expect(e.narrative.sections.map((s) => [s.key, s.level])).toEqual([
      ['basicInfo', 1],
      ['organisation', 2],
      ['staffing', 2],
      ['functions', 2],
      ['targets', 2],
      ['budgetExecution', 1],
      ['budgetExecution', 2],
      ['budgetExecution', 2],
      ['basicExpenditure', 3],
      ['projectExpenditure', 3],
      ['threePublicCosts', 3],
      ['governmentFund', 1],
      ['stateCapital', 1],
      ['socialInsurance', 1],
      ['performance', 1],
      ['conclusion', 2],
      ['indicatorAnalysis', 2],
      ['indicatorAnalysis', 3],
      ['problems', 1],
      ['improvements', 1],
      ['other', 1],
      ['attachments', 1],
      ['attachments', 1],
    ]);
    const problems = e.narrative.sections.find((s) => s.key === 'problems')!;
    expect(problems.heading).toBe('七、存在的问题及原因分析');
    expect(problems.text.split('\n')).toHaveLength(2);
    expect(e.narrative.sections.find((s) => s.key === 'other')!.text).toBe('无');
  });

  it('records where every value came from (file, line, original text)', () => {
    const src = e.sources;
    expect(src['finances.income']).toMatchObject({
      file: 'beita-rongmeiti-2023.txt',
      line: 25,
      text: '本年收入312.95万元',
    });
    expect(src['selfReported.total']).toMatchObject({ line: 50 });
    expect(src['organisation.authorizedStaff']).toMatchObject({ line: 9 });
    expect(src['basicData.staffing.authorizedStaff']).toMatchObject({ line: 91, text: '7' });
    expect(src['basicData.threePublicCosts.total.currentBudget']).toMatchObject({ line: 102, text: '0.30' });
    expect(src['basicData.meta.contactPhone']).toMatchObject({ line: 215 });
    expect(src['selfEvaluation.funding.initialBudget']).toMatchObject({ line: 239, text: '185.32' });
    expect(src['selfEvaluation.indicators.0.actual']).toMatchObject({ line: 307 });
    expect(src['selfEvaluation.indicators.0.category']).toMatchObject({ line: 299 });
    // carried down from the merged cell above: the source is the cell where it is written
    expect(src['selfEvaluation.indicators.1.category']).toMatchObject({ line: 299 });
    expect(src['selfEvaluation.totalScore']).toMatchObject({ line: 512, text: '95' });
    expect(src['selfEvaluation.meta.contactPhone']).toMatchObject({ line: 516 });
    expect(src['narrative.sections.0']).toMatchObject({ line: 2, text: '一、部门、单位基本情况' });
    for (const path of storedPaths(e)) expect(src[path], path).toBeDefined();
  });

  it('leaves nothing unrecognised in the seed', () => {
    expect(e.unrecognised).toEqual([]);
  });

  it('gives the same Evaluation from the GB18030-encoded seed', () => {
    const text = new TextDecoder().decode(readSeed());
    const gb = iconv.encode(text, 'gb18030');
    expect(gb.length).not.toBe(readSeed().length);
    expect(recognize(textToRaw(gb, 'beita-rongmeiti-2023.txt'))).toEqual(e);
  });
});
