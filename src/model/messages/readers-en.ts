/**
 * The English refusals of the input readers (src/load: plans, tables, population files, road
 * networks): what is wrong at the place errors.ts's InputError names, and what to do. Keys start
 * with `read.`; en.ts spreads them into the catalogue. A value quoted from the user's file (a
 * column name, a sheet name) is a placeholder, never translated.
 */
export const readersEn = {
  'read.too_many_rows': 'more than {max} rows; split the file',
  'read.lines': '{a}\n{b}',

  // Any file: text-input.ts.
  'read.file.missing': 'no such file',
  'read.file.unreadable': 'cannot be read ({code})',
  'read.file.io_error': 'cannot be read (I/O error)',
  'read.file.directory': 'is a directory; name a file (e.g. {name}/dost.yaml)',
  'read.file.too_big': 'more than the {mb} MB an input may be; is this the right file?',
  'read.file.empty_pipe': 'a pipe with nothing written to it; start the writer first, or name a regular file',
  'read.text.binary': 'binary content (a NUL byte) where a text file was expected; is this the right file?',
  'read.text.not_utf8': 'not valid UTF-8; save the file as UTF-8 (most editors: "Save with encoding")',

  // CSV: csv-dialect.ts, csv-reader.ts.
  'read.csv.comma': 'comma',
  'read.csv.semicolon': 'semicolon',
  'read.csv.tab': 'tab',
  'read.csv.row_width':
    'this row has {n} field(s) where the header has {header}; quote a value that holds a {separator} ("…")',
  'read.csv.after_quote': 'unexpected text after a quoted field; a quoted value must be the whole field ("…")',
  'read.csv.quote_inside':
    'a quote inside an unquoted field; quote the whole field and double the quotes inside it ("a ""b"" c")',
  'read.csv.unclosed_quote': 'a quote that is never closed; close it, or double a quote meant as text',

  // ZIP archives (workbooks, zipped shapefiles): zip.ts. An entry's name is the archive's own.
  'read.zip.not_zip': 'not a ZIP archive (no end of central directory)',
  'read.zip.zip64': 'a ZIP64 archive, which is not read; save it again',
  'read.zip.too_many_files': 'more than {max} files inside; is this the right file?',
  'read.zip.directory_past_end': 'a damaged ZIP archive (its directory runs past its end)',
  'read.zip.bad_entry': 'a damaged ZIP archive (bad directory entry)',
  'read.zip.no_entry': 'no {name} inside',
  'read.zip.encrypted': 'an encrypted archive; save it without a password',
  'read.zip.misplaced': 'a damaged ZIP archive ({name} is not where its directory says)',
  'read.zip.entry_past_end': 'a damaged ZIP archive ({name} runs past the end)',
  'read.zip.no_inflate': 'a damaged ZIP archive ({name} does not inflate)',
  'read.zip.method': '{name} is compressed in a way that is not read (method {method}); save it again',
  'read.zip.too_big_mb': 'unpacks to more than {mb} MB; is this the right file?',
  'read.zip.too_big_bytes': 'unpacks to more than {bytes} bytes; is this the right file?',

  // JSON: json-text.ts ("not valid JSON: expected …", then what was expected where the text stops being JSON).
  'read.json.invalid': 'not valid JSON: expected {expected}',
  'read.json.any': 'JSON',
  'read.json.end': 'the end of the file after the JSON value',
  'read.json.comma_or': "',' or '{close}'",
  'read.json.closing_quote': "a closing '\"' (the string never ends)",
  'read.json.control': 'no control character inside a string (write \\n, \\t …)',
  'read.json.escape': 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  'read.json.key': 'a property name in double quotes',
  'read.json.key_or_end': "a property name or '}'",
  'read.json.colon': "':' after the property name",
  'read.json.number': 'a number',
  'read.json.value': 'a value',
  'read.json.value_at_end': 'a value (the file ends early)',

  // Tables (CSV, workbooks): table/csv-table.ts, table/file-kind.ts (a file of another kind), table/xlsx-table.ts.
  'read.table.no_rows': 'no rows; expected a header and one row per line',
  'read.kind.foreign': '{kind}, not a table dostplan reads; {fix}',
  'read.kind.xls': 'an old-format Office file (Excel 97–2003 .xls, or .doc)',
  'read.kind.pdf': 'a PDF document',
  'read.kind.png': 'a PNG image',
  'read.kind.jpeg': 'a JPEG image',
  'read.kind.gif': 'a GIF image',
  'read.kind.gzip': 'a gzip-compressed file',
  'read.kind.7z': 'a 7-Zip archive',
  'read.kind.rar': 'a RAR archive',
  'read.kind.sqlite': 'an SQLite database (a GeoPackage?)',
  'read.kind.ods': 'an OpenDocument spreadsheet (.ods)',
  'read.kind.odf': 'an OpenDocument file (not a spreadsheet)',
  'read.kind.docx': 'a Word document (.docx)',
  'read.kind.pptx': 'a PowerPoint file (.pptx)',
  'read.kind.zip': 'a ZIP archive that is not an Excel workbook',
  'read.kind.fix.save_as': 'save it as Excel Workbook (.xlsx) or CSV UTF-8 (File › Save As) and name that file',
  'read.kind.fix.save_as_libreoffice':
    'save it as Excel Workbook (.xlsx) or CSV UTF-8 (LibreOffice: File › Save As) and name that file',
  'read.kind.fix.export': 'export the table from where it came as .xlsx or CSV (UTF-8)',
  'read.kind.fix.gunzip': 'unpack it (gunzip) and name the file inside',
  'read.kind.fix.unpack': 'unpack it and name the file inside',
  'read.kind.fix.export_layer': 'export the layer as CSV or GeoJSON (e.g. ogr2ogr -f CSV out.csv in.gpkg)',
  'read.kind.fix.unzip': 'unpack it and name the .csv or .xlsx inside, or save the workbook again as .xlsx',
  'read.xlsx.no_sheets': 'the workbook has no worksheets',
  'read.xlsx.no_such_sheet': 'no sheet named {sheet}; its sheets are {sheets}',
  'read.xlsx.empty_sheet': 'sheet {sheet} is empty; expected a header row and one row per line',
  'read.xlsx.bad_xml': 'a damaged workbook ({part} is not well-formed XML); save it again',
  'read.xlsx.part.relations': 'the workbook relations',
  'read.xlsx.part.workbook': 'the workbook',
  'read.xlsx.part.strings': 'the shared strings',
  'read.xlsx.part.sheet': 'sheet {sheet}',
  'read.xlsx.sheet_missing': 'a damaged workbook (sheet {sheet} is missing)',
  'read.xlsx.too_many_rows': 'sheet {sheet} has more than {max} rows; split it',

  // Places in a table, said inside a message: table/*.ts, number-format.ts.
  'read.at.line': 'line {line}',
  'read.at.row': 'row {row}',
  'read.cell.problem': '{role}: {problem}',

  // Numbers written the local way: number-format.ts.
  'read.number.cell': '{role} on {row}',
  'read.number.comma': 'comma',
  'read.number.point': 'point',
  'read.number.mixed_marks':
    'a decimal {mark} where {at} uses a decimal {other}; write every number in the file with the same decimal mark',
  'read.number.ambiguous':
    'a comma before three digits could be a decimal comma or a thousands separator, and no other number in the file says which; write the count without grouping (12000), or with a decimal point (12.0)',

  // Facility lists for import: facility-list.ts.
  'read.facility.empty_coordinate': 'empty; every facility needs lat and lon',
  'read.facility.coordinate_range': 'must be a number within ±{limit} (decimal degrees, WGS84)',
  'read.facility.control': 'contains control characters (line breaks, tabs, escape codes)',
  'read.facility.kind': 'expected center or branch (mərkəz/filial, центр/филиал)',
  'read.facility.status': 'expected open, under_construction, planned or closed',
  'read.facility.date':
    'expected a date as YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY (a month/day order that cannot be told apart is refused)',
  'read.facility.no_rows': 'no facilities; expected a header and one row per facility',
  'read.facility.not_a_number': 'not a number; write decimal degrees such as 40.4093',
  'read.facility.geometry': '{feature}: geometry must be a Point with numeric coordinates [lon, lat]',

  // GeoJSON points (population, candidate sites, facility lists).
  'read.geojson.points': 'expected a GeoJSON FeatureCollection of Points',

  // Which column is which (--columns, a plan's columns:): column-map.ts. Column names are the file's.
  'read.columns.syntax': '{flag}: expected ROLE=COLUMN pairs separated by commas, such as lat=Y,lon=X',
  'read.columns.twice': '{flag}: {role} is mapped twice; map each role once',
  'read.columns.no_role': "{where}: no role '{role}' here; the roles are {roles}{near}",
  'read.columns.did_you_mean': ' (did you mean {near}?)',
  'read.columns.problem': '{what}; {list}{fix}',
  'read.columns.list': '{a}, {b}',
  'read.columns.missing': "missing column '{role}'",
  'read.columns.missing_mapped': "no column '{column}' (mapped to {role})",
  'read.columns.header_empty': 'the header is empty',
  'read.columns.has': "the file's columns are {columns}",
  'read.columns.not_names_one': 'its first line has 1 field that does not look like column names',
  'read.columns.not_names': 'its first line has {n} fields that do not look like column names',
  'read.columns.guess': '{column} for {role}',
  'read.columns.fix_guess': '; if that is {guesses}, add {flag} {spec}',
  'read.columns.fix_name': '; expected a header {expected}, or name the columns with {flag} {spec}',
  'read.csv.more_fields': 'more fields than the header\'s {header}; quote a value that holds a {separator} ("…")',
  'read.csv.fewer_fields':
    '{n} field(s) where the header has {header}; every row needs a value (or an empty field) for each column',

  // Population points and candidate sites: population/points-csv.ts, points-table.ts, population-file.ts.
  'read.points.no_rows': 'no rows; expected a header lat,lon,population[,region] and one row per place',
  'read.points.no_rows_table': 'no rows; expected a header and one row per place',
  'read.points.empty_cell': 'empty {role} cell; every row needs lat, lon and population',
  'read.points.empty_cell_site': 'empty {role} cell; every row needs lat, lon',
  'read.points.lat': 'lat must be a number within ±90',
  'read.points.lon': 'lon must be a number within ±180',
  'read.points.population': 'population must be a number from 0 to {max} (one place)',
  'read.points.control': 'name or region contains control characters (line breaks, escape codes)',
  'read.geojson.map_position': "a GeoJSON point's position is its geometry; map only population, region or name",
  'read.geojson.no_features': 'no features; expected one Point feature per place',
  'read.geojson.not_feature': 'expected a Feature, not {found}',
  'read.geojson.not_point': 'geometry must be a Point',

  // Points and their units: population/place-points.ts. {country} is the profile's name.
  'read.points.unknown_region': 'unknown region{shown} ({system}, e.g. {example})',
  'read.points.outside_country':
    '{where}: (lat {lat}, lon {lon}) is outside every unit of {country} (at sea or abroad)',
  'read.points.outside_summary':
    "{path}: {n} point(s) lie outside {country}'s units; remove them, or give them a region column if they belong to a unit{swapped}",
  'read.points.more': '… and {n} more',
  'read.points.far_from_region':
    '{where}: (lat {lat}, lon {lon}) is {km} km outside {code} ({name}), the unit its region column names; {lies}',
  'read.points.lies_in': 'it lies in {code} ({name})',
  'read.points.lies_nowhere': 'it lies in no unit (at sea or abroad)',
  'read.points.far_summary':
    '{path}: {n} of {count} point(s) lie more than {km} km outside the unit their region column names; fix the coordinates or the region{swapped}',
  'read.points.swapped':
    '\nlat and lon look swapped: {swapped} of the {outside} points checked lie outside the country and inside it with lat and lon exchanged; exchange the lat and lon column names in the header',
  'read.points.swapped_geojson':
    "\nlat and lon look swapped: {swapped} of the {outside} points checked lie outside the country and inside it with lat and lon exchanged; GeoJSON writes each position as [lon, lat] (longitude first, RFC 7946): exchange the two numbers in every feature's coordinates",

  // Population grids: population/load-population.ts, h3-reader.ts, geotiff-reader.ts, raster-crs.ts, tiff-structure.ts; sqlite.ts.
  'read.population.directory': 'is a directory; name a population file (GeoTIFF, GeoPackage, CSV or GeoJSON)',
  'read.population.none_inside':
    'none of its {n} populated cells lies inside the country ({outside} people outside){crs}',
  'read.population.read_as': "; read as {crs}: is that the file's CRS?",
  'read.gpkg.unreadable':
    'not a readable GeoPackage{where}: {why}; is the file complete? export it again from its source',
  'read.gpkg.sqlite_failed': 'SQLite could not read it',
  'read.gpkg.at_row': ' (layer {layer} of {layers}, row {row})',
  'read.h3.not_cell': 'not an H3 cell index (15 hexadecimal digits, e.g. 882d1a8a67fffff)',
  'read.h3.population': 'population must be a number from 0 to {max} (one cell)',
  'read.h3.no_layer': 'none of its {n} layers has an H3 column (h3) and a population column (population)',
  'read.tiff.unreadable': 'not a readable GeoTIFF ({why})',
  'read.tiff.geokeys': 'its GeoKey directory is damaged',
  'read.tiff.no_georeferencing':
    'the GeoTIFF has no georeferencing (ModelTiepoint + ModelPixelScale or ModelTransformation)',
  'read.tiff.rows': 'cannot read rows {from}–{to} of band 1 ({why})',
  'read.tiff.population':
    "band 1, pixel x={x} y={y}: population must be a number from 0 to {max} (one cell), or the file's nodata value",
  'read.tiff.block_too_big':
    'a block (tile or strip) of {width} × {height} cells is {mb} MiB decoded, more than the {max} MiB dostplan reads at once; retile it (gdal_translate -co TILED=YES in.tif out.tif)',
  'read.tiff.window_too_big':
    '{width} × {height} cells to read over the country, more than the {max} dostplan reads; resample it (gdal_translate -tr) or clip it to the country (gdalwarp -te)',
  'read.tiff.crs_projected': 'projected CRS {pcs}{citation}',
  'read.tiff.crs_keys': 'CRS keys {keys}',
  'read.tiff.crs_unsupported':
    'unsupported {found}; supported: EPSG:4326, ESRI:54009 Mollweide, EPSG:3857, WGS 84 / UTM. Reproject first, e.g. gdalwarp -t_srs EPSG:4326 in.tif out.tif',
  'read.tiff.short': 'the file is shorter than a TIFF header',
  'read.tiff.directory_past_end': 'its image directory lies past the end of the file',
  'read.tiff.too_many_fields': 'its image directory declares {n} fields',
  'read.tiff.directory_runs_past': 'its image directory runs past the end of the file',
  'read.tiff.field_too_big': 'field {field} declares more data than the file holds',
  'read.tiff.blocks': 'its header declares {width} × {height} cells in {needed} blocks but locates {located}',

  // Road networks: roads/osm-reader.ts (OSM PBF, OSM XML, GeoJSON lines). Byte positions are the file's.
  'read.roads.missing': 'no such file (the road network for --roads)',
  'read.roads.directory': 'is a directory; name an .osm.pbf, .osm or .geojson file',
  'read.roads.not_regular': 'a road network must be a regular file, not a pipe or device; save it to a file first',
  'read.roads.not_network':
    'not a road network: expected OpenStreetMap PBF (.osm.pbf), OSM XML (.osm), GeoJSON LineStrings, an ESRI Shapefile (.shp beside its .dbf, or zipped) or a GeoPackage (.gpkg) of road lines',
  'read.roads.node_lat': 'a node latitude outside ±90°',
  'read.roads.node_lon': 'a node longitude outside ±180°',
  'read.pbf.truncated': 'truncated PBF at byte {pos}',
  'read.pbf.big_header': 'corrupt PBF: a blob header of {n} bytes at byte {pos}',
  'read.pbf.big_blob': 'a blob of {n} bytes (the format allows 32 MiB)',
  'read.pbf.corrupt': 'corrupt PBF: the block at byte {pos}: {why}',
  'read.pbf.not_osm': 'it does not decode as OSM data',
  'read.pbf.declares': 'it declares {n} bytes uncompressed (the format allows 32 MiB)',
  'read.pbf.inflates_more': 'it inflates to more than the {n} bytes it declares',
  'read.pbf.no_inflate': 'a compressed block does not inflate',
  'read.pbf.inflates_to': 'it inflates to {n} bytes, not the {declared} it declares',
  'read.pbf.compression':
    'PBF compressed with LZMA/LZ4/zstd; convert it to zlib first (osmium cat in.osm.pbf -o out.osm.pbf)',
  'read.pbf.features': 'PBF needs features dostplan does not read: {features}',
  'read.pbf.dense': 'DenseNodes with {ids} ids but {lats} latitudes and {lons} longitudes',
  'read.osm.not_number': '{what} is missing or not a number',
  'read.osm.not_xml': 'not well-formed XML ({why})',
  'read.geojson.lines': 'expected a GeoJSON FeatureCollection of LineStrings with a highway property',
  'read.geojson.position': '{where}: a position must be [longitude, latitude] in degrees',
  'read.geojson.multiline': "{where}: a MultiLineString's coordinates must be a list of lines",
  'read.geojson.line': '{where}: coordinates must be a list of positions',

  // GIS road layers: roads/road-lines.ts, shapefile-reader.ts, geopackage-reader.ts. Layer and field names are the file's.
  'read.roads.bad_point':
    '{feature}: a point that is not a number or outside ±90° latitude / ±180° longitude; is the layer in WGS 84 (EPSG:4326)?',
  'read.roads.no_field': "no field '{wanted}' in {table} (--roads-class-field); its fields are {list}",
  'read.roads.no_class_field':
    'no highway or fclass field in {table}; its fields are {list}; name the road class field with --roads-class-field NAME',
  'read.shp.the_dbf': 'the .dbf',
  'read.shp.shape': 'shape {n}',
  'read.shp.no_dbf':
    "no {name}.dbf beside it; a shapefile's attributes (the road class) are in the .dbf: copy it next to the .shp",
  'read.shp.zip_many': "{file}: {n} shapefiles inside and none named *roads*; unzip it and name the roads' .shp",
  'read.shp.zip_none': '{file}: no .shp inside; expected a zipped shapefile (.shp and .dbf) of road lines',
  'read.shp.zip_no_dbf': "the zip has the roads' .shp but not its .dbf (the road class is there)",
  'read.shp.projected':
    'the shapefile is in a projected coordinate system (its .prj); reproject it to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326 out.shp in.shp',
  'read.shp.no_row': 'shape {n} has no row in the .dbf ({count} rows); the files do not belong together',
  'read.shp.damaged': 'a damaged .shp ({what}); export it again',
  'read.shp.no_header': 'no shapefile header',
  'read.shp.not_lines': 'a shapefile of {kind}, not of lines; --roads needs the road lines',
  'read.shp.points': 'points',
  'read.shp.multipoints': 'multipoints',
  'read.shp.polygons': 'polygons',
  'read.shp.shape_type': 'shape type {t}',
  'read.shp.record_past_end': 'record {n} runs past the end of the file',
  'read.shp.record_kind': 'record {n} is a {kind}',
  'read.shp.record_short': 'record {n} is too short',
  'read.shp.record_counts': 'record {n} counts more parts or points than it holds',
  'read.shp.record_part': 'record {n} has a part outside its points',
  'read.dbf.damaged': 'a damaged .dbf ({what}); export it again',
  'read.dbf.no_header': 'no header',
  'read.dbf.rows': 'its header counts more rows than the file holds',
  'read.dbf.fields': 'its fields are wider than its rows',
  'read.gpkg.layer': "layer '{layer}'",
  'read.gpkg.feature': '{layer}, feature {n}',
  'read.gpkg.at_feature': ' ({feature})',
  'read.gpkg.view':
    "layer '{layer}' is a view, which is not read (its query could run without end); save it as a table (ogr2ogr -f GPKG out.gpkg in.gpkg)",
  'read.gpkg.not_geometry': '{feature}: the geometry is not a GeoPackage geometry; export it again',
  'read.gpkg.not_gpkg':
    'an SQLite file but not a GeoPackage (no gpkg_contents or gpkg_geometry_columns); save the roads as a GeoPackage (ogr2ogr -f GPKG roads.gpkg …) or as an ESRI Shapefile',
  'read.gpkg.no_layer_named': "no line layer named '{name}' (--roads-layer); its line layers are {names}",
  'read.gpkg.no_layer_named_none': "no line layer named '{name}' (--roads-layer); it has no line layers",
  'read.gpkg.no_lines':
    'no layer of lines (LineString or MultiLineString) among its {n} feature layers; --roads needs the road lines',
  'read.gpkg.many_layers': "{n} line layers ({names}); name the roads' with --roads-layer NAME",
  'read.gpkg.srs':
    "layer '{layer}' is not in WGS 84 longitude/latitude (its spatial reference system is {srs}); reproject it: ogr2ogr -t_srs EPSG:4326 out.gpkg in.gpkg",
  'read.gpkg.damaged': '{feature}: a damaged geometry ({what}); export the layer again',
  'read.gpkg.no_header': 'no GeoPackage geometry header',
  'read.gpkg.extended': 'an extended GeoPackage geometry, which is not read',
  'read.gpkg.envelope': 'an unknown envelope',
  'read.gpkg.part': 'a MultiLineString part that is not a LineString',
  'read.gpkg.cut_short': 'cut short',
  'read.gpkg.byte_order': 'an unknown byte order',
  'read.gpkg.geometry_type': 'an unknown geometry type',
  'read.gpkg.counts': 'counts more points than it holds',

  // Road networks as a whole: roads/road-network.ts, road-profile.ts. {profile} is the profile's name.
  'read.roads.none_for_car':
    'no road a car may use (no way with a highway class of the {profile} profile); is this a road network?',
  'read.roads.none_for_walker':
    'no road a walker may use (no way with a highway class of the {profile} profile); is this a road network?',
  'read.roads.mode_without_roads': '--mode chooses how a road network is travelled: add --roads FILE',
  'read.roads.options_without_roads':
    '--roads-class-field and --roads-layer say how to read a road network: add --roads FILE',
  'read.profile.yaml_tag': 'a YAML tag (!…) is not used in a road profile; remove it',
  'read.profile.finding': '{finding} (road profile)',

  // Plans, data folders and candidate costs: plan-context.ts, dataset-loader.ts, map-layers.ts, candidate-costs.ts, candidates.ts.
  'read.plan.has_errors': '{file} has errors; fix them first ({command})',
  'read.population.flags_without_file': '--columns and --sheet apply to a population file: add --population FILE',
  'read.population.scale_without_file':
    '--scale-to and --resolution apply to a population file (--population FILE); the embedded points already carry official figures',
  'read.data.missing': 'cannot read {file} (ENOENT): is {folder} a dostplan data folder?',
  'read.data.map_json': 'not valid JSON ({why}); rebuild it with npm run data:build',
  'read.costs.ambiguous':
    '{where}: {key}: one separator before three digits could be a decimal mark or a thousands separator; write the amount in manat without separators (1500000 or 1500000.50)',
  'read.costs.range': '{where}: {key} must be an amount in manat from 0 to {max}; write it as a plain number',
  'read.costs.source_text': '{where}: cost_source must be text',
  'read.costs.count': '{path}: {rows} rows with costs for {sites} sites; remove blank rows',

  // Graphs in the OR-Library pmed format (optimize --graph): orlib.ts.
  'read.orlib.header': 'expected a header "n edges p" then one "i j cost" line per edge (OR-Library pmed format)',
  'read.orlib.whole': '{what} must be a whole number from {min} to {max}',
  'read.orlib.n': 'n (vertices)',
  'read.orlib.m': 'the edge count',
  'read.orlib.p': 'p (medians)',
  'read.orlib.vertex': 'a vertex',
  'read.orlib.edge_count': 'the header says {m} edges, the file has {lines} edge lines',
  'read.orlib.edge_line': 'expected "i j cost" (3 numbers), found {n}',
  'read.orlib.cost': 'an edge cost must be a number ≥ 0',
  'read.orlib.disconnected':
    'p = {p} is too few for a graph in {parts} separate parts (vertex {vertex} cannot be reached from vertex 1): each part needs a median of its own, so p must be at least {parts}',

  // positions: values of a typed format (GeoJSON) must have their type; placing a value in a JSON file.
  'read.number_as_text': '{role} is written as text in quotes; write the number without quotes',
  // import: a refusal at the row's cell (file:line:column), moved from refuse.import_*.
  'read.import.same_id': 'id {id} is also the id on {before}; give each facility its own id',
  'read.import.outside':
    'stands outside the country (lat {lat}, lon {lon}) and has no region; ' +
    'check the coordinates (lat and lon swapped?) or fill in the region column',
  'read.import.no_center':
    "a branch with no center, and the list has no centers; fill in its parent center's id (a center column)",
  'read.text_expected': '{role} must be text; write it in quotes',
  'read.data.empty_region': "empty region cell; every row of a data folder's points names its unit's code",
} as const;
