/**
 * What a library's error means, said in our words (catalogue keys `reason.*`), so a refusal is
 * one sentence in the run's language. A library writes its reason in English and may quote the
 * file (saxes names the tag it found, V8's JSON.parse quotes ~20 characters, SQLite names tables
 * and columns): its message is only matched against the wordings the library is known to write,
 * never printed. A wording we do not know is said as a generic reason of ours.
 */
import type { MessageKey } from '../model/messages/en.js';
import { type Said, said } from '../model/said.js';

/** A reason of ours, chosen by the first rule whose pattern the library's message matches. */
type Rules = readonly (readonly [RegExp, MessageKey])[];

/**
 * The library's message as it can be matched: its first line, without a saxes position
 * ("3:0: "), quoted text, or anything after ": " (where libraries append what they found), so a
 * name in the file can never choose the reason.
 */
function wording(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n', 1)[0] ?? '')
    .replace(/^(?:[^:]*:)?\d+:\d+: /, '')
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/:\s.*$/, '');
}

function classify(e: unknown, rules: Rules, otherwise: MessageKey = 'reason.unknown'): Said {
  const text = wording(e);
  return said(rules.find(([pattern]) => pattern.test(text))?.[1] ?? otherwise);
}

/**
 * geotiff.js (and the pako/LZW/JPEG decoders it runs), and V8's DataView and typed arrays
 * under it when an offset in the file points past its end.
 */
const TIFF: Rules = [
  [/invalid (magic number|byte order)/i, 'reason.tiff.not_tiff'],
  [
    /outside the bounds|out of bounds|offset is out|invalid typed array length|unexpected end|incomplete stream/i,
    'reason.tiff.past_end',
  ],
  [/compression method identifier|not supported|unsupported|not implemented/i, 'reason.tiff.unsupported'],
  [/planar configuration|photometric|predictor|samplesperpixel|bitspersample/i, 'reason.tiff.layout'],
  [/geokey|geoascii|geodouble|tiepoint/i, 'reason.tiff.geokeys'],
  [
    /huffman|lzw|corrupt|bogus|marker|missing|tile or strip|invalid|incorrect|too far back|header check|DQT|SOI/i,
    'reason.tiff.damaged_block',
  ],
];

/** Why geotiff.js could not read a TIFF, in our words. */
export const tiffReason = (e: unknown): Said => classify(e, TIFF);

/** saxes's wordings (its `fail` calls), for an OSM XML file. */
const XML: Rules = [
  [/unclosed tag|unexpected end/i, 'reason.xml.cut_short'],
  [/close tag|closing tag/i, 'reason.xml.closing_tag'],
  [/attribute|value must be quoted|value required|name\/value pairs/i, 'reason.xml.attribute'],
  [/entity/i, 'reason.xml.entity'],
  [/only one root|outside of root|must contain a root/i, 'reason.xml.root'],
  [/tag name|malformed name|forward-slash/i, 'reason.xml.tag'],
  [/comment/i, 'reason.xml.comment'],
  [
    /xml declaration|version|standalone|encoding|expected (one of|the name)|processing instruction|doctype/i,
    'reason.xml.declaration',
  ],
  [/disallowed character|\]\]>/i, 'reason.xml.character'],
];

/** Why saxes refused an XML file, in our words. */
export const xmlReason = (e: unknown): Said => classify(e, XML);

/** SQLite's fixed texts (sql.js passes them on); any other (they name tables and columns) is generic. */
const SQLITE: Rules = [
  [/file is not a database/, 'reason.sqlite.not_database'],
  [/database disk image is malformed/, 'reason.sqlite.malformed'],
  [/out of memory/, 'reason.sqlite.memory'],
];

/** Why SQLite could not read a file, in our words. */
export const sqliteReason = (e: unknown): Said => classify(e, SQLITE, 'read.gpkg.sqlite_failed');
