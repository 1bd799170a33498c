/**
 * Runs the four pattern extractors (dates, quantities, organizations, people) over every
 * archive-dev file and prints coverage (documents with ≥1 date / organization / count /
 * person), the extractors' time per document, and agreement with the hand labels in
 * bench/annotations/extraction-gold.json (victim found among organizations, record count
 * among quantities, incident date among dates).
 *
 *   npx tsx bench/extract-sample.ts [--corpus DIR] [--show SUBSTRING]... [--sample N] [--repeat N]
 *
 * --show prints every extraction for files whose path contains SUBSTRING; --sample N prints
 * them for N evenly spaced files. The corpus is third-party text: nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDates } from '../ingest/extract/dates.ts';
import { coreName, extractOrganizations } from '../ingest/extract/organizations.ts';
import { extractPeople } from '../ingest/extract/people.ts';
import { extractQuantities } from '../ingest/extract/quantities.ts';
import { parseDocument } from '../ingest/read/detect-format.ts';
import type { ParsedDocument, Sentence } from '../ingest/records.ts';
import { splitSections } from '../ingest/segment/split-sections.ts';
import { splitSentences } from '../ingest/segment/split-sentences.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
const corpus = path.resolve(option('--corpus')[0] ?? path.join(here, '../../shared/corpus/archive-dev'));
const shows = option('--show');
const sample = Number(option('--sample')[0] ?? 0);
const repeat = Math.max(1, Number(option('--repeat')[0] ?? 3));

if (!existsSync(corpus)) {
  console.log(`extract-sample: corpus not found at ${corpus}; skipped.`);
  process.exit(0);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (/\.(md|txt)$/u.test(entry)) out.push(full);
  }
  return out;
}

interface Prepared {
  readonly rel: string;
  readonly parsed: ParsedDocument;
  readonly sentences: readonly Sentence[];
}

const files = listFiles(corpus);
const docs: Prepared[] = files.map((file) => {
  const rel = path.relative(corpus, file).split(path.sep).join('/');
  const bytes = readFileSync(file);
  const parsed = parseDocument({
    ok: true,
    source: rel,
    extension: file.endsWith('.txt') ? '.txt' : '.md',
    encoding: 'utf-8',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: bytes.toString('utf-8'),
  });
  const sentences = splitSentences(parsed.text, splitSections(parsed.text, parsed.bodyStart));
  return { rel, parsed, sentences };
});

function extractAll(doc: Prepared) {
  return {
    dates: extractDates(doc.sentences, { referenceDate: doc.parsed.publishedAt }),
    quantities: extractQuantities(doc.sentences),
    organizations: extractOrganizations(doc.sentences),
    people: extractPeople(doc.sentences),
  };
}

// Warm up, then time the extractors alone (parsing and segmentation are not theirs).
for (const doc of docs.slice(0, 50)) extractAll(doc);
const perExtractor = { dates: 0, quantities: 0, organizations: 0, people: 0 };
for (let r = 0; r < repeat; r++) {
  for (const doc of docs) {
    let t = performance.now();
    extractDates(doc.sentences, { referenceDate: doc.parsed.publishedAt });
    let u = performance.now();
    perExtractor.dates += u - t;
    t = u;
    extractQuantities(doc.sentences);
    u = performance.now();
    perExtractor.quantities += u - t;
    t = u;
    extractOrganizations(doc.sentences);
    u = performance.now();
    perExtractor.organizations += u - t;
    t = u;
    extractPeople(doc.sentences);
    u = performance.now();
    perExtractor.people += u - t;
  }
}
const total = perExtractor.dates + perExtractor.quantities + perExtractor.organizations + perExtractor.people;

const results = docs.map((doc) => ({ doc, ...extractAll(doc) }));
const n = docs.length;
const chars = docs.reduce((s, d) => s + d.parsed.text.length, 0);
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.parsed.text, 'utf-8'), 0);
const pct = (k: number) => `${k} (${((100 * k) / n).toFixed(1)}%)`;
const count = (pred: (r: (typeof results)[number]) => boolean) => results.filter(pred).length;

console.log(`corpus: ${corpus}`);
console.log(`documents: ${n}, mean length ${(chars / n).toFixed(0)} chars (${(bytes / n / 1024).toFixed(1)} KB UTF-8), sentences ${docs.reduce((s, d) => s + d.sentences.length, 0)}`);
console.log(`docs with ≥1 date:         ${pct(count((r) => r.dates.length > 0))}`);
console.log(`docs with ≥1 organization: ${pct(count((r) => r.organizations.length > 0))}`);
console.log(`docs with ≥1 count:        ${pct(count((r) => r.quantities.some((q) => q.kind === 'count')))}`);
console.log(`docs with ≥1 money amount: ${pct(count((r) => r.quantities.some((q) => q.kind === 'money')))}`);
console.log(`docs with ≥1 person:       ${pct(count((r) => r.people.length > 0))}`);
const mentions = (k: 'dates' | 'quantities' | 'organizations' | 'people') => results.reduce((s, r) => s + r[k].length, 0);
console.log(`mentions: dates ${mentions('dates')}, quantities ${mentions('quantities')}, organizations ${mentions('organizations')}, people ${mentions('people')}`);
const ms = (x: number) => `${(x / (n * repeat)).toFixed(3)} ms`;
console.log(
  `time per document (mean of ${repeat} passes): all four ${ms(total)} — dates ${ms(perExtractor.dates)}, quantities ${ms(perExtractor.quantities)}, organizations ${ms(perExtractor.organizations)}, people ${ms(perExtractor.people)}`,
);
console.log(`time per 4.5 KB (UTF-8) of text: ${((total / repeat / bytes) * 4500).toFixed(3)} ms; per 4,500 characters: ${((total / repeat / chars) * 4500).toFixed(3)} ms`);

// Agreement with the hand labels.
const goldPath = path.join(here, 'annotations/extraction-gold.json');
if (existsSync(goldPath)) {
  interface GoldDoc {
    file: string;
    victim: string;
    recordCount: number | null;
    incidentDate: string | null;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf-8')) as { documents: GoldDoc[] };
  const byRel = new Map(results.map((r) => [r.doc.rel, r]));
  let victims = 0;
  let victimsInBody = 0;
  let records = 0;
  let recordsTotal = 0;
  let dates = 0;
  let datesTotal = 0;
  const misses: string[] = [];
  for (const g of gold.documents) {
    const r = byRel.get(g.file.normalize('NFC')) ?? byRel.get(g.file);
    if (!r) continue;
    const victimCore = coreName(g.victim);
    const body = r.doc.sentences.map((s) => s.text).join('\n');
    if (body.includes(victimCore)) {
      victimsInBody++;
      if (r.organizations.some((o) => coreName(o.name) === victimCore || o.name === g.victim)) victims++;
      else misses.push(`victim  ${g.file}: ${g.victim} not among [${[...new Set(r.organizations.map((o) => o.name))].slice(0, 8).join(', ')}]`);
    }
    if (g.recordCount !== null) {
      recordsTotal++;
      if (r.quantities.some((q) => q.value === g.recordCount)) records++;
      else misses.push(`records ${g.file}: ${g.recordCount} not among [${r.quantities.map((q) => q.surface).join(', ')}]`);
    }
    if (g.incidentDate !== null) {
      datesTotal++;
      if (r.dates.some((d) => d.date === g.incidentDate || d.dateEnd === g.incidentDate)) dates++;
      else misses.push(`date    ${g.file}: ${g.incidentDate} not among [${r.dates.map((d) => d.date).join(', ')}]`);
    }
  }
  console.log(
    `gold (${gold.documents.length} docs): victim among organizations ${victims}/${victimsInBody} (of the docs whose sentences contain the victim's core name), record count among quantities ${records}/${recordsTotal}, incident date among dates ${dates}/${datesTotal}`,
  );
  for (const m of misses) console.log(`  miss ${m}`);
}

const shown = results.filter((r, i) => shows.some((s) => r.doc.rel.includes(s)) || (sample > 0 && i % Math.max(1, Math.floor(n / sample)) === 0));
for (const r of shown.slice(0, Math.max(sample, shows.length > 0 ? 1000 : 0))) {
  console.log(`\n=== ${r.doc.rel} (published ${r.doc.parsed.publishedAt ?? '?'})`);
  console.log(`dates: ${r.dates.map((d) => `${d.surface}→${d.date}${d.dateEnd ? `..${d.dateEnd}` : ''}${d.precision === 'inferred' ? '?' : ''}`).join(' | ')}`);
  console.log(`quantities: ${r.quantities.map((q) => `${q.surface}→${q.value}${q.unit}${q.approximate ? '~' : ''}`).join(' | ')}`);
  console.log(`organizations: ${r.organizations.map((o) => `${o.surface}${o.surface !== o.name ? `→${o.name}` : ''}[${o.kind}${o.entity === 'service' ? '/service' : ''}]`).join(' | ')}`);
  console.log(`people: ${r.people.map((p) => `${p.name}(${p.role ?? '-'})`).join(' | ')}`);
}
