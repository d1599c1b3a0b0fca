/**
 * The English the option and argument descriptions of each command's own --help (keys help.opt.* / help.arg.* and the words of commander's help layout). en.ts spreads them into the catalogue; help-az.ts has every key.
 *
 * Keys without a command's name are shared by several commands (options.ts); `help.opt.CMD.*`
 * belong to one command (commands/CMD.ts). Flags, <values>, choice values and file names are
 * written as the command line takes them, in every language. `(default: …)` written here is the
 * default a command works out itself; commander adds its own "(default: …)" after a description.
 */
export const helpEn = {
  // commander's layout: the usage line's placeholders (cli/help-text.ts)
  'help.layout.options': '[options]',
  'help.layout.command': '[command]',

  // arguments
  'help.arg.plan': 'plan file (default: the embedded DOST plan)',
  'help.arg.validate.files': 'plan files (YAML)',
  'help.arg.diff.a': 'the plan before (e.g. main)',
  'help.arg.diff.b': 'the plan after (e.g. the pull request)',
  'help.arg.import.list': 'facility list: .xlsx (first sheet, or --sheet), .csv or .geojson points',

  // options several commands share (cli/options.ts and the commands' common flags)
  'help.opt.alias': 'alias of {option}',
  'help.opt.format': '{formats}',
  'help.opt.format_note': '{formats} ({note})',
  'help.opt.bom': 'with --format csv: start with a UTF-8 byte-order mark, so Excel reads the names right',
  'help.opt.out': 'write the result to a file (atomically) instead of stdout',
  'help.opt.year': "year (default: the plan's last year)",
  'help.opt.kind': 'center | branch | any',
  'help.opt.by': '{groupings}',
  'help.opt.population':
    'your own population: GeoTIFF raster (WorldPop, GHS-POP, HRSL), H3 cells (Kontur GeoPackage or ' +
    'CSV h3,population), CSV lat,lon,population[,region] or GeoJSON points',
  'help.opt.columns':
    "the population file's column names when they differ: ROLE=COLUMN pairs, e.g. lat=Y,lon=X,population=pop (roles: {roles})",
  'help.opt.sheet': 'the worksheet of an .xlsx population file (default: the first)',
  'help.opt.scale_to': "rescale each unit's population-file total to its official (SSC) population",
  'help.opt.resolution': 'merge population-file cells into blocks of about KM × KM (a fast first look)',
  'help.opt.population_basis':
    'resident | registered: people where they live, or where the statistics office registers them ' +
    "(default: the plan's, else resident)",
  'help.opt.circuity': "road km per geodesic km, 1 to 3 (default: the plan's, else 1)",
  'help.opt.speed': "average speed for travel times, 1 to 200 km/h (default: the plan's, else 40)",
  'help.opt.within_km': 'coverage threshold in km for every kind (overrides the standards)',
  'help.opt.within_min': 'coverage threshold in minutes for every kind',
  'help.opt.roads':
    'travel over this road network: OpenStreetMap .osm.pbf or .osm, GeoJSON LineStrings, or an ESRI ' +
    "Shapefile (.shp beside its .dbf, or zipped: Geofabrik's gis_osm_roads_free_1), or a GeoPackage " +
    '(.gpkg) line layer (replaces --circuity/--speed)',
  'help.opt.roads_class_field':
    "a road shapefile's or GeoPackage's attribute holding the road class (default: highway, else Geofabrik's fclass)",
  'help.opt.roads_layer':
    "a road GeoPackage's layer of road lines when it has several (default: the only one, or the one named *roads*)",
  'help.opt.roads_profile':
    'YAML overriding parts of the car (or with --mode walk the walking) profile (speeds per road class, off-road access)',
  'help.opt.mode':
    "with --roads: car | walk (every way a pedestrian may use, at 5 km/h); default: the plan's, else car",

  // validate
  'help.opt.validate.strict': 'warnings fail too (exit 1)',
  'help.opt.validate.format': 'github: annotations for GitHub Actions',

  // coverage
  'help.opt.coverage.covered_by':
    'distance (within the standard of the nearest facility) | assignment (in a unit a facility serves) | both',

  // distances
  'help.opt.distances.worst': 'list the N worst-served places with their nearest facility',
  'help.opt.distances.format': 'GeoJSON, and CSV with --worst: the worst-served places',

  // timeline
  'help.opt.timeline.delay': 'what-if: open a facility later (repeatable; +Nm or +Ny)',
  'help.opt.timeline.compare':
    "show another schedule side by side: 'announced' (the plan's announced dates) or a plan file",
  'help.opt.timeline.strict': 'exit 1 when a target is missed (for CI)',
  'help.opt.timeline.format': 'with --compare: {formats}',

  // capacity
  'help.opt.capacity.catchment':
    'nearest (open facility by travel time) | assignment (the units a facility serves); ' +
    "default: the plan's demand.catchment, else nearest",
  'help.opt.capacity.visits': "visits per resident per year (default: the plan's demand, else 0.2)",
  'help.opt.capacity.working_days': "days a year the facilities are open (default: the plan's, else 245)",
  'help.opt.capacity.overflow_max_min':
    "overflow at most this many minutes beyond the nearest facility (default: the plan's, else no limit)",
  'help.opt.capacity.method':
    'capacitated catchments: auto (HiGHS LP when small, else min-cost flow) | flow (min-cost flow only; ' +
    'heuristic: its former name)',
  'help.opt.capacity.strict': 'exit 1 when any facility is above 100 % (for CI)',

  // diff
  'help.opt.diff.format': 'md: for a pull-request comment',

  // optimize
  'help.opt.optimize.model':
    'mclp | pmedian | setcover | order | capacity (sites and capacities that relieve overloads)',
  'help.opt.optimize.catchment':
    "capacity: catchments by nearest facility or by assignment (default: the plan's demand.catchment)",
  'help.opt.optimize.sites': 'new sites to choose (mclp, pmedian)',
  'help.opt.optimize.kind': 'center | branch: the kind of the new sites and its standard',
  'help.opt.optimize.year':
    "the plan's facilities open at the end of this year stay fixed (default: the plan's last year)",
  'help.opt.optimize.target': 'setcover: the covered share to reach',
  'help.opt.optimize.candidates':
    'candidate sites: CSV lat,lon[,name,region], an .xlsx sheet or GeoJSON (default: every population point)',
  'help.opt.optimize.candidates_columns':
    "the candidate file's column names when they differ: ROLE=COLUMN pairs, e.g. lat=Y,lon=X,name=Site",
  'help.opt.optimize.exact':
    'also solve exactly with the HiGHS MILP solver when the instance is small, and report the gap',
  'help.opt.optimize.budget_azn':
    'mclp: a budget in manat instead of -k: the sites within it that cover the most people (candidates need build_cost)',
  'help.opt.optimize.budget_years':
    'with --budget-azn: count this many years of yearly_cost with the build cost (default 0: build cost only)',
  'help.opt.optimize.budget': 'order: openings per year',
  'help.opt.optimize.budget_azn_per_year':
    'order: a build budget per year in manat instead of --budget (facilities not yet open need build_cost)',
  'help.opt.optimize.budget_covers':
    "with --budget-azn-per-year: build+running (default: each year's budget also pays the yearly_cost of what the order opened, from the year after it opens) | build",
  'help.opt.optimize.no_carry_over':
    'with --budget-azn-per-year: money not spent in a year is lost (default: it carries over)',
  'help.opt.optimize.from': "order: reorder what opens after this year (default: the plan's first year)",
  'help.opt.optimize.graph': 'solve an OR-Library p-median graph instance (pmed format) instead of the plan',

  // report
  'help.opt.report.year': "year of the map and tables (default: the plan's last year)",
  'help.opt.report.measure':
    'what the map shades per unit: {measures} (gaps: the travel-time surface and the people beyond every standard)',
  'help.opt.report.map_only': 'write only the map, as a standalone SVG with its legend (for slides)',
  'help.opt.report.out': 'write the HTML (or with --map-only the SVG) to a file (atomically) instead of stdout',

  // surface
  'help.opt.surface.cell_km': 'grid cell size, {min} to {max} km (default 1)',
  'help.opt.surface.format':
    'text (a summary) | geojson (isochrones, or catchment areas) | tif (the GeoTIFF raster; ' +
    'the default when --out ends in .tif)',
  'help.opt.surface.bands': 'isochrone limits, cumulative (default 15,30,60)',
  'help.opt.surface.per_facility': 'with --format geojson: one set of isochrones for each open facility',
  'help.opt.surface.catchments': 'with --format geojson: the area each open facility serves, instead of isochrones',
  'help.opt.surface.out': 'write the result to a file (atomically): FILE.tif for the raster',

  // gaps
  'help.opt.gaps.top': 'clusters listed in the text table (CSV, GeoJSON and JSON list all)',

  // import
  'help.opt.import.columns': "the list's column names when they differ: ROLE=COLUMN pairs (roles: {roles})",
  'help.opt.import.sheet': 'the worksheet of an .xlsx list (default: the first)',
  'help.opt.import.name': "the plan's name (default: the list's file name)",
  'help.opt.import.as_of': 'the day a blank status is judged on: open if opened by then (default: today)',
  'help.opt.import.facilities_only': 'write only the centers: and branches: blocks',
  'help.opt.import.into': "write this plan with its centers: and branches: replaced by the list's",
  'help.opt.import.out': 'write the plan to a file (atomically; never one the run read) instead of stdout',

  // serve
  'help.opt.serve.port': 'port to listen on (0: any free port)',
  'help.opt.serve.host': 'loopback address to listen on (127.0.0.1, ::1 or localhost only)',

  // schema
  'help.opt.schema.out': 'write to a file instead of stdout',
} as const;
