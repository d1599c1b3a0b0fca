/**
 * The English reasons written by libraries said again in our words, and positions written as words (keys reason.* and where.*). en.ts spreads them into the catalogue; reasons-az.ts has every key.
 */
export const reasonsEn = {
  // Places and lists inside messages.
  'where.list': '{a}, {b}',
  'where.request_body': 'the request body',
  // A reader's position in words (model/where-words.ts): English exactly as the readers write it.
  'where.in_file': '{file}: {where}',
  'where.at': '{where}: {problem}',
  'where.sheet_cell': 'sheet {sheet}, row {row}, column {column}',
  'where.sheet_row': 'sheet {sheet}, row {row}',
  'where.layer_cell': 'layer {layer} of {layers}, row {row}, column {column}',
  'where.feature': 'features[{index}]{rest}',
  // A library's reason we do not know (load/library-reasons.ts): never its own words, which may quote the file.
  'reason.unknown': 'its content could not be decoded',
  // geotiff.js, inside "not a readable GeoTIFF (…)" and "cannot read rows … of band 1 (…)".
  'reason.tiff.not_tiff': 'no TIFF header at its start',
  'reason.tiff.past_end': 'its data stops early or lies past the end of the file; is the file complete?',
  'reason.tiff.unsupported':
    'a compression or cell type dostplan cannot read; save it as an uncompressed or DEFLATE GeoTIFF (gdal_translate -co COMPRESS=DEFLATE)',
  'reason.tiff.layout': 'a pixel layout dostplan cannot read (one band of numbers is expected)',
  'reason.tiff.geokeys': 'its GeoTIFF keys cannot be read',
  'reason.tiff.damaged_block': 'a block of cells does not decompress: the file is damaged',
  // saxes, inside "not well-formed XML (…)".
  'reason.xml.cut_short': 'the file ends before its elements are closed; is it complete?',
  'reason.xml.closing_tag': 'a closing tag that does not match the element it closes',
  'reason.xml.attribute': 'a malformed attribute (each is written once, as name="value")',
  'reason.xml.entity': 'an unknown or malformed entity (write & as &amp;)',
  'reason.xml.root': 'not one root element around the whole document',
  'reason.xml.tag': 'a character not allowed in a tag name',
  'reason.xml.comment': 'a malformed comment (-- inside <!-- -->)',
  'reason.xml.declaration': 'a malformed XML declaration (<?xml version="1.0"?> at the very start)',
  'reason.xml.character': 'a character not allowed in XML',
  // Inside a message of ours about a JSON file: what its scanner (load/json-text.ts) expected where the text stops being JSON.
  'reason.json.expected': 'expected {expected}',
  // SQLite's fixed texts, in English as SQLite writes them (English output unchanged).
  'reason.sqlite.not_database': 'file is not a database',
  'reason.sqlite.malformed': 'database disk image is malformed',
  'reason.sqlite.memory': 'out of memory',
} as const;
