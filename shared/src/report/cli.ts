// npm run report -- check FILE [--json] [--previous LAST_YEAR_FILE]
// npm run report -- render FILE.json [--format text|md|html]
//
// Exit status of `check`: 0 every rule holds (rules that cannot be checked do not count as
// broken), 1 a rule is broken, 2 the input cannot be read as a report (the message says why).
// The only file with I/O in shared/src/report.

import { readFileSync } from 'node:fs';
import { allRulesHold, checkReport } from './check';
import { decodeReportBytes } from './decode';
import { ReportReadError } from './errors';
import { parseReportJson, toReportJson } from './json';
import type { AnnualReport } from './model';
import { readReport } from './read';
import { renderCheck } from './render-check';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import type { CheckResult } from './rules';

const usage = `用法：
  npm run report -- check 报告.txt [--json] [--previous 上年度报告.txt]
  npm run report -- render 报告.json [--format text|md|html]`;

class UsageError extends Error {}

interface Args {
  command: string;
  file: string;
  json: boolean;
  previous?: string;
  format: 'text' | 'md' | 'html';
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'render') throw new UsageError(command ? `未知命令：${command}` : '缺少命令');
  let file: string | undefined;
  let json = false;
  let previous: string | undefined;
  let format: Args['format'] = 'text';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--previous') previous = rest[++i];
    else if (a === '--format') {
      const f = rest[++i];
      if (f !== 'text' && f !== 'md' && f !== 'html') throw new UsageError(`--format 只能是 text、md 或 html，不能是 ${f ?? '（空）'}`);
      format = f;
    } else if (a.startsWith('--')) throw new UsageError(`未知选项：${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`多余的参数：${a}`);
  }
  if (file === undefined) throw new UsageError('缺少文件名');
  if (previous === undefined && rest.includes('--previous')) throw new UsageError('--previous 后面缺少文件名');
  return { command, file, json, ...(previous === undefined ? {} : { previous }), format };
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReportReadError('not_a_report', code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}：${code ?? String(e)}`);
  }
}

/** A report from a file: JSON (as printed by `check --json`) or published report text. */
function loadReport(file: string): { report: AnnualReport; issues: string[] } {
  const { text, encoding } = decodeReportBytes(readBytes(file));
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      throw new ReportReadError('invalid_json', `JSON 格式错误：${(e as Error).message}`);
    }
    return { report: parseReportJson(value), issues: [] };
  }
  const result = readReport(text);
  if (encoding !== 'utf-8') result.issues.unshift(`文件编码为 ${encoding.toUpperCase()}，已按此解码`);
  return result;
}

function check(args: Args): number {
  const { report, issues } = loadReport(args.file);
  const previous = args.previous ? loadReport(args.previous).report : undefined;
  const checks: CheckResult = checkReport(report, previous ? { previous } : {});
  if (args.json) process.stdout.write(`${JSON.stringify(toReportJson(report, { checks, issues }), null, 2)}\n`);
  else process.stdout.write(`${renderCheck(report, checks, issues)}\n`);
  return allRulesHold(checks) ? 0 : 1;
}

function render(args: Args): number {
  const { report } = loadReport(args.file);
  const out = args.format === 'html' ? renderHtml(report) : args.format === 'md' ? renderMarkdown(report) : renderText(report);
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  return 0;
}

export function main(argv: string[]): number {
  let json = false;
  try {
    const args = parseArgs(argv);
    json = args.json;
    return args.command === 'check' ? check(args) : render(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${usage}\n`);
      return 2;
    }
    if (e instanceof ReportReadError) {
      process.stderr.write(`无法作为年度报告读取（${e.reason}）：${e.message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ error: { reason: e.reason, message: e.message } })}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
