/**
 * "Suggest k sites" (POST /api/suggest): `dostplan optimize`'s maximal covering model over the plan
 * as edited, the plan's facilities open in that year fixed, every population point a candidate —
 * the same code as `dostplan optimize --model mclp -k K --year Y --kind KIND`. Accepting a candidate
 * is an ordinary `add` edit (the page posts it).
 */
import { z } from 'zod';
import { type Quality, qualityText } from '../analysis/optimize/quality.js';
import { pointCandidates, suggestSites } from '../analysis/optimize/suggest.js';
import { badRequest } from './edits.js';
import type { Locale } from '../model/locale.js';
import { qualityWords } from '../render/optimize.js';
import { localeOf } from './run-locale.js';
import type { Session } from './session.js';

/** More sites than a planner weighs at once; the search grows with k. */
export const MAX_SUGGEST = 20;

const SuggestRequest = z.strictObject({
  k: z.int().min(1).max(MAX_SUGGEST),
  year: z.int().min(1900).max(2100).optional(),
  kind: z.enum(['center', 'branch']).default('branch'),
});

export interface SuggestAnswer {
  /** `name_az`, `region_az` (and `quality_az` below): in the run's language, when that is not English. */
  candidates: {
    name: string;
    name_az?: string;
    lat: number;
    lon: number;
    region: string;
    region_az?: string;
    gain_people: number;
  }[];
  /** Covered share in % before and after the k sites, and how good the answer is (optimize's words). */
  before: number;
  after: number;
  quality: string;
  quality_az?: string;
}

export async function suggest(session: Session, body: unknown): Promise<SuggestAnswer> {
  const r = SuggestRequest.safeParse(body);
  if (!r.success) throw badRequest('bad-suggest', SuggestRequest, body, r.error);
  const ctx = session.context;
  const { regions } = ctx.country;
  const year = r.data.year ?? ctx.plan.years.to;
  const result = await suggestSites(
    ctx.plan,
    ctx.demand,
    regions,
    ctx.settings,
    pointCandidates(ctx.demand, regions, ctx.country.columns('resident')),
    {
      model: 'mclp',
      kind: r.data.kind,
      year,
      k: r.data.k,
      exact: false,
    },
  );
  const answer = {
    candidates: result.sites.map((s) => ({
      name: s.name,
      lat: s.lat,
      lon: s.lon,
      region: regions.byCode.get(s.region)?.included_in ?? s.region,
      gain_people: s.marginal,
    })),
    before: result.before,
    after: result.after,
    quality: qualityText(result.quality),
  };
  return localSuggestion(localeOf(ctx), answer, result.quality);
}

/** The names and the quality in the run's language beside the English ones (none in English). */
function localSuggestion(L: Locale | null, a: SuggestAnswer, quality: Quality): SuggestAnswer {
  if (!L) return a;
  return {
    ...a,
    candidates: a.candidates.map((c) => ({
      ...c,
      name_az: L.placeText(c.name),
      region_az: L.unitName(c.region) ?? c.region,
    })),
    quality_az: qualityWords(quality, (x) => L.int(x), L),
  };
}
