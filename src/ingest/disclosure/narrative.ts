/**
 * Reads the narrative of a budget disclosure (第一部分 概况, 第二部分 情况说明): the duties, the
 * units, and every figure the prose states, so that the caller can hold them against the tables.
 *
 * Sections are found by what their headings say, never by number or heading level: departments
 * number and nest them differently, and some omit sections (a missing section is not an error).
 * Statements are matched on a section's lines joined without whitespace, because the PDF breaks
 * sentences across lines, even mid-word ("公务用车购" / "置费0万元"), and puts spaces inside words.
 */
import { halfWidthDigits } from "../../common/text";
import { AmountFormatError, type MoneyUnitCode } from "../../common/money";
import type { BundleAsset } from "../bundle/bundle.types";
import type { BudgetModel } from "../model";
import { joinWords, looksLikeAmount, textAmount } from "./cells";
import { cleanText, type DisclosureDoc, DocumentError, type Line } from "./document";

type ClaimOfModel = BudgetModel["claims"][number];

export interface NarrativeClaimDraft extends ClaimOfModel {
  line: number;
}

export interface NarrativeResult {
  duties: string[];
  divisions: string | null;
  claims: NarrativeClaimDraft[];
  threePublic: BudgetModel["threePublic"];
  operatingFunds: BudgetModel["operatingFunds"];
  procurement: BudgetModel["procurement"];
  assets: BundleAsset[];
  repeatedAssets: { name: string; line: number }[];
  departmentNames: { name: string; line: number; section: string }[];
  specialTransfers: string | null;
}

// ---------------------------------------------------------------------------------------------
// Sections

/** A narrative section with its lines joined into one string; `lineOf` maps each character back. */
interface SectionText {
  /** How claims cite the section: its heading, after its chapter's heading for a （一） sub-section. */
  name: string;
  /** The heading without spaces, for recognising what the section is about. */
  topic: string;
  lines: Line[];
  text: string;
  lineOf: number[];
}

const HEADINGS = {
  duties: /主要职责/,
  divisions: /预算单位构成/,
  totals: /收入支出预算总体|收支预算总体/,
  income: /收入预算总体/,
  expenditure: /(?<!收入)支出预算总体/,
  fiscal: /财政拨款收入支出总体|财政拨款收支总体/,
  generalExpenditure: /一般公共预算支出情况/,
  basic: /一般公共预算基本支出/,
  threePublic: /三公/,
  operating: /机构运转经费|机关运行经费/,
  procurement: /政府采购/,
  assets: /国有资产占用/,
  specialTransfers: /专项转移支付/,
};

/** The glossary and the tables follow the narrative; their wording must not be read as statements. */
const NARRATIVE_END = /名词解释|附件/;
const PART = /^第[一二三四五六七八九十]+部分/;
const CHAPTER = /^[一二三四五六七八九十]+、/;
const SUB_SECTION = /^[（(][一二三四五六七八九十]+[）)]/;

function narrativeSections(doc: DisclosureDoc): SectionText[] {
  const end = doc.sections.findIndex((s) => NARRATIVE_END.test(s.heading));
  let chapter: string | null = null;
  return doc.sections.slice(0, end < 0 ? undefined : end).map((s) => {
    if (PART.test(s.heading)) chapter = null;
    if (CHAPTER.test(s.heading)) chapter = s.heading;
    // "（一）…" alone is ambiguous between departments' layouts; its chapter says where it sits.
    const name = SUB_SECTION.test(s.heading) && chapter !== null ? `${chapter} ${s.heading}` : s.heading;
    return { name, topic: joinWords(s.heading), lines: s.lines, ...joined(s.lines) };
  });
}

function plain(line: Line): string {
  return joinWords(cleanText(line.text));
}

function joined(lines: Line[]): { text: string; lineOf: number[] } {
  let text = "";
  const lineOf: number[] = [];
  for (const line of lines) {
    const t = plain(line);
    text += t;
    for (let i = 0; i < t.length; i++) lineOf.push(line.no);
  }
  return { text, lineOf };
}

// ---------------------------------------------------------------------------------------------
// Statements: one regex per kind, built from the shapes figures are written in

const CJK = "\\u4e00-\\u9fa5";
const STOP = "，。；：、%％";
const DIGIT = "[\\d０-９]";

/**
 * A figure and its unit word. The figure is taken loosely, up to the unit word, so that a garbled
 * one ("8562..6 万元") is reported instead of silently not matching.
 */
const amount = (g: string) => `(?<${g}>${DIGIT}(?:[^${STOP}${CJK}]|，(?=${DIGIT}{3}))*)(?<${g}Unit>万元|元)`;
const percent = (g: string) => `(?<${g}>${DIGIT}[^${STOP}${CJK}]*)[%％]`;
/** Words between what is named and its figure: "支出预算为", "预算安排". */
const LEAD = "(?:预算)?数?(?:为|是|安排)?";
/** "预算数比2022年", "较上年": the comparison that introduces a change. */
const COMPARED = "(?:预算)?数?(?:比|较)(?:上年|\\d{4}年)(?:相比)?[，,]?";
const CHANGE =
  `(?:(?<dir>增加|减少|增长|下降|上升)${amount("change")}(?:[，,]?(?<rateDir>增长|下降|上升|增加|减少)${percent("rate")})?` +
  `|(?<same>增减无变化|无变化|持平))`;
const REASON = `(?:[，。；,]?(?:主要原因(?:是|为)?[:：]?|主要是?由于)(?<reason>[^；。]+))?`;
const DECREASE = /减少|下降/;

type Shape = "amount" | "share" | "change" | "execution";

/** A 决算's "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%", with the stated reason for a gap. */
const EXECUTION =
  `(?:年初)?预算(?:数)?为${amount("budgeted")}[，,]?(?:支出)?决算(?:数)?为${amount("amount")}` +
  `(?:[，,]完成(?:年初)?预算的${percent("completion")})?` +
  `(?:[，,]?决算数[大小]于年初预算数的?(?:主要)?原因(?:是|为)?[:：]?(?<reason>[^；。]+)|[，,]?决算数与年初预算数持平)?`;

const SHAPES: Record<Shape, string> = {
  amount: LEAD + amount("amount"),
  share: `${LEAD}${amount("amount")}[，,]?占比?${percent("share")}`,
  change: CHANGE + REASON,
  execution: EXECUTION,
};

interface Statement {
  /** null: a change that names nothing ("预算数比2022年无变化") and speaks of the figure just stated. */
  topic: string | null;
  shape: Shape;
  re: RegExp;
}

/** `words` name what the figure is; a `label` group keeps the name as printed. */
function statement(topic: string | null, words: string, shape: Shape): Statement {
  return { topic, shape, re: new RegExp(words + SHAPES[shape], "gd") };
}

const SUBJECT_NAME = `(?<label>[^${STOP}\\d０-９]+?)`;
const GENERAL_BUDGET = "一般公共预算(?:收支预算|拨款(?:收入)?)";
const GOVERNMENT_FUND = "政府性基金(?:预算)?(?:收支预算|拨款(?:收入)?)";
const OPERATING = "(?:机构运转|机关运行)经费(?:支出)?";
const OPERATING_TOTAL = statement("OPERATING_FUNDS_TOTAL", OPERATING, "amount");

const THREE_PUBLIC_ITEMS: [topic: string, words: string][] = [
  ["THREE_PUBLIC_TOTAL", "[“”\"‘’']?三公[“”\"‘’']?经费(?:支出)?"],
  ["THREE_PUBLIC_OVERSEAS", "因公出国[（(]境[）)]费用?"],
  ["THREE_PUBLIC_RECEPTION", "公务接待费用?"],
  ["THREE_PUBLIC_VEHICLES", "公务用车购置及运行(?:维护)?费"],
  ["THREE_PUBLIC_VEHICLE_PURCHASE", "公务用车购置费"],
  ["THREE_PUBLIC_VEHICLE_OPERATION", "公务用车运行(?:维护)?费"],
];

/**
 * What each section states, by heading. Within a section the first kind listed that reads a
 * stretch of text owns it, so specific kinds come before catch-alls such as SUBJECT_SHARE.
 */
const STATEMENTS: [heading: RegExp, statements: Statement[]][] = [
  [
    HEADINGS.totals,
    [
      statement("INCOME_TOTAL", "收入总计", "amount"),
      statement("EXPENDITURE_TOTAL", "支出总计", "amount"),
      statement("INCOME_TOTAL", "收入", "change"),
      statement("EXPENDITURE_TOTAL", "支出", "change"),
    ],
  ],
  [
    HEADINGS.income,
    [
      statement("INCOME_TOTAL", "收入(?:合计|总计)", "amount"),
      statement("INCOME_GENERAL_BUDGET", "(?<label>一般公共预算)(?:拨款)?(?:收入)?", "amount"),
      statement("INCOME_GOVERNMENT_FUND", "(?<label>政府性基金预算)(?:拨款)?(?:收入)?", "amount"),
      statement("INCOME_STATE_CAPITAL", "(?<label>国有资本经营预算)(?:拨款)?(?:收入)?", "amount"),
      statement("SUBJECT_SHARE", SUBJECT_NAME, "share"),
    ],
  ],
  [
    HEADINGS.expenditure,
    [
      statement("EXPENDITURE_TOTAL", "支出(?:合计|总计)", "amount"),
      statement("BASIC_SHARE", "基本支出", "share"),
      statement("PROJECT_SHARE", "项目支出", "share"),
    ],
  ],
  [
    HEADINGS.fiscal,
    [
      statement("GENERAL_BUDGET_TOTAL", GENERAL_BUDGET, "amount"),
      statement("GOVERNMENT_FUND_TOTAL", GOVERNMENT_FUND, "amount"),
      statement("GENERAL_BUDGET_TOTAL", GENERAL_BUDGET, "change"),
      statement("GOVERNMENT_FUND_TOTAL", GOVERNMENT_FUND, "change"),
    ],
  ],
  [
    HEADINGS.generalExpenditure,
    [
      statement("GENERAL_BUDGET_EXPENDITURE", "一般公共预算支出(?:年初)?", "amount"),
      statement("BASIC_SHARE", "基本支出", "share"),
      statement("PROJECT_SHARE", "项目支出", "share"),
    ],
  ],
  [
    HEADINGS.basic,
    [
      statement("BASIC_TOTAL", "一般公共预算基本支出(?:年初)?", "amount"),
      statement("PERSONNEL_SHARE", "人员经费(?:支出)?", "share"),
      statement("PUBLIC_SHARE", "公用经费(?:支出)?", "share"),
    ],
  ],
  [
    HEADINGS.threePublic,
    [
      ...THREE_PUBLIC_ITEMS.map(([topic, words]) => statement(topic, words, "amount")),
      ...THREE_PUBLIC_ITEMS.map(([topic, words]) => statement(topic, words + COMPARED, "change")),
      statement(null, COMPARED, "change"),
    ],
  ],
  [HEADINGS.operating, [OPERATING_TOTAL, statement("OPERATING_FUNDS_TOTAL", `(?:比|较)上年${OPERATING}(?:预算)?`, "change")]],
  [HEADINGS.procurement, [statement("PROCUREMENT_TOTAL", "政府采购(?:支出)?", "amount")]],
];

/** What each section of a 决算 states (部门决算情况说明), by heading. */
const FINAL_STATEMENTS: [heading: RegExp, statements: Statement[]][] = [
  [
    /三公/,
    [
      statement("THREE_PUBLIC_TOTAL", "[“”\"‘’']?三公[“”\"‘’']?经费(?:财政拨款)?支出", "execution"),
      ...THREE_PUBLIC_ITEMS.slice(1).map(([topic, words]) => statement(topic, `${words}(?:支出)?决算(?:数)?`, "amount")),
    ],
  ],
  [/基本支出决算/, [statement("BASIC_TOTAL", "(?:一般公共预算财政拨款)?基本支出", "amount"), statement("PERSONNEL_TOTAL", "人员经费", "amount"), statement("PUBLIC_TOTAL", "公用经费", "amount")]],
  [/财政拨款支出决算具体/, [statement("EXECUTION", `${SUBJECT_NAME}[（(]项[）)][。.，,]?`, "execution")]],
  [/财政拨款支出决算总体|财政拨款支出决算情况/, [statement("EXECUTION_TOTAL", "一般公共预算财政拨款支出", "execution")]],
  [/财政拨款收入支出决算总体/, [statement("FISCAL_INCOME_TOTAL", "财政拨款收入总计", "amount"), statement("FISCAL_EXPENDITURE_TOTAL", "财政拨款支出总计", "amount")]],
  [
    /收入支出决算总体/,
    [
      statement("INCOME_TOTAL", "收入总计", "amount"),
      statement("EXPENDITURE_TOTAL", "支出总计", "amount"),
      statement("CARRIED_IN", "年初结转和结余", "amount"),
      statement("CARRIED_OUT", "年末结转和结余", "amount"),
      statement("INCOME_TOTAL", "收入", "change"),
      statement("EXPENDITURE_TOTAL", "支出", "change"),
    ],
  ],
  [
    /收入决算情况/,
    [statement("INCOME_THIS_YEAR", "本年收入合计", "amount"), statement("INCOME_GENERAL_BUDGET", "一般公共预算财政拨款收入", "share"), statement("INCOME_GENERAL_BUDGET", "一般公共预算财政拨款收入", "amount")],
  ],
  [/支出决算情况/, [statement("EXPENDITURE_THIS_YEAR", "本年支出合计", "amount"), statement("BASIC_SHARE", "基本支出", "share"), statement("PROJECT_SHARE", "项目支出", "share")]],
  [HEADINGS.operating, [OPERATING_TOTAL]],
  [HEADINGS.procurement, [statement("PROCUREMENT_TOTAL", "政府采购(?:支出)?", "amount")]],
];

/** A claim and where in its section's text it starts, to keep document order. */
interface Placed {
  at: number;
  claim: NarrativeClaimDraft;
}

function readStatements(doc: DisclosureDoc, sec: SectionText, documentUnit: MoneyUnitCode): Placed[] {
  const statements = (doc.stage === "FINAL" ? FINAL_STATEMENTS : STATEMENTS).find(([heading]) => heading.test(sec.topic))?.[1] ?? [];
  const found = statements.flatMap((s, rank) => [...sec.text.matchAll(s.re)].map((m) => ({ s, m, rank })));
  const owned: typeof found = [];
  for (const f of found.sort((a, b) => a.rank - b.rank)) {
    if (!owned.some((o) => overlaps(o.m, f.m))) owned.push(f);
  }
  const placed: Placed[] = [];
  for (const { s, m } of owned.sort((a, b) => a.m.index - b.m.index)) {
    if (s.shape !== "change") {
      placed.push({ at: m.index, claim: figureClaim(doc, sec, s.topic!, m, documentUnit) });
      continue;
    }
    // A change is usually its own sentence after the figure ("收入减少180.8万元"): it completes
    // the claim already made about the same thing, or the one just made when it names nothing.
    const target = s.topic === null ? placed[placed.length - 1] : [...placed].reverse().find((p) => p.claim.topic === s.topic);
    const change = changeOf(doc, sec, m);
    if (target && target.claim.change === null && target.claim.reason === null) Object.assign(target.claim, change);
    else if (s.topic !== null) placed.push({ at: m.index, claim: { ...blankClaim(sec, s.topic, m.index), ...change } });
  }
  return placed;
}

function overlaps(a: RegExpExecArray, b: RegExpExecArray): boolean {
  return a.index < b.index + b[0].length && b.index < a.index + a[0].length;
}

function blankClaim(sec: SectionText, topic: string, at: number): NarrativeClaimDraft {
  return {
    topic,
    section: sec.name,
    subject: null,
    label: null,
    amount: null,
    change: null,
    ratePercent: null,
    sharePercent: null,
    reason: null,
    unit: null,
    budgeted: null,
    completionPercent: null,
    line: sec.lineOf[at]!,
  };
}

/** A stated figure; its unit is kept where the prose prints another unit than the tables (万元 against 元). */
function figureClaim(doc: DisclosureDoc, sec: SectionText, topic: string, m: RegExpExecArray, documentUnit: MoneyUnitCode): NarrativeClaimDraft {
  const printed = unitOf(m, "amount");
  return {
    ...blankClaim(sec, topic, m.index),
    label: m.groups?.label ?? null,
    amount: figure(doc, sec, m, "amount"),
    sharePercent: percentage(doc, sec, m, "share"),
    unit: printed !== null && printed !== documentUnit ? printed : null,
    budgeted: figure(doc, sec, m, "budgeted"),
    completionPercent: percentage(doc, sec, m, "completion"),
    reason: m.groups?.reason ?? null,
  };
}

function unitOf(m: RegExpExecArray, group: string): MoneyUnitCode | null {
  const word = m.groups?.[`${group}Unit`];
  return word === undefined ? null : word === "万元" ? "WAN_YUAN" : "YUAN";
}

function changeOf(doc: DisclosureDoc, sec: SectionText, m: RegExpExecArray): Pick<ClaimOfModel, "change" | "ratePercent" | "reason"> {
  const g = m.groups!;
  const reason = g.reason ?? null;
  if (g.same !== undefined) return { change: 0n, ratePercent: null, reason };
  const change = figure(doc, sec, m, "change")!;
  const rate = percentage(doc, sec, m, "rate");
  return {
    change: DECREASE.test(g.dir!) ? -change : change,
    ratePercent: rate !== null && DECREASE.test(g.rateDir!) && /[1-9]/.test(rate) ? `-${rate}` : rate,
    reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

/**
 * A figure as 分, in the unit word printed after it: the prose may use 万元 where the tables use 元,
 * and the printed word is what the number means.
 */
function figure(doc: DisclosureDoc, sec: SectionText, m: RegExpExecArray, group: string): bigint | null {
  const text = m.groups?.[group];
  if (text === undefined) return null;
  if (!looksLikeAmount(text)) throw garbled(doc, sec, m, group, "an amount");
  try {
    return textAmount(text, unitOf(m, group)!);
  } catch (e) {
    if (e instanceof AmountFormatError) throw garbled(doc, sec, m, group, "an amount");
    throw e;
  }
}

/** A percentage as printed ("53.1", "3"); full-width digits made plain. */
function percentage(doc: DisclosureDoc, sec: SectionText, m: RegExpExecArray, group: string): string | null {
  const text = m.groups?.[group];
  if (text === undefined) return null;
  const plainText = halfWidthDigits(text).replace(/．/g, ".");
  if (!/^\d+(?:\.\d+)?$/.test(plainText)) throw garbled(doc, sec, m, group, "a percentage");
  return plainText;
}

/** Names what the text calls the figure ("收入总计", "行政运行 share") and the line the figure is on. */
function garbled(doc: DisclosureDoc, sec: SectionText, m: RegExpExecArray, group: string, kind: string): DocumentError {
  const starts = m.indices!.groups!;
  const start = starts[group]![0];
  const words = sec.text.slice(m.index, (starts.amount ?? starts.change ?? starts[group])![0]);
  const what = kind === "an amount" ? words : `${words} ${group}`;
  const printed = `${m.groups![group]}${m.groups![`${group}Unit`] ?? "%"}`;
  return new DocumentError(doc.fileName, sec.lineOf[start]!, `${what} is not ${kind}: "${printed}"`);
}

/** All matches of a global regex that start in [start, end). */
function matchesBetween(re: RegExp, text: string, start: number, end: number): RegExpExecArray[] {
  const r = new RegExp(re.source, re.flags);
  r.lastIndex = start;
  const out: RegExpExecArray[] = [];
  for (let m = r.exec(text); m !== null && m.index < end; m = r.exec(text)) out.push(m);
  return out;
}

// ---------------------------------------------------------------------------------------------
// 其他重要事项: 机构运转经费, 政府采购, 国有资产

/** "办公费 20 万元、差旅费 5 万元…": the breakdown that follows the total in its sentence. */
const OPERATING_ITEM = new RegExp(`(?<=[，、：；])(?<name>[^${STOP}\\d０-９]+?)${amount("amount")}(?=[，、。；]|$)`, "gd");
const PROCUREMENT_PART = new RegExp(`政府采购(?<part>货物|工程|服务)类?${LEAD}${amount("amount")}`, "gd");
const PROCUREMENT_FIELD = { 货物: "goods", 工程: "works", 服务: "services" } as const;
/** "一般公务用车0辆", "单位价值50万元以上通用设备0台（套）"; a name may hold digits, so it ends at the count. */
const ASSET = /(?<=^|[，、：；])(?<name>[^，。；：、]+?)(?<count>[\d０-９]+)(?<measure>辆|台[（(]套[）)]|台|套)/gd;
/** "共有车辆0辆" is the total of the listing that follows, not an asset of its own. */
const ASSET_TOTAL = /共有|合计|共计|总计/;

function readOperatingFunds(doc: DisclosureDoc, sec: SectionText, claims: NarrativeClaimDraft[]): NonNullable<BudgetModel["operatingFunds"]> {
  const total = claims.find((c) => c.topic === "OPERATING_FUNDS_TOTAL") ?? null;
  const totalMatch = [...sec.text.matchAll(OPERATING_TOTAL.re)][0];
  const start = totalMatch ? totalMatch.index + totalMatch[0].length : 0;
  const stop = sec.text.indexOf("。", start);
  const items = matchesBetween(OPERATING_ITEM, sec.text, start, stop < 0 ? sec.text.length : stop).map((m) => ({
    name: m.groups!.name!,
    fen: figure(doc, sec, m, "amount")!,
  }));
  return { total: total?.amount ?? null, change: total?.change ?? null, reason: total?.reason ?? null, items };
}

function readProcurement(doc: DisclosureDoc, sec: SectionText, claims: NarrativeClaimDraft[]): NonNullable<BudgetModel["procurement"]> {
  const result: NonNullable<BudgetModel["procurement"]> = {
    total: claims.find((c) => c.topic === "PROCUREMENT_TOTAL")?.amount ?? null,
    goods: null,
    works: null,
    services: null,
  };
  for (const m of sec.text.matchAll(PROCUREMENT_PART)) {
    result[PROCUREMENT_FIELD[m.groups!.part as keyof typeof PROCUREMENT_FIELD]] = figure(doc, sec, m, "amount");
  }
  return result;
}

function readAssets(sec: SectionText): { assets: BundleAsset[]; repeated: { name: string; line: number }[] } {
  const assets: BundleAsset[] = [];
  const repeated: { name: string; line: number }[] = [];
  for (const m of sec.text.matchAll(ASSET)) {
    const name = m.groups!.name!;
    if (ASSET_TOTAL.test(name)) continue;
    const kind = m.groups!.measure === "辆" ? "VEHICLE" : "EQUIPMENT";
    // The seed lists 其他用车 twice; one listing is one asset, the repeat is reported, not summed.
    if (assets.some((a) => a.kind === kind && a.name === name)) repeated.push({ name, line: sec.lineOf[m.index]! });
    else assets.push({ kind, name, count: Number(halfWidthDigits(m.groups!.count!)) });
  }
  return { assets, repeated };
}

function readThreePublic(claims: NarrativeClaimDraft[]): NonNullable<BudgetModel["threePublic"]> {
  const of = (topic: string) => claims.find((c) => c.topic === topic)?.amount ?? null;
  return {
    total: of("THREE_PUBLIC_TOTAL"),
    overseasTravel: of("THREE_PUBLIC_OVERSEAS"),
    vehicles: of("THREE_PUBLIC_VEHICLES"),
    vehiclePurchase: of("THREE_PUBLIC_VEHICLE_PURCHASE"),
    vehicleOperation: of("THREE_PUBLIC_VEHICLE_OPERATION"),
    reception: of("THREE_PUBLIC_RECEPTION"),
  };
}

// ---------------------------------------------------------------------------------------------
// Names of the department

/**
 * A name the prose gives the department: it opens a sentence and is followed by the year or by
 * what a department has ("人力资源局2023年…", "人力资源局部门预算…", "人力资源局共有车辆…").
 */
const DEPARTMENT = new RegExp(
  `(?<=^|[，。；：、）)])(?<name>[${CJK}]{1,30}?(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|厅|处))` +
    "(?=\\d{4}年|部门预算|机关本级|本级|所属单位|共有)",
  "g",
);

interface NameUse {
  name: string;
  line: number;
  section: string;
  sec: SectionText;
  at: number;
}

function readDepartmentNames(sections: SectionText[]): NameUse[] {
  const uses: NameUse[] = [];
  for (const sec of sections) {
    for (const m of sec.text.matchAll(DEPARTMENT)) {
      const name = m.groups!.name!;
      if (!uses.some((u) => u.name === name)) uses.push({ name, line: sec.lineOf[m.index]!, section: sec.name, sec, at: m.index });
    }
  }
  return uses;
}

/** A name other than the title's is a claim: it may be the department's former or fuller name, or a copy-paste from another department. */
function nameClaims(sec: SectionText, names: NameUse[], shortName: string): Placed[] {
  return names
    .filter((u) => u.sec === sec && u.name !== shortName)
    .map((u) => ({ at: u.at, claim: { ...blankClaim(sec, "DEPARTMENT_NAME", u.at), label: u.name } }));
}

// ---------------------------------------------------------------------------------------------
// Text sections

const SENTENCE_END = /[。；！？：!?;:]$/;
const ITEM_MARK = /^(?:[（(][一二三四五六七八九十]+[）)]|\d+[、.．])/;

/** Lines gathered into items: a line that starts no item continues the one before (PDF breaks items mid-word). */
function gather(lines: Line[], startsItem: (text: string, afterSentence: boolean) => boolean): string[] {
  const items: string[] = [];
  let afterSentence = true;
  for (const line of lines) {
    const t = plain(line);
    if (items.length === 0 || startsItem(t, afterSentence)) items.push(t);
    else items[items.length - 1] += t;
    afterSentence = SENTENCE_END.test(t);
  }
  return items;
}

function readDuties(sec: SectionText | undefined): string[] {
  if (!sec) return [];
  const numbered = sec.lines.some((l) => ITEM_MARK.test(plain(l)));
  if (!numbered) return gather(sec.lines, (_, afterSentence) => afterSentence);
  // Text before the first numbered item introduces the list; it is not a duty.
  return gather(sec.lines, (t) => ITEM_MARK.test(t))
    .filter((t) => ITEM_MARK.test(t))
    .map((t) => t.replace(ITEM_MARK, ""));
}

/** Paragraphs, one a line, with lines the PDF broke mid-sentence put back together. */
function paragraphs(sec: SectionText | undefined): string | null {
  if (!sec || sec.lines.length === 0) return null;
  return gather(sec.lines, (_, afterSentence) => afterSentence).join("\n");
}

// ---------------------------------------------------------------------------------------------

/**
 * `unit` is the unit of the document's tables. Narrative figures are read in the unit word printed
 * after each of them (万元 or 元), which is what the prose means even where it differs from the tables.
 */
export function readNarrative(doc: DisclosureDoc, unit: MoneyUnitCode): NarrativeResult {
  const sections = narrativeSections(doc);
  const names = readDepartmentNames(sections);
  const claimsOf = new Map(
    sections.map((sec) => [
      sec,
      [...readStatements(doc, sec, unit), ...nameClaims(sec, names, doc.shortName)].sort((a, b) => a.at - b.at).map((p) => p.claim),
    ]),
  );
  const find = (heading: RegExp) => sections.find((s) => heading.test(s.topic));
  const threePublic = find(HEADINGS.threePublic);
  const operating = find(HEADINGS.operating);
  const procurement = find(HEADINGS.procurement);
  const assetSection = find(HEADINGS.assets);
  const { assets, repeated } = assetSection ? readAssets(assetSection) : { assets: [], repeated: [] };

  return {
    duties: readDuties(find(HEADINGS.duties)),
    divisions: paragraphs(find(HEADINGS.divisions)),
    claims: sections.flatMap((sec) => claimsOf.get(sec)!),
    threePublic: threePublic ? readThreePublic(claimsOf.get(threePublic)!) : null,
    operatingFunds: operating ? readOperatingFunds(doc, operating, claimsOf.get(operating)!) : null,
    procurement: procurement ? readProcurement(doc, procurement, claimsOf.get(procurement)!) : null,
    assets,
    repeatedAssets: repeated,
    departmentNames: names.map(({ name, line, section }) => ({ name, line, section })),
    specialTransfers: paragraphs(find(HEADINGS.specialTransfers)),
  };
}
