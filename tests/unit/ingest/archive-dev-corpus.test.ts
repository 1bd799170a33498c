import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../ingest/normalize/normalize-text.ts';
import { parseDocument } from '../../../ingest/read/detect-format.ts';
import { listSources, readSource } from '../../../ingest/read/read-file.ts';
import { splitSections } from '../../../ingest/segment/split-sections.ts';
import { splitSentences } from '../../../ingest/segment/split-sentences.ts';

/** The real disclosures (third-party text) beside the project; read here, never copied. */
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/archive-dev', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.warn(`skipping the archive-dev corpus test: ${CORPUS} is absent`);

describe.skipIf(!present)('parse → sections → sentences over all of archive-dev', () => {
  it('reads every document as a disclosure with a title, a date, a publisher and exact offsets', async () => {
    const files = await listSources([CORPUS]);
    expect(files.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    let undated = 0;
    for (const file of files) {
      const read = await readSource(file, { root: CORPUS, maxBytes: 5_000_000 });
      if (!read.ok) {
        problems.push(`${read.source}: ${read.reason} ${read.detail}`);
        continue;
      }
      const doc = parseDocument(read);
      const sections = splitSections(doc.text, doc.bodyStart);
      const sentences = splitSentences(doc.text, sections);
      const fail = (what: string) => problems.push(`${doc.source}: ${what}`);

      if (doc.format !== 'disclosure') fail('not a disclosure');
      if (!doc.title) fail('no title');
      if (!doc.publisher) fail('no publisher');
      // The archive names files YYYY/MM/DD_<organisation>.md; only a file whose name has no
      // day ("XX") may lack a date, and those headers say so ("日付記載なし", "…XX日").
      const namedDay = /\/[0-9]{2}_[^/]*$/.test(doc.source);
      if (doc.publishedAt === null) {
        if (namedDay) fail('no publishedAt');
        else undated++;
      } else if (!/^20[0-9]{2}-[01][0-9]-[0-3][0-9]$/.test(doc.publishedAt)) fail(`publishedAt ${doc.publishedAt}`);
      if (doc.bodyStart <= 0 || doc.bodyStart > doc.text.length) fail(`bodyStart ${doc.bodyStart}`);
      if (normalizeText(doc.text) !== doc.text) fail('normalised text is not a fixed point');
      for (const r of doc.earlierReports) if (r.ref.trim() === '') fail('empty earlier-report ref');

      if (sections[0]?.start !== doc.bodyStart || sections.at(-1)?.end !== doc.text.length) fail('sections do not cover the body');
      for (let i = 1; i < sections.length; i++) if (sections[i]!.start !== sections[i - 1]!.end) fail(`sections ${i - 1}/${i} not contiguous`);
      for (const s of sentences) {
        if (doc.text.slice(s.start, s.end) !== s.text) fail(`sentence ${s.index} offsets`);
        if (s.text !== s.text.trim() || s.text === '') fail(`sentence ${s.index} not trimmed`);
        if (s.start < doc.bodyStart) fail(`sentence ${s.index} before the body`);
      }
    }
    expect(problems).toEqual([]);
    expect(undated).toBeLessThanOrEqual(5);
  }, 120_000);
});
