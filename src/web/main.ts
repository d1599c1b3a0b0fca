/**
 * The planning studio of `dostplan serve`: the map and the figures of the plan in a year, and
 * what-if edits that the server applies through its incremental engine. The server holds the
 * truth (the plan file and the edits); the page shows /api/state and /api/summary and re-reads
 * them on every revision the server announces on /api/events.
 */
import {
  type Edit,
  api,
  ApiError,
  type Candidate,
  type Distances,
  type MapData,
  type State,
  type Summary,
} from './api.js';
import { byId, fill, h } from './dom.js';
import { AddDialog, FacilityEditor } from './editor.js';
import { facilityState } from './facility-state.js';
import { type Cluster, LAND_SCALES, type LandLayer, landFills, landNodes, loadLand } from './land-layers.js';
import { type Hover, MapView } from './map-view.js';
import {
  coverageFills,
  MEASURE_SCALES,
  type Measure,
  showCapacity,
  showDiagnostics,
  showLegend,
  showNational,
  showRegions,
  showTargets,
  travelFills,
} from './panel.js';
import { showTip } from './tooltip.js';
import { int, kindWord, num, pct, placeName, planDate, t, yearOrd } from './words.js';

/** What the map can show: a measure per unit, or a land layer. */
const SCALES = { ...MEASURE_SCALES, ...LAND_SCALES };
type View = Measure | LandLayer;

class Studio {
  private state: State | null = null;
  private summary: Summary | null = null;
  /** The unit trips of the year, read when the map shows travel time. */
  private distances: Distances | null = null;
  private measure: View = 'coverage';
  private year = 0;
  private selected: string | null = null;
  private candidates: Candidate[] = [];
  /** The gap map's clusters of people beyond every standard (none on the other views). */
  private gaps: Cluster[] = [];
  /** The summary request whose answer counts (a newer year or revision supersedes older ones). */
  private summarySeq = 0;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private readonly slider = byId<HTMLInputElement>('year');
  private readonly map: MapView;
  private readonly add: AddDialog;
  private readonly editor: FacilityEditor;

  constructor(private readonly mapData: MapData) {
    this.map = new MapView(byId('map'), mapData, {
      pick: (lat, lon) => this.add.open({ lat, lon }, this.year),
      select: (id) => this.select(id),
      move: (id, lat, lon) => void this.edit({ op: 'move', id, lat, lon }),
      hover: (what, x, y) => this.tip(what, x, y),
    });
    this.add = new AddDialog((e) => void this.edit(e));
    this.editor = new FacilityEditor(
      (id) => this.select(id),
      (e) => void this.edit(e),
    );
    showLegend(SCALES[this.measure]);
    this.wire();
  }

  /** Reads state and summary; concurrent calls fold into one more round. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          this.apply(await api.state());
          await this.loadSummary();
        } while (this.refreshAgain);
      } catch (e) {
        this.fail(e);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private apply(state: State): void {
    this.state = state;
    const years = state.plan.years;
    const first = years[0] ?? this.year;
    const last = years[years.length - 1] ?? this.year;
    this.slider.min = String(first);
    this.slider.max = String(last);
    if (!this.year || this.year < first || this.year > last)
      this.year = Math.min(last, Math.max(first, this.year || last));
    this.slider.value = String(this.year);
    byId('year-out').textContent = String(this.year);
    const plan = placeName(state.plan);
    byId('plan-name').textContent = plan;
    document.title = t('studio.title', { plan });
    byId<HTMLButtonElement>('undo').disabled = !state.canUndo;
    byId<HTMLButtonElement>('redo').disabled = !state.canRedo;
    if (this.selected && !state.plan.facilities.some((f) => f.id === this.selected)) this.selected = null;
    document.body.dataset.revision = String(state.revision);
    showDiagnostics(state);
    this.drawFacilities();
  }

  private drawFacilities(): void {
    if (!this.state) return;
    const list = this.state.plan.facilities;
    this.map.showFacilities(
      list.map((f) => ({ ...f, state: facilityState(f, this.year) })),
      this.selected,
    );
    this.editor.show(list, this.selected, this.year);
  }

  private async loadSummary(): Promise<void> {
    const seq = ++this.summarySeq;
    const year = this.year;
    const measure = this.measure;
    const land = measure === 'surface' || measure === 'gaps' ? measure : null;
    const [summary, distances, landData] = await Promise.all([
      api.summary(year),
      measure === 'travel-time' ? api.distances(year) : null,
      land ? loadLand(land, year) : null,
    ]);
    if (seq !== this.summarySeq) return;
    this.summary = summary;
    this.distances = distances;
    this.gaps = landData?.clusters ?? [];
    this.map.colour(
      distances
        ? travelFills(distances)
        : land
          ? landFills(this.mapData, summary)
          : coverageFills(this.mapData, summary),
    );
    this.map.showLand(landData ? landNodes(this.map, this.mapData, landData) : []);
    document.body.dataset.measure = measure;
    showNational(summary);
    showTargets(summary);
    showRegions(summary);
    showCapacity(summary, this.state?.plan.facilities ?? []);
    document.body.dataset.year = String(summary.year);
  }

  private setYear(year: number): void {
    if (year === this.year) return;
    this.year = year;
    byId('year-out').textContent = String(year);
    this.drawFacilities();
    this.loadSummary().catch((e) => this.fail(e));
  }

  private select(id: string | null): void {
    this.selected = id;
    this.drawFacilities();
  }

  /** Sends an edit; the answer is the new state, then the figures follow. */
  async edit(e: Edit): Promise<void> {
    this.say(t('studio.status.working', { what: describe(e) }));
    try {
      const state = await api.edit(e);
      if (e.op === 'add') {
        const added = state.plan.facilities.find(
          (f) => !this.state?.plan.facilities.some((g) => g.id === f.id) && f.name === e.name,
        );
        if (added) this.selected = added.id;
      }
      this.apply(state);
      await this.loadSummary();
      this.say(t('studio.status.done', { what: describe(e) }));
    } catch (err) {
      this.drawFacilities();
      this.fail(err);
    }
  }

  private async step(which: 'undo' | 'redo'): Promise<void> {
    if (which === 'undo' ? !this.state?.canUndo : !this.state?.canRedo) return;
    try {
      this.apply(await (which === 'undo' ? api.undo() : api.redo()));
      await this.loadSummary();
      this.say(t(which === 'undo' ? 'studio.status.undone' : 'studio.status.redone'));
    } catch (err) {
      this.fail(err);
    }
  }

  private async suggest(): Promise<void> {
    const k = byId<HTMLInputElement>('suggest-k').valueAsNumber;
    const kind = byId<HTMLSelectElement>('suggest-kind').value;
    if (!byId<HTMLInputElement>('suggest-k').reportValidity() || !Number.isInteger(k)) return;
    this.say(t('studio.suggest.looking', { k, kind: kindWord(kind) }));
    try {
      const answer = await api.suggest(k, this.year, kind);
      this.candidates = answer.candidates;
      this.showCandidates(kind);
      const n = answer.candidates.length;
      const gain =
        answer.before !== undefined && answer.after !== undefined
          ? t('studio.suggest.gain', { before: pct(answer.before, 2), after: pct(answer.after, 2) })
          : '';
      byId('suggest-note').textContent = answer.quality_az ?? answer.quality ?? '';
      const done = n === 1 ? 'studio.suggest.done_one' : 'studio.suggest.done_many';
      this.say(t(done, { n, kind: kindWord(kind), year: yearOrd(this.year), gain }));
    } catch (err) {
      this.fail(err);
    }
  }

  private showCandidates(kind: string): void {
    this.map.showCandidates(this.candidates);
    fill(
      byId('suggest-list'),
      ...this.candidates.map((c, i) => {
        const accept = h(
          'button',
          { type: 'button', class: 'accept' },
          t('studio.suggest.accept', { kind: kindWord(kind), n: i + 1 }),
        );
        accept.addEventListener('click', () => {
          const name = c.name ?? t('studio.suggest.new_name', { kind: kindWord(kind), region: c.region, n: i + 1 });
          this.candidates = [];
          this.showCandidates(kind);
          void this.edit({ op: 'add', kind, name, lat: c.lat, lon: c.lon, opens: `${this.year}-01-01` });
        });
        return h(
          'li',
          {},
          t('studio.suggest.item', {
            name: c.name_az || (c.name ?? c.region_az ?? c.region),
            region: c.region_az || c.region,
            lat: num(c.lat, 3),
            lon: num(c.lon, 3),
            people: int(c.gain_people),
          }),
          accept,
        );
      }),
    );
  }

  private async save(mode: 'scenario' | 'plan'): Promise<void> {
    this.say(t(mode === 'plan' ? 'studio.status.saving_plan' : 'studio.status.saving_scenario'));
    try {
      const r = await api.save(mode);
      const n = r.findings.length;
      const path = r.path;
      this.say(
        n === 0
          ? t('studio.status.saved', { path })
          : n === 1
            ? t('studio.status.saved_finding', { path })
            : t('studio.status.saved_findings', { path, n }),
      );
    } catch (err) {
      this.fail(err);
    }
  }

  private tip(what: Hover, x: number, y: number): void {
    const { year, mapData: map, state, summary, distances, candidates, gaps } = this;
    showTip(what, { year, map, state, summary, distances, candidates, gaps }, x, y);
  }

  private say(message: string): void {
    const status = byId('status');
    status.classList.remove('error');
    status.textContent = message;
  }

  private fail(err: unknown): void {
    const status = byId('status');
    status.classList.add('error');
    status.textContent =
      err instanceof ApiError
        ? t('studio.status.refused', { message: err.message })
        : t('studio.status.no_answer', { message: (err as Error).message });
  }

  private wire(): void {
    this.slider.addEventListener('input', () => this.setYear(this.slider.valueAsNumber));
    byId<HTMLSelectElement>('measure').addEventListener('change', (e) => {
      const value = (e.target as HTMLSelectElement).value;
      this.measure = Object.hasOwn(SCALES, value) ? (value as View) : 'coverage';
      showLegend(SCALES[this.measure]);
      this.loadSummary().catch((err) => this.fail(err));
    });
    byId('undo').addEventListener('click', () => void this.step('undo'));
    byId('redo').addEventListener('click', () => void this.step('redo'));
    byId('add').addEventListener('click', () => this.add.open(null, this.year));
    byId('save-scenario').addEventListener('click', () => void this.save('scenario'));
    byId('save-plan').addEventListener('click', () => this.confirmSavePlan());
    byId('zoom-in').addEventListener('click', () => this.map.zoom(1.6));
    byId('zoom-out').addEventListener('click', () => this.map.zoom(1 / 1.6));
    byId('zoom-reset').addEventListener('click', () => this.map.resetZoom());
    byId('suggest-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.suggest();
    });
    document.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      // Text fields keep their own undo.
      const t = e.target as HTMLElement | null;
      if (t instanceof HTMLInputElement && t.type !== 'range' && t.type !== 'checkbox') return;
      if (t instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      void this.step(key === 'y' || e.shiftKey ? 'redo' : 'undo');
    });
    const events = new EventSource('/api/events');
    // The browser retries on its own; say so, and catch up once the stream is back.
    let lost = false;
    events.addEventListener('error', () => {
      lost = true;
      this.fail(new Error(t('studio.status.lost')));
    });
    events.addEventListener('open', () => {
      if (!lost) return;
      lost = false;
      this.say(t('studio.status.connected'));
      void this.refresh();
    });
    events.addEventListener('revision', (e) => {
      const revision = Number((JSON.parse((e as MessageEvent<string>).data) as { revision?: unknown }).revision);
      if (revision !== this.state?.revision) void this.refresh();
    });
  }

  private confirmSavePlan(): void {
    const dialog = byId<HTMLDialogElement>('confirm-dialog');
    byId('confirm-text').textContent = t('studio.confirm_plan', {
      path: this.state?.plan.path ?? t('studio.confirm_plan_file'),
    });
    const form = byId<HTMLFormElement>('confirm-form');
    form.onsubmit = (e) => {
      e.preventDefault();
      dialog.close();
      void this.save('plan');
    };
    byId('confirm-cancel').onclick = () => dialog.close();
    dialog.showModal();
    byId('confirm-cancel').focus();
  }
}

function describe(e: Edit): string {
  switch (e.op) {
    case 'add':
      return t('studio.edit.add', { kind: kindWord(e.kind), name: e.name });
    case 'move':
      return t('studio.edit.move', { id: e.id });
    case 'dates':
      return t('studio.edit.dates', { id: e.id });
    case 'close':
      return t('studio.edit.close', { id: e.id, date: planDate(e.date) });
    case 'remove':
      return t('studio.edit.remove', { id: e.id });
  }
}

async function start(): Promise<void> {
  try {
    const studio = new Studio(await api.map());
    await studio.refresh();
  } catch (e) {
    const status = byId('status');
    status.classList.add('error');
    status.textContent = t('studio.status.no_start', { message: e instanceof Error ? e.message : String(e) });
  }
}

void start();
