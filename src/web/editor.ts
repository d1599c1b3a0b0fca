/**
 * The forms that make edits: the add dialog (kind, name, opening date, position) and the selected
 * facility's editor (dates, position, close, remove). Each calls back with an edit of the API.
 */
import type { Edit, Facility } from './api.js';
import { byId, fill, h } from './dom.js';
import { compareAzerbaijani } from '../model/azerbaijani-order.js';
import { facilityState } from './facility-state.js';
import { stateWord } from './panel.js';
import { kindWord, LANG, placeName, planDate, t, yearOrd } from './words.js';

const PLAN_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The add dialog, opened at a spot of the map (or empty, from the keyboard). */
export class AddDialog {
  private readonly dialog = byId<HTMLDialogElement>('add-dialog');
  private readonly form = byId<HTMLFormElement>('add-form');

  constructor(submit: (e: Edit) => void) {
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = (id: string) => byId<HTMLInputElement>(id).value.trim();
      const lat = Number(v('add-lat'));
      const lon = Number(v('add-lon'));
      if (!this.form.reportValidity() || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
      this.dialog.close();
      submit({ op: 'add', kind: v('add-kind'), name: v('add-name'), lat, lon, opens: v('add-opens') });
    });
    byId('add-cancel').addEventListener('click', () => this.dialog.close());
  }

  open(at: { lat: number; lon: number } | null, year: number, kind?: string): void {
    const set = (id: string, value: string) => {
      byId<HTMLInputElement>(id).value = value;
    };
    set('add-lat', at ? String(round(at.lat)) : '');
    set('add-lon', at ? String(round(at.lon)) : '');
    set('add-opens', `${year}-01-01`);
    if (kind) byId<HTMLSelectElement>('add-kind').value = kind;
    if (!byId<HTMLInputElement>('add-name').value) set('add-name', '');
    this.dialog.showModal();
    byId<HTMLInputElement>(at ? 'add-name' : 'add-lat').focus();
  }
}

/** The selected facility: its figures and the edits of it. */
export class FacilityEditor {
  private readonly select = byId<HTMLSelectElement>('facility-select');
  private readonly form = byId<HTMLFormElement>('facility-form');
  private facility: Facility | null = null;

  constructor(
    private readonly onSelect: (id: string | null) => void,
    submit: (e: Edit) => void,
  ) {
    this.select.addEventListener('change', () => this.onSelect(this.select.value || null));
    const input = (id: string) => byId<HTMLInputElement>(id);
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const f = this.facility;
      if (!f || !this.form.reportValidity()) return;
      const opens = input('f-opens').value.trim();
      const closes = input('f-closes').value.trim();
      const edit: Edit = { op: 'dates', id: f.id };
      if (opens && opens !== String(f.opens)) edit.opens = opens;
      if (closes && closes !== String(f.closes ?? '')) edit.closes = closes;
      // An emptied closing date reopens the facility.
      if (!closes && f.closes !== null) edit.closes = null;
      if (PLAN_DATE.test(opens) && (closes === '' || PLAN_DATE.test(closes))) submit(edit);
    });
    byId('f-move').addEventListener('click', () => {
      const f = this.facility;
      const lat = input('f-lat').valueAsNumber;
      const lon = input('f-lon').valueAsNumber;
      if (f && Number.isFinite(lat) && Number.isFinite(lon)) submit({ op: 'move', id: f.id, lat, lon });
    });
    byId('f-close').addEventListener('click', () => {
      const f = this.facility;
      const date = input('f-close-date').value;
      if (!f) return;
      if (!date) return input('f-close-date').focus();
      submit({ op: 'close', id: f.id, date });
    });
    byId('f-remove').addEventListener('click', () => {
      if (this.facility) submit({ op: 'remove', id: this.facility.id });
    });
  }

  /** The choice of facilities (sorted by name) and the selected one's details, for a year. */
  show(list: Facility[], selected: string | null, year: number): void {
    // Azerbaijani order by hand (model/azerbaijani-order.ts: Sumqayıt before Şəki, Xaçmaz before İmişli).
    const order = (a: string, b: string) => (LANG === 'az' ? compareAzerbaijani(a, b) : a.localeCompare(b, 'en'));
    const sorted = list.map((f) => ({ f, name: placeName(f) })).sort((a, b) => order(a.name, b.name));
    const none = h('option', { value: '' }, t('studio.editor.none'));
    const options = sorted.map(({ f, name }) => {
      const o = h('option', { value: f.id }, t('studio.tip.named', { name, id: f.id }));
      o.selected = f.id === selected;
      return o;
    });
    fill(this.select, none, ...options);
    if (!selected) this.select.value = '';
    const f = list.find((x) => x.id === selected) ?? null;
    const changed = f?.id !== this.facility?.id || f?.lat !== this.facility?.lat || f?.opens !== this.facility?.opens;
    this.facility = f;
    this.form.hidden = !f;
    if (!f) {
      fill(byId('facility-details'), h('p', { class: 'note' }, t('studio.editor.choose')));
      return;
    }
    fill(byId('facility-details'), ...details(f, year));
    if (changed) {
      byId<HTMLInputElement>('f-opens').value = String(f.opens);
      byId<HTMLInputElement>('f-closes').value = f.closes === null ? '' : String(f.closes);
      byId<HTMLInputElement>('f-lat').value = String(round(f.lat));
      byId<HTMLInputElement>('f-lon').value = String(round(f.lon));
    }
  }
}

function details(f: Facility, year: number): HTMLElement[] {
  const row = (k: string, v: string) => [h('dt', {}, k), h('dd', {}, v)];
  return [
    h(
      'dl',
      { class: 'details', id: 'facility-figures' },
      ...row(t('studio.editor.name'), placeName(f)),
      ...row(t('studio.editor.id'), f.id),
      ...row(t('studio.editor.kind'), kindWord(f.kind)),
      ...row(t('studio.editor.end_of', { year: yearOrd(year) }), stateWord(facilityState(f, year))),
      ...row(t('studio.editor.opens'), planDate(f.opens)),
      ...row(t('studio.editor.closes'), f.closes === null ? '—' : planDate(f.closes)),
      ...row(t('studio.editor.region'), f.region),
      ...(f.parent ? row(t('studio.editor.parent'), f.parent) : []),
    ),
  ];
}
