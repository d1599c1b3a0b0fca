/**
 * The English refusals of the commands, renderers and analyses (a UserError given as a catalogue
 * message, errors.ts): a flag that does not fit, an output that cannot be written. Keys start
 * with `refuse.`; en.ts spreads them into the catalogue. The readers' refusals are in readers-en.ts.
 * `refuse.value.*` are the reasons a flag's value is refused, which commander prints after its own
 * words; `refuse.cli.*` are commander's own errors, written by commander itself in English and
 * said again from here in another language (cli/commander-text.ts), so they must match its text.
 */
export const refusalsEn = {
  'refuse.bom_needs_csv': '--bom goes with --format csv (Excel reads UTF-8 CSV right only with it)',
  // Output (render/output.ts, render/registry.ts)
  'refuse.format_not_here': '--format {format} is not available here; choose {formats}',
  'refuse.binary_to_terminal': '{what} is binary: write it to a file with --out FILE',
  'refuse.a_geotiff': 'A GeoTIFF',
  'refuse.out_empty': '--out needs a file name (or leave it out to write to stdout)',
  'refuse.out_dangling_link': '--out {out} is a symbolic link to nowhere; refusing to write through it',
  'refuse.out_is_an_input': '--out {out} is one of the inputs; refusing to overwrite it',
  'refuse.out_is_the_input': '--out {out} is the input {input}; refusing to overwrite it',
  'refuse.out_is_directory': '--out {out} is a directory; name a file in it',
  'refuse.out_block_device': '--out {out} is a block device; refusing to write to it',
  'refuse.cannot_write': 'cannot write {file}: {reason}',
  'refuse.stdout_failed': 'cannot write the result to standard output: {reason}',
  'refuse.stdout_full':
    'cannot write the result to standard output: {reason} (the disk is full; the output is incomplete)',
  // Commands' flags that do not go together (cli/commands/*.ts)
  'refuse.surface_layer_needs_geojson': '--per-facility and --catchments are GeoJSON outputs: add --format geojson',
  'refuse.surface_one_layer': 'choose one of --per-facility and --catchments',
  'refuse.serve_no_out': 'serve writes no result file: save from the page (a scenario, or the plan)',
  'refuse.serve_loopback':
    '--host {host}: dostplan serve listens on loopback only (127.0.0.1, ::1, localhost); ' +
    'the plan and its folder must not be reachable from the network',
  'refuse.port_in_use': 'port {port} is in use: choose another with --port, or --port 0',
  'refuse.port_privileged': 'port {port} needs privileges: choose one above 1023, or --port 0',
  'refuse.budget_per_year_needs_order': '--budget-azn-per-year works with --model order; for sites, use --budget-azn',
  'refuse.budget_needs_mclp': '--budget-azn works with --model mclp (and order: --budget-azn-per-year), not {model}',
  // Analyses (analysis/*)
  'refuse.cell_km_range': '--cell-km must be from {min} to {max} km',
  'refuse.grid_too_large':
    'a {cellKm} km grid over the country has {cells} cells, more than the {max} a run may hold; choose a larger --cell-km',
  'refuse.delay_form': '--delay {spec}: expected ID=+Nm or ID=+Ny (e.g. GAN=+6m)',
  'refuse.delay_too_long': '--delay {spec}: at most {years} years either way',
  'refuse.delay_unknown_id': "--delay {spec}: no facility with id '{id}'",
  'refuse.delay_unknown_id_near': "--delay {spec}: no facility with id '{id}'; did you mean '{near}'?",
  'refuse.site_no_build_cost':
    '{at}{name} has no build_cost; --budget-azn needs one for every candidate ' +
    '(add a build_cost column in manat, or leave the site out)',
  'refuse.site_no_yearly_cost':
    '{at}{name} has no yearly_cost; --budget-years {years} counts running costs ' +
    '(add a yearly_cost column in manat, or drop --budget-years)',
  'refuse.order_no_build_cost':
    '{id} has no build_cost; --budget-azn-per-year needs one for every facility not open at the end of {year} ' +
    '(add build_cost: in manat to the plan, or to a scenario over it)',
  // What --strict fails on, and what a command tells the person running (cli/commands/*.ts)
  'refuse.strict_missed_one': '1 target missed{also}',
  'refuse.strict_missed': '{n} targets missed{also}',
  'refuse.strict_acknowledged': ' (and {n} acknowledged in the plan)',
  'refuse.strict_full_one': '1 facility is above 100 % in {year}: {which}',
  'refuse.strict_full': '{n} facilities are above 100 % in {year}: {which}',
  'refuse.facility_use': '{id} {pct}%',
  'refuse.note_delay': 'note: with --delay: {message}',
  'refuse.note_delay_of': 'note: with --delay, {facility}: {message}',
  'refuse.note_year_outside': "note: {year} is outside the plan's years {from}–{to}",
  'refuse.imported':
    'imported {centers} center(s) and {branches} branch(es); {guessed} with guessed values marked "# guessed:"; ' +
    'check them, then run dostplan validate',
  // A flag's value refused by its parser (cli/options.ts and the commands)
  'refuse.value.one_of': 'expected one of {choices}',
  'refuse.value.number_from': 'expected a number from {min} to {max}',
  'refuse.value.number_above': 'expected a number above {min} and at most {max}',
  'refuse.value.whole': 'expected a whole number',
  'refuse.value.whole_at_least': 'expected a whole number ≥ {min}',
  'refuse.value.year': 'expected a year from {min} to {max}, such as 2025',
  'refuse.value.day': 'expected a day as YYYY-MM-DD',
  'refuse.value.port': 'expected a port from 0 (any free port) to 65535',
  'refuse.value.years_ahead': 'expected a whole number of years from 0 to 100',
  'refuse.value.bands':
    'expected up to {max} ascending minutes from 1 to {maxMinutes}, separated by commas, such as 15,30,60',
  // commander's own errors (its words, node_modules/commander/lib/command.js)
  'refuse.cli.unknown_option': "error: unknown option '{option}'",
  'refuse.cli.unknown_command': "error: unknown command '{command}'",
  'refuse.cli.did_you_mean': '(Did you mean {names}?)',
  'refuse.cli.did_you_mean_one_of': '(Did you mean one of {names}?)',
  'refuse.cli.missing_argument': "error: missing required argument '{argument}'",
  'refuse.cli.option_missing_value': "error: option '{option}' argument missing",
  'refuse.cli.invalid_value': "error: option '{option}' argument '{value}' is invalid. {reason}",
  'refuse.cli.allowed_choices': 'Allowed choices are {choices}.',
  'refuse.cli.too_many_arguments': "error: too many arguments for '{command}'. Expected {expected} but got {got}.",
  'refuse.cli.arguments': '{n} arguments',
  'refuse.cli.one_argument': '1 argument',
  'refuse.cli.help_after_error': '(run dostplan --help for usage)',
  'refuse.internal_error': 'internal error: {reason}\nPlease report this with the command you ran.',
} as const;
