/**
 * A heuristic for English left in an Azerbaijani output: words that are common in dostplan's
 * English and are not Azerbaijani words. What a person may legitimately see in English is taken
 * out first: URLs, file paths, ids (absheron-khizi, baku-1, NEW-C1), rule codes in brackets, licence names,
 * and in a plan fragment its keys (`serves:`, `{ unit:`), its statuses (`status: open`) and the English `name:` written beside
 * its Azerbaijani `name_az:` (a fragment keeps both).
 */
const ENGLISH = new Set(
  (
    'the of and with without people coverage covered population facility facilities opens opened open ' +
    'center centers centre branch branches year years distance distances travel within share mean nearest ' +
    'total standard standards unit units region regions district districts served serve serves from to ' +
    'by in on at is are was were be not no none any every each this that these those which what where when ' +
    'how figures made source sources map legend chart rollout target targets missed met capacity visits ' +
    'errors warnings notes hints day days wait waiting overflow utilization minutes hours km/h resident registered basis assignment ' +
    "assigned should must error warning hint note file files plan's run command could cannot can will " +
    'than more less per worst served best place places new suggested suggest order budget cost sites site'
  ).split(' '),
);

/** Text a person may read in English whatever the language (links, paths, ids, rule codes, credits), and CSS. */
export function englishStrip(text: string): string {
  return text
    .replace(/^[ \t]*(?:- )?name: .*\n(?=[ \t]*name_az: )/gm, ' ') // a plan's English name beside its name_az:
    .replace(/^([ \t]*status: )[a-z_]+\b/gm, '$1') // a plan's status, an enum value: `status: open`
    .replace(/(^[ \t]*(?:- )?|[{,][ \t]*)[a-z_]+:(?=[ \t]|$)/gm, '$1 ') // a plan fragment's keys: `serves:`, `{ unit:`
    .replace(/<style>[\s\S]*?<\/style>/g, ' ') // CSS, read by browsers
    .replace(/<[^>]*>/g, ' ') // markup
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`\n]*`/g, ' ') // code: a plan's key, `missed:`
    .replace(/\b[\w.-]+\/[\w./-]+/g, ' ') // paths and domains with a path: data/SOURCES.md
    .replace(/\[[a-z0-9-]+\]/g, ' ') // rule codes: [unknown-region]
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' ') // ids: absheron-khizi, baku-1
    .replace(/\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g, ' ') // facility ids: B-TAR, NEW-C1
    .replace(/Runfola et al\.[^,]*,[^,)]*/g, ' ')
    .replace(/CC BY-SA \d\.\d/g, ' ')
    .replace(/\bdostplan [a-z]+/g, ' '); // a command's name: dostplan capacity
}

/** The English words found in `text`, each with a little context, at most `max`. */
export function englishLeft(text: string, max = 20): string[] {
  const found: string[] = [];
  const clean = englishStrip(text);
  // Whole words in any script: "çatışmır" is one Azerbaijani word, not "at" between other letters.
  for (const m of clean.matchAll(/[\p{L}']+/gu)) {
    if (!ENGLISH.has(m[0].toLowerCase())) continue;
    found.push(clean.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25).replace(/\s+/g, ' '));
    if (found.length >= max) break;
  }
  return found;
}
