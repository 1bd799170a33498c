import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, EMPTY_VIEW, type ViewSpec } from '../../../web/src/url-state.ts';

/** Pure: runs in node, no browser. */
describe('url-state', () => {
  const view: ViewSpec = {
    ops: [
      { kind: 'preset', preset: { kind: 'actor', id: 'qilin' } },
      { kind: 'expand', key: 'Organization:org:アスクル' },
      { kind: 'open', id: 'キリン' },
      { kind: 'path', from: 'qilin', to: 'org:アスクル' },
      { kind: 'preset', preset: { kind: 'all' } },
    ],
    hiddenLabels: ['Event', 'Document'],
    hiddenRels: ['HAS_EVENT'],
    selected: { kind: 'edge', id: 'Incident:inc:cfe4e27efaee|ATTRIBUTED_TO|ThreatActor:qilin' },
    doc: { id: 'doc:1e626c7da844a389', start: 105, end: 110 },
    search: { q: '委託先アカウント 侵入', mode: 'lexical' },
  };

  it('round-trips a whole view, keeping the order of operations', () => {
    const decoded = decodeView(encodeView(view));
    expect(decoded).toEqual({ ...view, hiddenLabels: ['Document', 'Event'] });
  });

  it('writes a readable query string', () => {
    const text = decodeURIComponent(encodeView(view));
    expect(text).toContain('preset=actor:qilin');
    expect(text).toContain('expand=Organization:org:アスクル');
    expect(text).toContain('sel=edge:Incident:inc:cfe4e27efaee|ATTRIBUTED_TO|ThreatActor:qilin');
    expect(text).toContain('span=105-110');
    expect(encodeView(EMPTY_VIEW)).toBe('');
    expect(encodeView({ ...EMPTY_VIEW, search: { q: 'MFA', mode: 'hybrid' } })).toBe('?q=MFA');
  });

  it('ignores what it does not understand', () => {
    const decoded = decodeView('?preset=bogus:1&preset=actor:&path=onlyone&sel=what&doc=%20&span=9-1&mode=magic&q=%20&open=');
    expect(decoded).toEqual(EMPTY_VIEW);
    expect(decodeView('?doc=doc:1&span=9-1').doc).toEqual({ id: 'doc:1', start: null, end: null });
  });
});
