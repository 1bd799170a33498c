/**
 * Extraction quality on real text: precision and recall per fact type over the
 * hand-annotated archive-dev documents in bench/annotations/extraction-gold.json.
 *
 *   npx tsx bench/extraction.ts [--corpus ../shared/corpus/archive-dev] [--verbose]
 *
 * Facts below MIN_CONFIDENCE are not counted as predictions (the API shows them as weak).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.ts';
import { Rel } from '../graph-schema/relationships.ts';
import { analyzeDocument, type AnalyzedDocument } from '../ingest/analyze-document.ts';
import { readSource } from '../ingest/read/read-file.ts';
import { resolveOrganization } from '../ingest/resolve/resolve-organizations.ts';
import { loadTokenizer } from '../ingest/tokenize/kuromoji-tokenizer.ts';

const MIN_CONFIDENCE = 0.5;

const GoldDocument = z.object({
  file: z.string(),
  victim: z.string(),
  ransomware: z.boolean(),
  malwareFamilies: z.array(z.string()),
  contractorInvolved: z.boolean(),
  contractorAccount: z.boolean(),
  accessVectors: z.array(z.string()),
  lackedControls: z.array(z.string()),
  recordCount: z.number().int().nullable(),
  incidentDate: z.string().nullable(),
});
const Gold = z.object({ documents: z.array(GoldDocument).min(40) });

type Counts = { tp: number; fp: number; fn: number };
const FACT_TYPES = ['victim', 'ransomware', 'malware family', 'contractor involvement', 'contractor account', 'access vector', 'lacked control', 'record count', 'incident date'] as const;
type FactType = (typeof FACT_TYPES)[number];

function compareSets(counts: Counts, predicted: ReadonlySet<string>, gold: ReadonlySet<string>, misses: string[], label: string) {
  for (const p of predicted) {
    if (gold.has(p)) counts.tp += 1;
    else {
      counts.fp += 1;
      misses.push(`${label} FP ${p}`);
    }
  }
  for (const g of gold) {
    if (!predicted.has(g)) {
      counts.fn += 1;
      misses.push(`${label} FN ${g}`);
    }
  }
}

function predictions(doc: AnalyzedDocument) {
  const facts = doc.facts.incidentFacts.filter((f) => f.evidence.confidence >= MIN_CONFIDENCE);
  const targets = (rel: string) => new Set(facts.filter((f) => f.rel === rel).map((f) => f.targetId as string));
  const involved = targets(Rel.INVOLVED);
  const vectors = targets(Rel.INITIAL_ACCESS_VIA);
  return {
    victim: doc.facts.incident ? resolveOrganization(doc.facts.incident.victim.name).id : null,
    ransomware: involved.size > 0 && [...involved].some((m) => m !== 'web-shell' && m !== 'infostealer' && m !== 'emotet'),
    malwareFamilies: new Set([...involved].filter((m) => m !== 'ransomware')),
    contractorInvolved: doc.facts.incident?.contractorInvolved ?? false,
    contractorAccount: vectors.has('contractor-account'),
    accessVectors: vectors,
    lackedControls: targets(Rel.LACKED_CONTROL),
    recordCount: doc.facts.breach?.records ?? null,
    incidentDate: doc.facts.incident?.discoveredAt ?? null,
  };
}

async function main() {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
  const corpus = path.resolve(values.corpus ?? path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'archive-dev'));
  if (!fs.existsSync(corpus)) {
    console.log(`extraction bench: skipped, corpus not found at ${corpus}`);
    return;
  }
  const gold = Gold.parse(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'annotations', 'extraction-gold.json'), 'utf8')));
  const tokenizer = await loadTokenizer();
  const counts = Object.fromEntries(FACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<FactType, Counts>;
  const flag = (type: FactType, predicted: boolean, expected: boolean, misses: string[]) => {
    if (predicted && expected) counts[type].tp += 1;
    else if (predicted) {
      counts[type].fp += 1;
      misses.push(`${type} FP`);
    } else if (expected) {
      counts[type].fn += 1;
      misses.push(`${type} FN`);
    }
  };
  const single = (type: FactType, predicted: string | number | null, expected: string | number | null, misses: string[]) => {
    if (predicted !== null && predicted === expected) counts[type].tp += 1;
    else {
      if (predicted !== null) counts[type].fp += 1;
      if (expected !== null) counts[type].fn += 1;
      if (predicted !== null || expected !== null) misses.push(`${type} predicted ${predicted} expected ${expected}`);
    }
  };
  const started = performance.now();
  for (const g of gold.documents) {
    const source = await readSource(path.join(corpus, g.file), { root: corpus, maxBytes: 5 * 1024 * 1024 });
    if (!source.ok) throw new Error(`${g.file}: ${source.reason}`);
    const p = predictions(analyzeDocument(source, tokenizer, { maxChars: 400, overlapSentences: 1 }));
    const misses: string[] = [];
    single('victim', p.victim, resolveOrganization(g.victim).id, misses);
    flag('ransomware', p.ransomware, g.ransomware, misses);
    compareSets(counts['malware family'], p.malwareFamilies, new Set(g.malwareFamilies), misses, 'malware');
    flag('contractor involvement', p.contractorInvolved, g.contractorInvolved, misses);
    flag('contractor account', p.contractorAccount, g.contractorAccount, misses);
    compareSets(counts['access vector'], p.accessVectors, new Set(g.accessVectors), misses, 'vector');
    compareSets(counts['lacked control'], p.lackedControls, new Set(g.lackedControls), misses, 'lacked');
    single('record count', p.recordCount, g.recordCount, misses);
    single('incident date', p.incidentDate, g.incidentDate, misses);
    if (values.verbose && misses.length > 0) console.log(`${g.file}: ${misses.join('; ')}`);
  }
  const ms = performance.now() - started;
  const pct = (x: number) => (Number.isNaN(x) ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);
  console.log(`extraction quality over ${gold.documents.length} annotated archive-dev documents (min confidence ${MIN_CONFIDENCE}; ${os.availableParallelism()} cores; ${ms.toFixed(0)} ms)`);
  console.log(`${'fact type'.padEnd(24)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall     F1`);
  for (const type of FACT_TYPES) {
    const { tp, fp, fn } = counts[type];
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(`${type.padEnd(24)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}     ${pct(precision)}  ${pct(recall)} ${pct(f1)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
