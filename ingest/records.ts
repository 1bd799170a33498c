/**
 * The plain, readonly records that ingest stages pass to each other. Every span carries
 * `start`/`end`: UTF-16 offsets into the document's normalised text.
 */

export type Encoding = 'utf-8' | 'shift_jis' | 'euc-jp';

export type ReadFailureReason = 'binary' | 'empty' | 'undecodable' | 'too-large' | 'unsupported-type' | 'unreadable';

export interface ReadFailure {
  readonly ok: false;
  readonly source: string;
  readonly reason: ReadFailureReason;
  readonly detail: string;
}

/** A file's decoded text, before normalisation. */
export interface DecodedSource {
  readonly ok: true;
  /** Stable key of the source: path relative to the ingest root, or an upload name. */
  readonly source: string;
  readonly extension: '.md' | '.txt' | '.html';
  readonly encoding: Encoding;
  /** sha256 of the raw bytes: an unchanged file is skipped by this. */
  readonly sha256: string;
  readonly text: string;
}
export type ReadResult = DecodedSource | ReadFailure;

/** A reference from a 第N報 disclosure to an earlier report of the same incident. */
export interface EarlierReport {
  readonly reportNumber: number | null;
  readonly ref: string;
}

/** The document after layout detection; `text` is normalised, offsets index into it. */
export interface ParsedDocument {
  readonly source: string;
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly format: 'disclosure' | 'article';
  readonly title: string;
  readonly publishedAt: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly earlierReports: readonly EarlierReport[];
  /** 第N報 of this document, when its title says so. */
  readonly reportNumber: number | null;
  readonly text: string;
  /** Where the body (本文, or the article after its header lines) starts in `text`. */
  readonly bodyStart: number;
}

export type SectionKind = 'summary' | 'timeline' | 'cause' | 'impact' | 'remediation' | 'response' | 'other';

export interface Section {
  readonly heading: string | null;
  readonly kind: SectionKind;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sectionIndex: number;
  readonly sectionKind: SectionKind;
}

export interface Token {
  readonly surface: string;
  readonly base: string;
  readonly pos: string;
  readonly posDetail: string;
  readonly reading: string;
  readonly start: number;
  readonly end: number;
  /**
   * Only on a compound the domain layer joined (業務委託先, 多要素認証): the base forms of its
   * content pieces and the shorter lexicon terms inside it (業務, 委託, 委託先), so that the
   * full-text index also finds the compound by its parts.
   */
  readonly parts?: readonly string[];
}

/** A span found by an extractor, before resolution. */
export interface Mention {
  readonly kind: MentionKind;
  /** Vocabulary id, or the surface name for open-class entities. */
  readonly key: string;
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
  readonly extractor: string;
  readonly confidence: number;
}

export type MentionKind =
  | 'organization'
  | 'service'
  | 'system'
  | 'person'
  | 'agency'
  | 'threat-actor'
  | 'malware'
  | 'access-vector'
  | 'technique'
  | 'control';

/** Whether a sentence asserts, denies or plans something. */
export type Polarity = 'affirmed' | 'negated' | 'planned' | 'uncertain';

export interface DateMention {
  /** ISO date YYYY-MM-DD. */
  readonly date: string;
  /** End of a range, ISO, or null. */
  readonly dateEnd: string | null;
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
  /** 'exact' when the text gave the year, 'inferred' when it came from context. */
  readonly precision: 'exact' | 'inferred';
}

export interface QuantityMention {
  readonly kind: 'count' | 'money';
  readonly value: number;
  /** 件, 名, 人, 円 … */
  readonly unit: string;
  readonly approximate: boolean;
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
}

export interface PersonMention {
  readonly name: string;
  readonly role: string | null;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
}

export type OrganizationKind = 'company' | 'government' | 'school' | 'hospital' | 'vendor' | 'association' | 'other';

export interface OrganizationMention {
  /** The name as normalised for resolution (legal form kept, spacing removed). */
  readonly name: string;
  readonly surface: string;
  readonly kind: OrganizationKind;
  readonly start: number;
  readonly end: number;
  readonly sentenceIndex: number;
  /** 'service' for brands/services such as LOHACO. */
  readonly entity: 'organization' | 'service';
}
