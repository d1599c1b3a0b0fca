import type { Command } from 'commander';
import { checkDataset } from '../analysis/check-dataset.js';
import { checkPlan } from '../analysis/check-plan.js';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { DEFAULT_PLAN, embedded } from '../load/dataset-loader.js';
import { findingsToDiagnostics, loadPlan } from '../load/plan-loader.js';
import { UserError } from '../load/user-error.js';
import { renderDiagnostics, summaryLine, type DiagnosticFormat } from '../render/diagnostics.js';
import { styleFor } from '../render/style.js';
import { EXIT, type Run } from './main.js';
import { choice } from './options.js';

/** Loads and checks one plan file; every problem found, not just the first. */
export function validateFile(path: string): { diagnostics: Diagnostic[]; files: string[] } {
  const loaded = loadPlan(path);
  const { regions, country } = embedded();
  if (loaded.plan) return { diagnostics: sortDiagnostics(findingsToDiagnostics(checkPlan(loaded.plan, { regions, country }), loaded.locate)), files: loaded.files };
  if (!loaded.partial) return { diagnostics: loaded.diagnostics, files: loaded.files };
  // Some facility entries broke the schema: check the rest too, so one run reports every problem.
  const { plan, kept, droppedIds } = loaded.partial;
  const findings = checkPlan(plan, { regions, country })
    .filter((f) => !(f.code === 'unknown-parent' && droppedIds.has(String(plan.branches[f.path[1] as number]?.center))))
    .map((f) => {
      const [list, index, ...rest] = f.path;
      return (list === 'centers' || list === 'branches') && typeof index === 'number' ? { ...f, path: [list, kept[list][index]!, ...rest] } : f;
    });
  return { diagnostics: sortDiagnostics([...loaded.diagnostics, ...findingsToDiagnostics(findings, loaded.locate)]), files: loaded.files };
}

export function registerValidate(program: Command, run: Run): void {
  program
    .command('validate')
    .description('check plan files (default: the embedded DOST plan and data); for CI')
    .argument('[files...]', 'plan files (YAML)')
    .option('-f, --format <format>', 'text | json | github', choice(['text', 'json', 'github'] as const), 'text')
    .option('--strict', 'warnings fail too (exit 1)')
    .action((files: string[], opts: { format: DiagnosticFormat; strict?: boolean }) => {
      const targets = files.length ? files : [DEFAULT_PLAN];
      const diagnostics: Diagnostic[] = [];
      let unreadable = 0;
      for (const f of targets) {
        try {
          diagnostics.push(...validateFile(f).diagnostics);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          process.stderr.write(`dostplan: ${e.message}\n`);
          unreadable++;
        }
      }
      if (files.length === 0) {
        for (const p of checkDataset(embedded().regions.dataset)) {
          diagnostics.push({ file: 'data/regions.json', line: 1, column: 1, severity: 'error', code: 'dataset', message: p });
        }
      }
      const sorted = sortDiagnostics(diagnostics);
      const checked = targets.length - unreadable;
      process.stdout.write(renderDiagnostics(sorted, checked, opts.format, styleFor(process.stdout), unreadable));
      const errors = sorted.filter((d) => d.severity === 'error').length;
      const warnings = sorted.length - errors;
      if (opts.format === 'github') process.stderr.write(summaryLine(errors, warnings, checked, unreadable) + '\n');
      run(unreadable ? EXIT.usage : errors > 0 || (opts.strict && warnings > 0) ? EXIT.failed : EXIT.ok);
    });
}
