/**
 * The English of the lines for the person running, written on stderr (keys note.*): notes on how an input was read, the server's status lines. en.ts spreads them into the catalogue; notes-az.ts has every key.
 */
export const notesEn = {
  // A line for the person running, `note: …` (RunContext.note); parts of one note joined.
  'note.note': 'note: {note}',
  'note.parts': '{a}; {b}',
  'note.percent': '{x}%',
  // How a table was read (load/number-format.ts, load/csv-dialect.ts): population files, facility lists.
  'note.read_as': '{file}: read as {how}',
  'note.read.semicolon': 'semicolon-separated',
  'note.read.tab': 'tab-separated',
  'note.read.decimal_commas': 'decimal commas (first: {at})',
  'note.read.grouped_spaces': 'thousands grouped with spaces (first: {at})',
  'note.read.grouped_mark': "thousands grouped with '{mark}' (first: {at})",
  'note.read.spaces_before_three': 'spaces before three digits as a thousands separator',
  'note.read.mark_before_three': "'{mark}' before three digits as a thousands separator",
  // A road network (load/roads/road-network.ts, travel/roads/road-model.ts).
  'note.roads.reading': 'reading the road network {file} (once: later runs take it from the cache)',
  'note.roads.cache_unwritten': 'could not write the road graph cache ({reason}); the next run reads {file} again',
  'note.roads.cache_unused': 'the road graph cache {path} was not used ({reason}); rebuilding it',
  'note.roads.island': '{n} road island ({km} km) not connected to the kept network was dropped; largest: {largest}',
  'note.roads.islands': '{n} road islands ({km} km) not connected to the kept network were dropped; largest: {largest}',
  'note.roads.island_at': '{at} ({km} km)',
  'note.roads.parts':
    'the network has {n} separate parts (e.g. an exclave): places are served only within their own part',
  'note.roads.missing_nodes': "{n} way nodes are missing from the file (roads cut at the extract's edge)",
  'note.roads.maxspeed_one': '{n} way has a maxspeed outside {min}–{max} km/h (a typo?): it keeps its class speed',
  'note.roads.maxspeed_many':
    '{n} ways have a maxspeed outside {min}–{max} km/h (a typo?): they keep their class speed',
  'note.roads.point_far':
    '{n} population point is more than {max} km from any road and counted as unreachable (e.g. {eg})',
  'note.roads.points_far':
    '{n} population points are more than {max} km from any road and counted as unreachable (e.g. {eg})',
  'note.roads.cell_far': '{n} grid cell is more than {max} km from any road and counted as unreachable (e.g. {eg})',
  'note.roads.cells_far': '{n} grid cells are more than {max} km from any road and counted as unreachable (e.g. {eg})',
  'note.roads.facility_far': 'the facility at {at} is more than {max} km from any road and serves nobody',
  'note.roads.facilities_far_one': '{n} facility is more than {max} km from any road and serves nobody (e.g. {eg})',
  'note.roads.facilities_far': '{n} facilities are more than {max} km from any road and serve nobody (e.g. {eg})',
  'note.roads.more_far': 'more facilities are beyond the off-road limit: JSON output (model.notes) has their count',
  // Why a road graph cache is not used (load/roads/cache.ts).
  'note.cache.not_file': 'not a regular file',
  'note.cache.too_large': 'larger than {gib} GiB',
  'note.cache.cut_short': 'cut short',
  'note.cache.not_cache': 'not a dostplan cache',
  'note.cache.header_not_json': 'its header is not JSON',
  'note.cache.header_wrong': 'its header does not check out',
  'note.cache.checksum': 'its checksum does not match (a damaged file)',
  'note.cache.wrong_type': '{name} has the wrong type',
  'note.cache.array_wrong': '{name} does not check out',
  // optimize's notes (analysis/optimize/graph.ts, suggest.ts): on stderr and in the result's last line.
  'note.opt.graph_too_large': 'exact solution skipped: the MILP for n={n} has more than {limit} variables',
  'note.opt.pmedian_incomplete':
    "exact solution skipped: the exact p-median needs every candidate in every point's list; use at most {max} candidates (--candidates)",
  'note.opt.pmedian_too_large': 'exact solution skipped: the p-median MILP would have more than {limit} variables',
  'note.opt.too_large':
    'instance too large for the exact solver; use fewer candidates (--candidates) to measure the gap',
  'note.opt.unreached': 'even all {n} candidates reach only {pct}',
  'note.opt.no_reach':
    '{before} people had no reachable facility before, {after} after; the means count only people who can reach one',
  // import's written comments (analysis/import-facilities.ts, render/plan-yaml.ts): why a value was guessed.
  'note.import.header': 'Imported from {file} by dostplan import: {centers} center(s), {branches} branch(es).',
  'note.import.guesses': '{n} value(s) were not in the list and are marked "# guessed:"; check them.',
  'note.import.as_given': 'Every facility value is as the list gives it.',
  'note.import.block': 'imported from {file} by {tool} import',
  'note.import.set_standards': 'set the coverage standards, e.g. center: { within_km: 30 }',
  'note.guess.standards': 'those of {plan}; set your own',
  'note.guess.default_plan': 'the default plan ({file})',
  'note.guess.branch': 'a branch, as it names a parent center',
  'note.guess.center': 'a center, as it names no parent center',
  'note.guess.id_from_name': 'made from the name',
  'note.guess.id_from_row': 'made from the kind and {at}',
  'note.guess.name_is_id': 'no name in the list; the id',
  'note.guess.region_named': 'the code of the name in the list',
  'note.guess.region_in': 'the unit it stands in',
  'note.guess.region_nearest': 'the nearest unit, {km} km away (it stands outside every unit)',
  'note.guess.status_no_dates': 'no dates in the list',
  'note.guess.status_from_dates': 'from the dates, as of {day}',
  'note.guess.opens_first_year': "no opening date in the list; the plan's first year",
  'note.guess.opens_center': "no opening date in the list; its center's",
  'note.guess.center_named': 'the center of that name in the list',
  'note.guess.center_nearest': 'the nearest center, {km} km away',
  'note.guess.serves': 'serves {why}',
  'note.guess.serves_own': '{units}, where it stands',
  'note.guess.serves_owned': '{home}, where it stands, is served by {id}, nearer its seat',
  'note.guess.serves_none_owned': 'none: {home}, where it stands, is served by {id}, nearer its seat',
  'note.guess.serves_no_unit': 'no unit found where it stands ({region})',
  'note.guess.serves_none_no_unit': 'none: no unit found where it stands ({region})',
  'note.guess.serves_region': '{units}, with no center of their own, nearest it in the economic region',
  // The progress bar's title on a terminal (cli/options.ts withProgress): the command, or the plan it measures.
  'note.progress.timeline': 'timeline',
  'note.progress.compare': 'compare',
  'note.progress.report': 'report',
  'note.progress.diff_a': 'diff A',
  'note.progress.diff_b': 'diff B',
  // The studio's server (serve/watch.ts, serve/server.ts).
  'note.serve.reread_failed': 'could not read the plan again: {reason}',
  'note.serve.internal_error': 'internal error: {reason}',
} as const;
