import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';

/**
 * How each label and relationship type looks: a colour AND a shape per label (so types stay
 * apart without colour vision), a colour and line style per relationship. The legend and
 * the Cytoscape stylesheet are both built from these tables.
 */

export type NodeShape =
  | 'ellipse'
  | 'rectangle'
  | 'round-rectangle'
  | 'triangle'
  | 'diamond'
  | 'vee'
  | 'tag'
  | 'hexagon'
  | 'concave-hexagon'
  | 'pentagon'
  | 'octagon'
  | 'rhomboid'
  | 'star'
  | 'cut-rectangle'
  | 'barrel';

export interface LabelStyle {
  readonly color: string;
  readonly shape: NodeShape;
  /** Relative node size (1 = default). */
  readonly size: number;
}

export const LABEL_STYLE: Readonly<Record<Label, LabelStyle>> = {
  [Label.Incident]: { color: '#d1495b', shape: 'diamond', size: 1.35 },
  [Label.Organization]: { color: '#2e86de', shape: 'ellipse', size: 1.1 },
  [Label.ThreatActor]: { color: '#6c3483', shape: 'triangle', size: 1.2 },
  [Label.Malware]: { color: '#a93226', shape: 'vee', size: 1 },
  [Label.AccessVector]: { color: '#e67e22', shape: 'tag', size: 1 },
  [Label.Technique]: { color: '#8d6e63', shape: 'hexagon', size: 1 },
  [Label.Control]: { color: '#229954', shape: 'round-rectangle', size: 1 },
  [Label.System]: { color: '#117a65', shape: 'rectangle', size: 0.95 },
  [Label.Service]: { color: '#0097a7', shape: 'barrel', size: 0.95 },
  [Label.Person]: { color: '#b7950b', shape: 'pentagon', size: 0.9 },
  [Label.Agency]: { color: '#34495e', shape: 'octagon', size: 0.95 },
  [Label.Event]: { color: '#7f8c8d', shape: 'rhomboid', size: 0.75 },
  [Label.DataBreach]: { color: '#c2185b', shape: 'star', size: 1.1 },
  [Label.Document]: { color: '#5d6d7e', shape: 'cut-rectangle', size: 0.9 },
  [Label.Chunk]: { color: '#aab7b8', shape: 'concave-hexagon', size: 0.7 },
};

const FALLBACK_LABEL_STYLE: LabelStyle = { color: '#95a5a6', shape: 'ellipse', size: 1 };

export function labelStyle(label: string): LabelStyle {
  return (LABEL_STYLE as Readonly<Record<string, LabelStyle>>)[label] ?? FALLBACK_LABEL_STYLE;
}

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface RelStyle {
  readonly color: string;
  readonly line: LineStyle;
}

export const REL_STYLE: Readonly<Record<Rel, RelStyle>> = {
  [Rel.VICTIM]: { color: '#d1495b', line: 'solid' },
  [Rel.IMPACTED]: { color: '#e59866', line: 'solid' },
  [Rel.ATTRIBUTED_TO]: { color: '#6c3483', line: 'solid' },
  [Rel.INVOLVED]: { color: '#a93226', line: 'solid' },
  [Rel.USES]: { color: '#884ea0', line: 'dashed' },
  [Rel.INITIAL_ACCESS_VIA]: { color: '#e67e22', line: 'solid' },
  [Rel.USED_TECHNIQUE]: { color: '#8d6e63', line: 'solid' },
  [Rel.LACKED_CONTROL]: { color: '#c0392b', line: 'dashed' },
  [Rel.REMEDIATED_WITH]: { color: '#229954', line: 'solid' },
  [Rel.HAS_EVENT]: { color: '#aab7b8', line: 'solid' },
  [Rel.RESULTED_IN]: { color: '#c2185b', line: 'solid' },
  [Rel.SUBSIDIARY_OF]: { color: '#2e86de', line: 'dashed' },
  [Rel.OUTSOURCES_TO]: { color: '#1f618d', line: 'solid' },
  [Rel.OPERATES]: { color: '#0097a7', line: 'dashed' },
  [Rel.REPORTS]: { color: '#5d6d7e', line: 'dotted' },
  [Rel.PRECEDED_BY]: { color: '#5d6d7e', line: 'dotted' },
  [Rel.MENTIONS]: { color: '#bdc3c7', line: 'dotted' },
  [Rel.HAS_CHUNK]: { color: '#bdc3c7', line: 'dotted' },
};

const FALLBACK_REL_STYLE: RelStyle = { color: '#95a5a6', line: 'solid' };

export function relStyle(type: string): RelStyle {
  return (REL_STYLE as Readonly<Record<string, RelStyle>>)[type] ?? FALLBACK_REL_STYLE;
}

/**
 * Outline of each shape in [-1, 1]² (as Cytoscape draws it), for the legend's SVG swatches;
 * `null` means a circle.
 */
export function shapeOutline(shape: NodeShape): readonly (readonly [number, number])[] | null {
  switch (shape) {
    case 'ellipse':
      return null;
    case 'rectangle':
      return [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    case 'round-rectangle':
      return roundedRect(0.35);
    case 'barrel':
      return [[-0.8, -1], [0.8, -1], [0.96, -0.6], [1, 0], [0.96, 0.6], [0.8, 1], [-0.8, 1], [-0.96, 0.6], [-1, 0], [-0.96, -0.6]];
    case 'cut-rectangle':
      return [[-0.6, -1], [0.6, -1], [1, -0.6], [1, 0.6], [0.6, 1], [-0.6, 1], [-1, 0.6], [-1, -0.6]];
    case 'triangle':
      return [[0, -1], [1, 1], [-1, 1]];
    case 'diamond':
      return [[0, -1], [1, 0], [0, 1], [-1, 0]];
    case 'vee':
      return [[-1, -1], [0, -0.333], [1, -1], [0, 1]];
    case 'tag':
      return [[-1, -1], [0.25, -1], [1, 0], [0.25, 1], [-1, 1]];
    case 'hexagon':
      return [[-1, 0], [-0.5, -0.85], [0.5, -0.85], [1, 0], [0.5, 0.85], [-0.5, 0.85]];
    case 'concave-hexagon':
      return [[-1, -0.95], [1, -0.95], [0.75, 0], [1, 0.95], [-1, 0.95], [-0.75, 0]];
    case 'pentagon':
      return regularPolygon(5, 0);
    case 'octagon':
      return regularPolygon(8, Math.PI / 8);
    case 'rhomboid':
      return [[-1, -1], [0.333, -1], [1, 1], [-0.333, 1]];
    case 'star':
      return star();
  }
}

function regularPolygon(sides: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation - Math.PI / 2 + (2 * Math.PI * i) / sides;
    return [Math.cos(angle), Math.sin(angle)];
  });
}

function star(): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (Math.PI * i) / 5;
    const r = i % 2 === 0 ? 1 : 0.45;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

function roundedRect(radius: number): [number, number][] {
  const points: [number, number][] = [];
  const corners: [number, number, number][] = [
    [1 - radius, -1 + radius, -Math.PI / 2],
    [1 - radius, 1 - radius, 0],
    [-1 + radius, 1 - radius, Math.PI / 2],
    [-1 + radius, -1 + radius, Math.PI],
  ];
  for (const [cx, cy, start] of corners) {
    for (let step = 0; step <= 3; step += 1) {
      const angle = start + (step * Math.PI) / 6;
      points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
  }
  return points;
}
