/**
 * Every colour the report, the map and the rollout chart use, in one place, from two published
 * colour-blind-safe sets (documented in docs/colours.md):
 * - Okabe & Ito (2008), "Color Universal Design": categories (facility status, chart series);
 * - ColorBrewer 2.0 (Brewer, Penn State) sequential schemes, flagged colour-blind safe there:
 *   the choropleth classes.
 * Classes are fixed, never rescaled per report: a status, a class of coverage or of travel time
 * has the same colour in every report. Colour never encodes a year (years are on axes and in
 * tooltips), so a year cannot change colour between reports.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Facility status on the map: colour and outline style; shape carries center vs branch. */
export type FacilityState = 'open' | 'under_construction' | 'planned' | 'closed';

export const STATUS_STYLE: Record<FacilityState, { label: string; fill: string; stroke: string; dash?: string }> = {
  open: { label: 'open', fill: OKABE_ITO.black, stroke: '#ffffff' },
  under_construction: { label: 'under construction', fill: OKABE_ITO.orange, stroke: OKABE_ITO.black },
  planned: { label: 'planned', fill: '#ffffff', stroke: OKABE_ITO.black, dash: '2 1.5' },
  closed: { label: 'closed', fill: '#999999', stroke: OKABE_ITO.black },
};

/** Rollout chart series (Okabe–Ito). */
export const SERIES = {
  centers: OKABE_ITO.blue,
  branches: OKABE_ITO.skyBlue,
  distance: OKABE_ITO.vermillion,
  assignment: OKABE_ITO.bluishGreen,
  online: OKABE_ITO.reddishPurple,
  met: OKABE_ITO.bluishGreen,
  missed: OKABE_ITO.vermillion,
} as const;

/** Map context: water, neighbouring land, the country's own land under the units, borders. */
export const CONTEXT = {
  water: '#d6e6f2',
  land: '#ececea',
  border: '#b5b5b0',
  home: '#f7f7f5',
  noData: '#d9d9d9',
  /** People who can reach no open facility: dark grey, apart from every class and from no data. */
  unreachable: '#525252',
} as const;

/** The legend entry of people no open facility reaches, the same on every measure. */
export const UNREACHABLE_LABEL = 'no open facility reachable';

/** A choropleth class: values in [from, to) get `color`. */
export interface ColorClass {
  from: number;
  to: number;
  color: string;
  label: string;
}

/** A measure the map can show per unit, with its fixed classes and its unit for the legend. */
export interface MeasureScale {
  id: string;
  title: string;
  unit: string;
  classes: ColorClass[];
  /** What a light grey unit means for this measure (null: the measure shows no such unit). */
  noData: string | null;
}

const classes = (
  edges: number[],
  colors: string[],
  fmt: (a: number, b: number, last: boolean) => string,
): ColorClass[] =>
  colors.map((color, i) => ({
    from: edges[i]!,
    to: edges[i + 1]!,
    color,
    label: fmt(edges[i]!, edges[i + 1]!, i === colors.length - 1),
  }));

/** ColorBrewer YlGnBu, 5 classes: pale = few covered, dark blue = most covered. */
export const COVERAGE_SCALE: MeasureScale = {
  id: 'coverage',
  title: 'Population within the standard',
  unit: '% of the unit’s population',
  noData: 'nobody counted here',
  classes: classes(
    [0, 20, 40, 60, 80, 100.0001],
    ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    (a, b, last) => (last ? `${a}–100 %` : `${a}–${b} %`),
  ),
};

/** ColorBrewer Purples, 6 classes: pale = short trips, dark = long trips. */
export const TRAVEL_TIME_SCALE: MeasureScale = {
  id: 'travel-time',
  title: 'Mean travel time to the nearest open center or branch',
  unit: 'minutes, population-weighted',
  noData: 'nobody counted here',
  classes: classes(
    [0, 10, 20, 30, 45, 60, Infinity],
    ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
    (a, b, last) => (last ? `${a} min or more` : `${a}–${b} min`),
  ),
};

/**
 * ColorBrewer RdYlBu (reversed), 5 classes, diverging at full capacity: blue = room to spare,
 * pale yellow = near capacity, red = over it. The one diverging scale: 100 % is a real midpoint.
 */
export const UTILIZATION_SCALE: MeasureScale = {
  id: 'utilization',
  title: 'Use of the capacity people are counted against',
  unit: '% of capacity, mean over the unit’s people',
  noData: 'in no catchment with a capacity',
  classes: classes(
    [0, 50, 80, 100, 120, Infinity],
    ['#2c7bb6', '#abd9e9', '#ffffbf', '#fdae61', '#d7191c'],
    (a, b, last) => (last ? `${a} % or more` : `${a}–${b} %`),
  ),
};

/**
 * The gap map: the travel-time classes and colours of TRAVEL_TIME_SCALE, shading the land itself
 * (a surface of 2 km cells) instead of unit means, with the people beyond every standard on top.
 */
export const GAPS_SCALE: MeasureScale = {
  ...TRAVEL_TIME_SCALE,
  id: 'gaps',
  title: 'Travel time and people beyond every standard',
  unit: 'minutes; circles: unserved people',
  noData: null,
};

/** The circles of unserved people on the gap map (Okabe–Ito vermillion: apart from the purples). */
export const UNSERVED = { fill: OKABE_ITO.vermillion, stroke: '#ffffff' } as const;

export const MEASURES = {
  coverage: COVERAGE_SCALE,
  'travel-time': TRAVEL_TIME_SCALE,
  utilization: UTILIZATION_SCALE,
  gaps: GAPS_SCALE,
} as const;
export type MeasureId = keyof typeof MEASURES;

/** The class colour of a value (null: no data). */
export function classColor(scale: MeasureScale, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return CONTEXT.noData;
  const c =
    scale.classes.find((k) => value >= k.from && value < k.to) ??
    (value < scale.classes[0]!.from ? scale.classes[0]! : scale.classes[scale.classes.length - 1]!);
  return c.color;
}

/** A map legend's entries: the classes, then the unreachable class, then no data where it applies. */
export function legendEntries(
  scale: MeasureScale,
  unreachable = UNREACHABLE_LABEL,
): { color: string; label: string }[] {
  const entries = [...scale.classes, { color: CONTEXT.unreachable, label: unreachable }];
  return scale.noData === null ? entries : [...entries, { color: CONTEXT.noData, label: scale.noData }];
}
