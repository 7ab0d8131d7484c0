import { access, constants } from 'node:fs/promises';
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import type { Evaluation } from '../../model/index.js';
import { buildReport, type BuildOptions } from '../report/build.js';
import { ExportError } from '../report/errors.js';
import { reportToHtml } from '../html/export.js';

/*
 * The report as PDF: the HTML report (with TrueType CJK faces first, so the text extracts as ordinary characters,
 * not Kangxi radicals) printed by Chromium through playwright-core. Chromium is the Debian package; playwright's own
 * browser download is not used.
 */

/** Where Debian installs Chromium. `JIXIAO_CHROMIUM` names another executable. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT =
  'PDF 由 Chromium 浏览器打印生成。请先安装浏览器和中文字体：' +
  'apt-get install chromium fonts-wqy-microhei fonts-arphic-uming（或设置环境变量 JIXIAO_CHROMIUM 指向 Chromium 可执行文件）。';

function chromiumPath(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env['JIXIAO_CHROMIUM'] : undefined;
  return fromEnv && fromEnv !== '' ? fromEnv : CHROMIUM_PATH;
}

/**
 * A Chromium kept open between prints (a warm browser prints a report in a fraction of the launch time).
 * `start()` is optional: `print()` starts the browser when needed. Call `close()` when done.
 */
export class PdfPrinter {
  private browser: Browser | undefined;
  private page: Page | undefined;
  private starting: Promise<Page> | undefined;
  /** prints run one after another on the one page */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly executablePath: string = chromiumPath()) {}

  async start(): Promise<void> {
    await this.ensure();
  }

  private async ensure(): Promise<Page> {
    if (this.page && !this.page.isClosed() && this.browser?.isConnected()) return this.page;
    this.starting ??= this.open().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async open(): Promise<Page> {
    await this.close();
    const browser = await this.launch();
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, offline: true });
    this.browser = browser;
    this.page = await context.newPage();
    return this.page;
  }

  private async launch(): Promise<Browser> {
    try {
      await access(this.executablePath, constants.X_OK);
    } catch {
      throw new ExportError(`未找到 Chromium 浏览器（${this.executablePath}）。${INSTALL_HINT}`, 'needs-tool');
    }
    let chromium: BrowserType;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      throw new ExportError(
        '缺少 npm 包 playwright-core，无法驱动 Chromium 生成 PDF。请运行：npm install playwright-core',
        'needs-tool',
      );
    }
    try {
      return await chromium.launch({ executablePath: this.executablePath, args: [...CHROMIUM_ARGS], headless: true });
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new ExportError(
        `无法启动 Chromium 浏览器（${this.executablePath}）：${why}。${INSTALL_HINT}`,
        'needs-tool',
      );
    }
  }

  /** Print one HTML page (with its own CSS @page rules) to PDF bytes. */
  print(html: string): Promise<Uint8Array> {
    const job = this.queue.then(async () => {
      const page = await this.ensure();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.page = undefined;
    if (b) await b.close();
  }
}

export interface PdfOptions extends BuildOptions {
  /** a warm browser to print with; without one, a browser is started and closed for this report */
  printer?: PdfPrinter;
}

/** Print HTML to PDF with the given printer, or with a browser started for this one page. */
export async function htmlToPdf(html: string, printer?: PdfPrinter): Promise<Uint8Array> {
  if (printer) return printer.print(html);
  const own = new PdfPrinter();
  try {
    return await own.print(html);
  } finally {
    await own.close();
  }
}

/** The whole 自评报告 of an Evaluation as PDF (the HTML report printed by Chromium). */
export async function evaluationToPdf(evaluation: Evaluation, options: PdfOptions = {}): Promise<Uint8Array> {
  const model = buildReport(evaluation, options);
  return htmlToPdf(reportToHtml(model, 'pdf'), options.printer);
}
