/**
 * The studio's answers in the run's language (`--lang az`, a plan's `language: az`): the server
 * sends both names, each place's English `name` and, beside it, `name_az` where the data or the
 * plan has one; texts it writes itself (a suggestion's quality, a diagnostic's message) in the
 * run's language. English answers are left exactly as they were: programs read them.
 */
import type { Locale } from '../model/locale.js';
import type { State } from './session.js';
import type { Summary } from './summary.js';

/** `name_az` beside `name` when the language has another name for it. */
const both = <T extends { name: string }>(L: Locale, id: string, x: T): T & { name_az?: string } => {
  const local = L.place(id, x.name);
  return local === x.name ? x : { ...x, name_az: local };
};

export function localState(L: Locale | null, s: State): State {
  if (!L) return s;
  const plan = L.planName(s.plan.name);
  return {
    ...s,
    plan: {
      ...s.plan,
      ...(plan === s.plan.name ? {} : { name_az: plan }),
      facilities: s.plan.facilities.map((f) => both(L, f.id, f)),
    },
    diagnostics: s.diagnostics.map((d) => (d.said ? { ...d, message: L.say(d.said) } : d)),
  };
}

export function localSummary(L: Locale | null, s: Summary): Summary {
  if (!L) return s;
  return {
    ...s,
    regions: s.regions.map((r) => both(L, r.id, r)),
  };
}
