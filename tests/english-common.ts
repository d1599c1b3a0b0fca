/**
 * A stronger check for English left in an Azerbaijani output than tests/english-words.ts: about a
 * thousand of the commonest English words (function words, the verbs and nouns of everyday prose, and
 * dostplan's own vocabulary), less the words Azerbaijani shares with English or writes the same way
 * (ad "name", pay "share", son "last", say "count", may "May", plan, model, format, status, limit,
 * optimal, real, net, test, start, min "thousand"…), less units and technical names a planner reads
 * in either language (km, CSV, JSON, GeoJSON, YAML, HiGHS, OSM, AZN). English place names written the
 * English way (Baku, Ganja, Azerbaijan) count as English too; ids written in lower case do not.
 * "45 min" counts (Azerbaijani writes "45 dəq"). A word glued to a number or code by a hyphen is an
 * Azerbaijani suffix (2030-cu, %-dən, AZ-BA-nın), not a word.
 */
import { englishStrip } from './english-words.js';

const COMMON =
  // function words
  'a about above across after again against all almost alone along already also although always am among an and ' +
  'another any anyone anything anywhere are around as at away back be became because become been before behind being ' +
  'below beside besides between beyond both but by can cannot could did do does doing done down during each either ' +
  'else enough even ever every everyone everything except few for from further had has have having he her here hers ' +
  'him himself his how however i if in inside instead into is it its itself just least less many me might mine more ' +
  'most much must my near neither never next no nobody none nor not nothing now of off often on once one only onto or ' +
  'other others otherwise our ours out outside over own per perhaps please quite rather really same several shall she ' +
  'should since so some somebody someone something sometimes still such than that the their theirs them themselves then ' +
  'there therefore these they this those though through throughout thus till to together too toward towards under ' +
  'unless until up upon us very via was we well were what whatever when whenever where whether which while who whole ' +
  'whom whose why will with within without would yet you your yours ' +
  // everyday verbs
  'accept add added adds allow allowed apply applied ask asked become begin begins believe bring build built buy call ' +
  'called came change changed changes check checked choose chosen close closed closes closing come comes consider ' +
  'contain contains continue count counted counts cover covers covering create created cut decide describe differ ' +
  'draw drawn drop dropped end ended ends expect explain fall feel fill find finds first follow follows found get gets ' +
  'give given gives go goes going gone got grow happen hear help helps hold include included includes increase keep ' +
  'keeps kept know known last lead learn leave leaves left let lie like live lives lived look looks lose lost made make ' +
  'makes mean means meet meets met miss missed missing move moved moves need needed needs note noted offer open opened ' +
  'opening opens order ordered pass passed pay' +
  ' place placed play print printed prints provide provided put reach reached reaches read reads ready reduce remain ' +
  'remains remove removed replace replaced report reported reports require required requires rest return returns ' +
  'run runs said see seen seem seems sell send sent serve served serves set sets show showed shown shows sit skip ' +
  'skipped solve solved sort sorted speak spend stand stay stays stop stopped suggest suggested suggests take taken ' +
  'takes tell think thought try tried turn turned understand use used uses using wait waits want wanted watch work ' +
  'worked works write writes written wrote ' +
  // everyday nouns and adjectives
  'able above account age ago air alone answer area areas available average bad base basis best better big bit ' +
  'body book bound bounds box business car case cases cause cell cells center centers centre centres certain chance ' +
  'child children city clear cold common company complete condition cost costs country course current data date dates ' +
  'day days dead deep different distance distances district districts door early east easy empty entire error errors ' +
  'even example eye face fact facts family far fast few field figure figures file files final fine fire form free ' +
  'friend front full future game general good great ground group groups half hand hard head heart high history home ' +
  'hour hours house human idea important information issue kind kinds land large late later law less level life light ' +
  'line lines list little local long low main man many market matter means member men mind money month months ' +
  'morning mother name names national nature nearest new night north number numbers office old open order others ' +
  'page paper part parts party people person picture place places point points police policy poor possible power ' +
  'present president price private problem process public question questions quite reason reasons right road roads ' +
  'room rule rules school second section sense service services short side simple single site sites small social ' +
  'south space special state states story strong student study sure system table tables team thing things time times ' +
  'today top total town true type types unit units value values various war water way week weeks west white wide ' +
  'woman women word words world year years young ' +
  // dostplan's vocabulary
  'annotation annotations assigned assignment branch branches budget candidate candidates capacity catchment ' +
  'catchments chart compare compared coverage covered demand desks facilities facility farthest gap gaps hint hints ' +
  'legend made map nearest network none overflow population quality region regions registered resident ' +
  'rollout schedule share shares source sources standard standards suggestion target targets threshold travel ' +
  'utilization visits waiting warning warnings worst unreachable reachable uncovered served within outside inside ' +
  'opening openings closing opened summary detail details added removed moved unchanged before after between ' +
  'figures explorer scenario solver heuristic exact proven optimum objective candidates grid surface';

/**
 * Written the same in Azerbaijani (or read as a term in both languages): never counted.
 * `can` is "soul", `at` "horse", `on` "ten" — rare in our outputs, so they are still counted.
 */
const SHARED = new Set(
  (
    'ad ana ara bar bas dam dar de gel hal kim may mart min net normal optimal pay plan real say son tam test ' +
    'model format status limit start park bank problem program sistem minimal maksimal radius kart bal mil ton ' +
    'adam dil ya da ki o bu ol al top internet kod'
  ).split(' '),
);

const WORDS = new Set(COMMON.split(/\s+/).filter((w) => w.length > 1 && !SHARED.has(w)));
/** English (and transliterated) place names: in an Azerbaijani output they are Bakı, Gəncə, Azərbaycan… */
const PLACES = new Set(
  'Baku Azerbaijan Ganja Sumgait Sumgayit Shaki Sheki Lankaran Nakhchivan Mingachevir Shirvan Absheron Karabakh Guba Gabala Shamakhi Agstafa Aghstafa Tartar Terter Khachmaz Zagatala Barda Goychay Shusha Khankendi'.split(
    ' ',
  ),
);

/** The English words found in `text` (after what may stay English is taken out), each with context. */
export function englishCommon(
  text: string,
  opts: { allow?: string[]; max?: number; phrases?: boolean } = {},
): string[] {
  let raw = text;
  for (const a of opts.allow ?? []) raw = raw.split(a).join(' ');
  const clean = englishStrip(
    raw
      .replace(/^::(?:error|warning|notice)[^:]*::/gm, ' ') // a GitHub annotation's framing: ::error file=…,title=…::
      .replace(/\\_/g, '_'), // Markdown's escaped underscores
  )
    .replace(/\bnpm run [\w:]+/g, ' ')
    .replace(/\b[\w-]+\.[a-z]{2,4}\b/g, ' ') // file names: in.tif, out.gpkg
    .replace(/\b\w+_\w+\b/g, ' ') // a plan's or a file's keys: working_days, yearly_cost
    .replace(/\b[A-Z][A-Z0-9]+\b/g, ' ') // ids and codes: ALL, CAR (a facility), ASAN
    .replace(/'[^'\s]+'/g, ' '); // a value quoted from the user's file: 'Tartar', 'north'
  if (opts.phrases) return englishPhrases(clean, opts.max ?? 20);
  const found: string[] = [];
  const say = (index: number, length: number) =>
    found.push(clean.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' '));
  for (const m of clean.matchAll(/\d\s?(min|h|hours?|minutes?|people|km\/h)\b/g)) say(m.index, m[0].length);
  for (const m of clean.matchAll(/[\p{L}']+/gu)) {
    const before = clean[m.index - 1] ?? ' ';
    if (/[-\d'’]/.test(before)) continue; // a suffix: 2030-cu, AZ-BA-nın, 72,2 %-dən
    const word = m[0].replace(/^'+|'+$/g, '');
    if (!(WORDS.has(word.toLowerCase()) || PLACES.has(word))) continue;
    say(m.index, m[0].length);
    if (found.length >= (opts.max ?? 20)) break;
  }
  return found;
}

/** Runs of two English words or more with only spaces between them ("no facility", "Save with"): a sentence, not a term. */
function englishPhrases(clean: string, max: number): string[] {
  const found: string[] = [];
  let run: RegExpMatchArray[] = [];
  const flush = () => {
    if (run.length >= 2) found.push(run.map((m) => m[0]).join(' '));
    run = [];
  };
  for (const m of clean.matchAll(/[\p{L}']+/gu)) {
    const prev = run.at(-1);
    const english = WORDS.has(m[0].toLowerCase()) && !/[-\d'’]/.test(clean[m.index - 1] ?? ' ');
    const adjacent = prev !== undefined && /^\s+$/.test(clean.slice(prev.index + prev[0].length, m.index));
    if (!english || (prev && !adjacent)) flush();
    if (english) run.push(m);
    if (found.length >= max) break;
  }
  flush();
  return found;
}
