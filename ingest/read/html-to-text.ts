export interface HtmlText {
  /** The page's text: one block per line, headings as `#`…`######`, list items as `- `. */
  readonly text: string;
  /** The `<title>` text, when the page has one: a candidate for the document title. */
  readonly title: string | null;
}

/**
 * A small HTML-to-text converter for disclosure pages: keeps block structure as newlines
 * (headings become Markdown headings so that section splitting works on them), drops
 * script/style/nav and other non-content elements, and decodes character references.
 * It is not a conforming HTML parser; it is tolerant of unclosed tags and stray '<'.
 */
export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let title: string | null = null;
  let skipDepth = 0;
  let skipTag = '';
  let preDepth = 0;
  let pos = 0;

  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    if (skipDepth === 0 && match.index > pos) out.push(textNode(html.slice(pos, match.index), preDepth > 0));
    pos = TAG.lastIndex;
    const token = match[0];
    const name = (match[2] ?? '').toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = match[1] === '/';

    if (!closing && RAW_TEXT.has(name)) {
      // Content runs to the matching end tag whatever it contains.
      const end = indexOfEndTag(html, name, pos);
      const inner = html.slice(pos, end.start);
      pos = end.after;
      TAG.lastIndex = end.after;
      if (name === 'title' && title === null) title = collapse(decodeEntities(inner)) || null;
      else if (name === 'textarea' && skipDepth === 0) out.push(textNode(inner, false));
      continue;
    }

    if (skipDepth > 0) {
      if (name === skipTag && !token.endsWith('/>')) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && SKIPPED.has(name) && !token.endsWith('/>') && !VOID.has(name)) {
      skipDepth = 1;
      skipTag = name;
      continue;
    }

    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    const heading = /^h([1-6])$/.exec(name);
    if (heading) out.push(closing ? '\n' : `\n${'#'.repeat(Number(heading[1]))} `);
    else if (name === 'li') out.push(closing ? '\n' : '\n- ');
    else if (name === 'br') out.push('\n');
    else if (name === 'td' || name === 'th') out.push(closing ? '' : ' ');
    else if (BLOCK.has(name)) out.push('\n');
  }
  if (skipDepth === 0 && pos < html.length) out.push(textNode(html.slice(pos), preDepth > 0));

  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    // An empty heading or list item leaves only its marker behind.
    .map((line) => (/^(#{1,6}|-)$/.test(line) ? '' : line))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { text, title };
}

/** Decodes `&amp;`, `&#12354;`, `&#x3042;` and the named references Japanese pages use. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? match;
  });
}

function textNode(raw: string, pre: boolean): string {
  const decoded = decodeEntities(raw);
  return pre ? decoded : decoded.replace(/[ \t\r\n\f]+/g, ' ');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function indexOfEndTag(html: string, name: string, from: number): { start: number; after: number } {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const found = re.exec(html);
  return found ? { start: found.index, after: re.lastIndex } : { start: html.length, after: html.length };
}

/**
 * A comment, doctype, CDATA section or processing instruction (no name), or a tag: group 1 is
 * '/' for an end tag, group 2 the name; quoted attribute values may contain '>'.
 */
const TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const SKIPPED = new Set(['head', 'nav', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'html', 'legend', 'main', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  copy: '©', reg: '®', trade: '™', yen: '¥', times: '×', divide: '÷', middot: '·', bull: '•', hellip: '…',
  mdash: '—', ndash: '–', minus: '−', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  sect: '§', para: '¶', deg: '°', plusmn: '±', larr: '←', rarr: '→', uarr: '↑', darr: '↓', hyphen: '‐',
  zwsp: '\u200B', shy: '\u00AD', frac12: '½', sup2: '²', micro: 'µ', euro: '€', pound: '£', cent: '¢', excl: '!',
  quest: '?', num: '#', percnt: '%', lpar: '(', rpar: ')', colon: ':', semi: ';', comma: ',', period: '.', sol: '/',
};
