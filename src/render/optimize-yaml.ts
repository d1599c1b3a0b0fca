/**
 * The optimizer's suggestions as a scenario file: `extends:` the plan, adds the new facilities and,
 * where a new center takes over a unit that an existing center served, restates that center's
 * `serves:` without it. Saved next to the plan it passes `dostplan validate --strict` (the README's
 * CI gate): a unit served by two centers would be a served-twice warning, a center serving nothing
 * a serves-nothing one.
 */
import { sideOf } from '../analysis/network.js';
import type { SuggestResult } from '../analysis/optimize/suggest.js';
import { geodesicKm } from '../geo/geodesic.js';
import type { Plan } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';

/** YAML double-quoted scalar: JSON's string syntax is valid YAML, so names with ':' or '#' stay text. */
const q = (s: string) => JSON.stringify(s);

export function suggestionScenario(r: SuggestResult, plan: Plan, regions: RegionIndex, extendsPath: string): string {
  const list = r.kind === 'center' ? 'centers' : 'branches';
  const open = plan.centers.filter((c) => c.status !== 'closed');
  const servesNow = new Map(open.map((c) => [c.id, [...c.serves]]));
  const owner = new Map<string, string>();
  for (const c of open) for (const code of c.serves) if (!owner.has(code)) owner.set(code, c.id);
  const changed = new Set<string>();
  const units = regions.dataset.regions.filter((u) => u.kind !== 'autonomous_republic' && !u.included_in);

  /** The unit a new center serves: its own (taken over from a center that keeps others), else the nearest free one. */
  const servesFor = (s: SuggestResult['sites'][number], code: string): string[] => {
    const take = (unit: string) => {
      const from = owner.get(unit);
      if (from && servesNow.has(from)) {
        servesNow.set(from, servesNow.get(from)!.filter((c) => c !== unit));
        changed.add(from);
      }
      owner.set(unit, 'new');
      return [unit];
    };
    const from = owner.get(code);
    if (from === undefined) return take(code);
    if (from !== 'new' && (servesNow.get(from)?.length ?? 0) > 1) return take(code);
    const side = sideOf(code, regions);
    const free = units
      .filter((u) => !owner.has(u.code) && sideOf(u.code, regions) === side)
      .map((u) => ({ code: u.code, km: geodesicKm(s, u.admin_center) }))
      .sort((a, b) => a.km - b.km || a.code.localeCompare(b.code))[0];
    return free ? take(free.code) : [];
  };

  const lines = [
    `# dostplan optimize --model ${r.model}: ${r.sites.length} suggested ${list}, fixed network of ${r.year}.`,
    '# A scenario over the plan: save it next to the plan file, check it with `dostplan validate`, or paste the',
    '# new entries into the plan (and the serves: changes of existing centers, if any).',
    `extends: ${q(extendsPath)}`,
    `name: ${q(`${plan.name} + ${r.sites.length} suggested ${list} (${r.model})`)}`,
    `${list}:`,
  ];
  for (const s of r.sites) {
    const side = sideOf(s.region, regions);
    const parent = plan.centers.filter((c) => sideOf(c.region, regions) === side).sort((a, b) => geodesicKm(s, a.location) - geodesicKm(s, b.location))[0];
    const code = regions.byCode.get(s.region)?.included_in ?? s.region;
    const effect = r.model === 'pmedian'
      ? `saves ${s.marginal.toLocaleString('en-US')} people × km${s.reached ? `, reaches ${s.reached.toLocaleString('en-US')} people with no facility before` : ''}`
      : `covers ${s.marginal.toLocaleString('en-US')} more people within ${r.threshold_km} km`;
    // A branch serves its own unit: only centers compete for a unit (served-twice).
    const serves = r.kind === 'branch' ? [code] : servesFor(s, code);
    lines.push(
      `  - id: NEW-${r.kind === 'center' ? 'C' : 'B'}${s.rank}`,
      `    name: ${q(`Suggested ${r.kind} near ${s.name}`)}`,
      ...(r.kind === 'branch' && parent ? [`    center: ${parent.id}`] : []),
      `    region: ${code}`,
      `    location: { lat: ${s.lat.toFixed(4)}, lon: ${s.lon.toFixed(4)} }`,
      '    status: planned',
      `    opens: ${r.year}`,
      `    serves: [${serves.join(', ')}]`,
      '    evidence: { place: assumption, date: assumption }',
      `    source: ${q(`dostplan optimize (${r.model}): ${effect}`)}`,
    );
  }
  if (changed.size) {
    if (list === 'branches') lines.push('centers:');
    for (const id of [...changed].sort()) lines.push(`  - id: ${id}`, `    serves: [${servesNow.get(id)!.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}
