/**
 * The `yaml` library's reasons for a syntax error, as our own catalogue messages, so `validate`
 * says them in the run's language. The library's message may quote the file (an unexpected
 * character, a tag, an escape): ours name only the kind of problem and what to do. The English
 * text a finding shows stays the library's reason (reasonOnly), as it always was; the catalogue
 * message is what other languages print (render/diagnostics.ts).
 */
import type { MessageKey } from '../model/messages/en.js';
import { type Said, said } from '../model/said.js';

/** Error codes of yaml 2.x (its ErrorCode type) to our reasons; the first matching row wins. */
const REASONS: [code: string, message: RegExp | undefined, key: MessageKey][] = [
  ['BAD_INDENT', /must be sufficiently indented and end with/, 'yaml.reason.flow_unclosed'],
  ['MISSING_CHAR', /^Flow (map|sequence) must end with/, 'yaml.reason.flow_unclosed'],
  ['BAD_INDENT', undefined, 'yaml.reason.indent'],
  ['MISSING_CHAR', /^Missing closing/, 'yaml.reason.quote_unclosed'],
  ['MISSING_CHAR', /^Missing , (or : )?between/, 'yaml.reason.flow_comma'],
  ['MISSING_CHAR', /^Missing space after :/, 'yaml.reason.colon_space'],
  ['MISSING_CHAR', /^Implicit map keys need to be followed by map values/, 'yaml.reason.key_without_value'],
  ['MISSING_CHAR', /^Comments must be separated/, 'yaml.reason.comment_space'],
  ['MISSING_CHAR', /^Sequence item without - indicator/, 'yaml.reason.list_dash'],
  ['MISSING_CHAR', undefined, 'yaml.reason.missing_char'],
  ['UNEXPECTED_TOKEN', /^Unexpected , in/, 'yaml.reason.stray_comma'],
  ['UNEXPECTED_TOKEN', /^Unexpected empty item in/, 'yaml.reason.empty_item'],
  ['UNEXPECTED_TOKEN', undefined, 'yaml.reason.unexpected'],
  ['BAD_SCALAR_START', undefined, 'yaml.reason.scalar_start'],
  ['BAD_DQ_ESCAPE', undefined, 'yaml.reason.escape'],
  ['MULTILINE_IMPLICIT_KEY', undefined, 'yaml.reason.multiline_key'],
  ['KEY_OVER_1024_CHARS', undefined, 'yaml.reason.multiline_key'],
  ['BLOCK_AS_IMPLICIT_KEY', undefined, 'yaml.reason.block_key'],
  ['NON_STRING_KEY', undefined, 'yaml.reason.block_key'],
  ['BLOCK_IN_FLOW', undefined, 'yaml.reason.block_in_flow'],
  ['ALIAS_PROPS', undefined, 'yaml.reason.anchor'],
  ['BAD_ALIAS', undefined, 'yaml.reason.anchor'],
  ['MULTIPLE_ANCHORS', undefined, 'yaml.reason.anchor'],
  ['BAD_PROP_ORDER', undefined, 'yaml.reason.anchor'],
  ['MULTIPLE_TAGS', undefined, 'yaml.reason.tag'],
  ['TAG_RESOLVE_FAILED', undefined, 'yaml.reason.tag'],
  ['BAD_COLLECTION_TYPE', undefined, 'yaml.reason.tag'],
  ['BAD_DIRECTIVE', undefined, 'yaml.reason.directive'],
  ['RESOURCE_EXHAUSTION', undefined, 'yaml.reason.too_many_aliases'],
  ['TAB_AS_INDENT', undefined, 'yaml.reason.tab'],
];

/**
 * Our message for a YAML syntax error of the library (`code`, `message`), placed by the caller:
 * "YAML syntax: <reason>". An unknown code says only that the text is not valid YAML there.
 */
export function yamlSyntaxSaid(code: string, message: string): Said {
  const row = REASONS.find(([c, m]) => c === code && (m === undefined || m.test(message)));
  return said('yaml.syntax', { reason: said(row?.[2] ?? 'yaml.reason.other') });
}
