/**
 * The English messages: the keys of the catalogue and their placeholders (catalogue.ts). A key
 * names where the text appears: `common.` words used everywhere, then one prefix per result.
 */
export const en = {
  // Words shared by every result.
  'common.center': 'center',
  'common.branch': 'branch',
  'common.any': 'any',
  'common.centers': 'centers',
  'common.branches': 'branches',
  'common.none': 'none',
  'common.and': 'and',
  'common.km': 'km',
  'common.min': 'min',
  'common.minutes': '{n} min',
  'common.people': 'people',
  'common.year': 'year',
  'common.id': 'id',
  'common.name': 'name',
  'common.population': 'population',
  'common.covered': 'covered',
  'common.share': 'share',
  'common.facility': 'facility',
  'common.unit': 'unit',
  'common.economic_region': 'economic region',
  'common.by_distance': 'by distance',
  'common.by_assignment': 'by assignment',
  'common.basis.distance': 'distance',
  'common.basis.assignment': 'assignment',
  'common.basis.both': 'both',
  'common.counted_in': '{name}, counted in {unit}',
  'common.counted_by_units': '{name}, counted by its units',
  'common.district_of': '{capital}, {district} district',

  // The population basis and the distance model, said under every table.
  'population.file': "population: the user's file (its own figures)",
  'population.resident': 'population basis: resident (displaced people counted where they live; data/SOURCES.md)',
  'population.registered':
    'population basis: registered (SSC de jure: displaced people counted at their home district)',
  'population.nearest_year': '(population of {date}, the nearest year with data)',
  'model.geodesic': 'geodesic (WGS84 great circle); travel time at {speed} km/h',
  'model.circuity': 'road ≈ geodesic × {circuity} circuity; travel time at {speed} km/h',
  'model.roads':
    'road network: {file}, {km} km of roads, {profile} profile; off-road access at {speed} km/h up to {max} km',
  'model.profile_car': 'car',
  'model.profile_walk': 'walk',
  'standards.one': 'Standard: {list}.',
  'standards.many': 'Standards: {list}.',

  // coverage
  'coverage.title': 'Coverage in {year}{note}; covered by: {by}; facilities: {kind}',
  'coverage.model': 'Distance model: {model}. {standards}',
  'coverage.total': 'Total: {covered} of {population} people covered ({share})',

  // What every text and Markdown result ends with.
  'closing.how_made': 'How the figures were made',
  'closing.population_source': 'Population source',
  'provenance.tool': 'made with',
  'provenance.plan': 'plan',
  'provenance.year': 'year',
  'provenance.population': 'population',
  'provenance.distance_model': 'distance model',
  'provenance.standards': 'standards',
  'provenance.source': 'source',
  'provenance.official_population': 'official figures of 1 January {years}, {basis} basis',
  'provenance.user_file': "{file} (the user's file)",
  'provenance.user_file_scaled': "{file} (the user's file, scaled to official {year} unit populations)",
  'provenance.population_figures': 'Population figures: {source}',
  'basis.resident': 'resident',
  'basis.registered': 'registered',
} as const;

export type MessageKey = keyof typeof en;
export type EnglishCatalogue = typeof en;
