/**
 * One `dostplan serve` session: the plan as read from disk (the source of truth), the what-if
 * edits on top of it with undo and redo, the plan they make, and an incremental network over it
 * for the panel's figures. Every change (an edit, undo, redo, the file changed on disk) raises the
 * revision and tells the listeners (the page's event stream).
 *
 * The file on disk wins: when it changes it is read again and the edits are replayed on it (an
 * edit that no longer applies — its facility is gone — is dropped, and said). When it no longer
 * loads, the session keeps the last good plan, marks itself stale and shows the file's
 * diagnostics (file:line:col); it never throws them at the server.
 */
import { resolve } from 'node:path';
import { pointColumns } from '../analysis/demand.js';
import { Network } from '../analysis/network.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import {
  loadDemand,
  loadPlanContext,
  loadValidPlan,
  planSettings,
  populationInput,
  type ModelFlags,
  type PlanContext,
} from '../load/plan-context.js';
import { displayPath } from '../load/display-path.js';
import { findingsOf } from '../load/findings.js';
import type { RunContext } from '../run/run-context.js';
import {
  applyEdit,
  EditError,
  editErrors,
  editErrorsSaid,
  type Edit,
  type EditRequest,
  facilityView,
  type FacilityView,
  resolveEdit,
} from './edits.js';
import { summaryOf, type Summary } from './summary.js';
import { localeOf } from './run-locale.js';
import { amount, said } from '../model/said.js';
import { facilitiesOf } from '../model/plan.js';

/**
 * More edits than a session of clicking makes. The edits are kept whole (undo replays them on the
 * plan from disk, and a reload replays them on the new file), so past this a save is asked for.
 */
export const MAX_EDITS = 20_000;

export interface State {
  revision: number;
  plan: { path: string; name: string; years: number[]; facilities: FacilityView[] };
  diagnostics: Diagnostic[];
  stale: boolean;
  canUndo: boolean;
  canRedo: boolean;
  edits: number;
}

export class Session {
  /** The plan file, absolute. */
  readonly file: string;
  /** The context of the last good read; `ctx.plan` is the plan from disk, without the edits. */
  private ctx: PlanContext;
  /** The plan with the edits applied. */
  private current: Plan;
  private edits: Edit[] = [];
  private undone: Edit[] = [];
  private net: Network;
  /** The files the plan was made of (a scenario's bases too), absolute: what the watcher follows. */
  files: string[] = [];
  revision = 1;
  diagnostics: Diagnostic[] = [];
  stale = false;
  private readonly listeners = new Set<(revision: number) => void>();

  private constructor(
    readonly run: RunContext,
    private readonly flags: ModelFlags,
    ctx: PlanContext,
    file: string,
    private readonly maxEdits: number,
  ) {
    this.ctx = ctx;
    this.file = file;
    this.current = ctx.plan;
    this.net = this.freshNetwork();
  }

  /** Loads the plan and the data as every analysis command does; an invalid plan is refused here (exit 1). */
  static async open(
    run: RunContext,
    plan: string | undefined,
    flags: ModelFlags,
    o: { maxEdits?: number } = {},
  ): Promise<Session> {
    const ctx = await loadPlanContext(run, plan, flags);
    const s = new Session(run, flags, ctx, resolve(plan ?? ctx.country.defaultPlan), o.maxEdits ?? MAX_EDITS);
    loadValidPlan(run, s.file, ctx.country, (files) => {
      s.files = files.map((f) => resolve(f));
    });
    return s;
  }

  /** The context with the plan as edited: what the answers and the summary are computed on. */
  get context(): PlanContext {
    return { ...this.ctx, plan: this.current };
  }

  /** The plan from disk, without the edits (what a scenario extends). */
  get basePlan(): Plan {
    return this.ctx.plan;
  }

  get plan(): Plan {
    return this.current;
  }

  /** The ids of facilities this session added (only these can be removed). */
  get added(): Set<string> {
    const base = new Set(facilitiesOf(this.ctx.plan).map((f) => f.id));
    return new Set(facilitiesOf(this.current).flatMap((f) => (base.has(f.id) ? [] : [f.id])));
  }

  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): State {
    const p = this.current;
    const years: number[] = [];
    for (let y = p.years.from; y <= p.years.to; y++) years.push(y);
    return {
      revision: this.revision,
      plan: { path: displayPath(this.file), name: p.name, years, facilities: facilitiesOf(p).map(facilityView) },
      diagnostics: this.diagnostics,
      stale: this.stale,
      canUndo: this.edits.length > 0,
      canRedo: this.undone.length > 0,
      edits: this.edits.length,
    };
  }

  /** The panel's figures for a year of the plan (the incremental network moves there). */
  summary(year: number): Summary {
    this.net.advanceTo(year);
    return summaryOf(this.context, this.net, localeOf(this.context));
  }

  /** Applies an edit request; refused (EditError) when it makes no sense or gives the plan errors. */
  edit(req: EditRequest): void {
    if (this.edits.length >= this.maxEdits)
      throw new EditError(409, 'too-many-edits', said('studio.refuse.too_many_edits', { n: amount(this.maxEdits) }));
    const e = resolveEdit(req, this.current, this.ctx.country, this.added);
    const next = applyEdit(this.current, e);
    const errors = editErrorsSaid(next, this.ctx.country);
    if (errors) throw new EditError(422, 'plan-error', errors);
    this.edits.push(e);
    this.undone = [];
    this.show(next);
  }

  undo(): void {
    const e = this.edits.pop();
    if (!e) throw new EditError(409, 'nothing-to-undo', said('studio.refuse.nothing_to_undo'));
    this.undone.push(e);
    this.show(this.replay());
  }

  redo(): void {
    const e = this.undone.pop();
    if (!e) throw new EditError(409, 'nothing-to-redo', said('studio.refuse.nothing_to_redo'));
    this.edits.push(e);
    this.show(applyEdit(this.current, e));
  }

  /** The edits as saved: from now on the file holds them (a save of the plan itself). */
  settle(plan: Plan): void {
    this.ctx = { ...this.ctx, plan };
    this.edits = [];
    this.undone = [];
    this.show(plan);
  }

  /**
   * Reads the plan file again (it changed on disk). Invalid: the last good plan stays, with the
   * file's diagnostics and `stale`. Valid: the edits are replayed on it.
   */
  async reload(): Promise<void> {
    let plan: Plan;
    let files: string[] = this.files;
    try {
      plan = loadValidPlan(this.run, this.file, this.ctx.country, (f) => {
        files = f.map((x) => resolve(x));
      });
    } catch (e) {
      // A refusal becomes findings at its own file, line and column (a population file's bad row,
      // not the plan's 1:1); a bug is thrown on.
      const findings = findingsOf(e);
      if (!findings) throw e;
      this.files = files.length ? files : this.files;
      this.diagnostics = findings.map((d) => (d.file ? d : { ...d, file: displayPath(this.file) }));
      this.stale = true;
      this.bump();
      return;
    }
    this.files = files;
    const before = this.ctx;
    this.ctx = await this.contextFor(plan, before.plan);
    const dropped: Diagnostic[] = [];
    const kept: Edit[] = [];
    let next = plan;
    for (const e of this.edits) {
      const applied = this.replayOne(next, e);
      const id = e.op === 'add' ? e.facility.id : e.id;
      if (applied) {
        next = applied;
        kept.push(e);
      } else
        dropped.push({
          file: displayPath(this.file),
          line: 1,
          column: 1,
          severity: 'warning',
          code: 'edit-dropped',
          message: `the ${e.op} of ${id} no longer applies to the plan on disk; dropped`,
          // The message again for a run in another language (English answers stay as they were).
          ...(this.run.lang === 'en'
            ? {}
            : { said: said('studio.edit_dropped', { op: said(`studio.op.${e.op}`), id }) }),
        });
    }
    this.edits = kept;
    this.undone = [];
    this.diagnostics = dropped;
    this.stale = false;
    this.current = next;
    // The same people and travel model: the engine follows the new plan as it follows an edit.
    if (this.ctx.demand === before.demand && this.ctx.settings === before.settings) this.net.replan(next);
    else this.net = this.freshNetwork();
    this.bump();
  }

  /** The context for a plan read again: the same data; settings and population read again only if the plan changed them. */
  private async contextFor(plan: Plan, before: Plan): Promise<PlanContext> {
    const same = (k: keyof Plan) => JSON.stringify(plan[k]) === JSON.stringify(before[k]);
    const { country } = this.ctx;
    const settings =
      same('distance_model') && same('standards') ? this.ctx.settings : await planSettings(this.run, plan, this.flags);
    const demand =
      same('population') && same('population_basis')
        ? this.ctx.demand
        : await loadDemand(this.run, country, populationInput(this.flags, plan), plan, this.flags);
    // The run's language stays the one it started in (--lang, else the first plan's language:).
    return { country, plan, demand, settings, ...(this.ctx.lang ? { lang: this.ctx.lang } : {}) };
  }

  private replayOne(plan: Plan, e: Edit): Plan | undefined {
    const id = e.op === 'add' ? e.facility.id : e.id;
    const exists = facilitiesOf(plan).some((f) => f.id === id);
    if (e.op === 'add' ? exists : !exists) return undefined;
    const next = applyEdit(plan, e);
    return editErrors(next, this.ctx.country).length ? undefined : next;
  }

  private replay(): Plan {
    return this.edits.reduce((p, e) => applyEdit(p, e), this.ctx.plan);
  }

  private show(plan: Plan): void {
    this.current = plan;
    this.net.replan(plan);
    this.bump();
  }

  private bump(): void {
    this.revision++;
    for (const l of this.listeners) l(this.revision);
  }

  private freshNetwork(): Network {
    const c = this.context;
    return new Network(c.plan, pointColumns(c.demand), c.country.regions, c.settings.travel);
  }
}
