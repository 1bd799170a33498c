import { h, replaceChildren } from '../create-element.ts';
import type { Preset } from '../graph-state.ts';

export interface PresetDefinition {
  readonly preset: Preset;
  readonly title: string;
  readonly description: string;
  readonly testid: string;
}

/** The views a researcher or journalist starts from. */
export const PRESETS: readonly PresetDefinition[] = [
  {
    preset: { kind: 'accessVector', id: 'contractor-account' },
    title: '委託先アカウント経由の事案',
    description: '業務委託先のアカウントが侵入経路となった事案と被害組織',
    testid: 'preset-contractor',
  },
  {
    preset: { kind: 'actor', id: 'qilin' },
    title: 'Qilinの被害組織',
    description: 'Qilin（キリン / Agenda）に関連する被害組織と、その先で影響を受けた組織',
    testid: 'preset-qilin',
  },
  {
    preset: { kind: 'all' },
    title: 'グラフ全体',
    description: 'すべての事案・組織・出来事・文書',
    testid: 'preset-all',
  },
];

export function presetTitle(preset: Preset): string {
  const known = PRESETS.find((p) => JSON.stringify(p.preset) === JSON.stringify(preset));
  if (known) return known.title;
  return preset.kind === 'all' ? 'グラフ全体' : preset.kind === 'actor' ? `攻撃グループ ${preset.id} の被害組織` : `侵入経路 ${preset.id} の事案`;
}

export function renderPresetButtons(root: HTMLElement, open: (preset: Preset) => void, testidSuffix = ''): void {
  replaceChildren(
    root,
    h(
      'ul',
      { class: 'preset-list' },
      PRESETS.map((p) =>
        h(
          'li',
          {},
          h(
            'button',
            { class: 'preset-button', attrs: { type: 'button' }, data: { testid: `${p.testid}${testidSuffix}` }, onClick: () => open(p.preset) },
            h('strong', {}, p.title),
            h('span', { class: 'muted' }, p.description),
          ),
        ),
      ),
    ),
  );
}
