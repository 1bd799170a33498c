import { labelStyle, relStyle, shapeOutline } from '../label-style.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG of a label's node: its colour and its shape, as drawn in the graph. */
export function labelSwatch(label: string, size = 16): SVGSVGElement {
  const style = labelStyle(label);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '-1.1 -1.1 2.2 2.2');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const outline = shapeOutline(style.shape);
  const shape = outline ? document.createElementNS(SVG, 'polygon') : document.createElementNS(SVG, 'circle');
  if (outline) shape.setAttribute('points', outline.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`).join(' '));
  else {
    shape.setAttribute('r', '1');
  }
  shape.setAttribute('fill', style.color);
  svg.appendChild(shape);
  return svg;
}

/** A short line in a relationship's colour and dash pattern, with an arrow head. */
export function relSwatch(type: string, width = 26): SVGSVGElement {
  const style = relStyle(type);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} 10`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '10');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('y1', '5');
  line.setAttribute('x2', String(width - 6));
  line.setAttribute('y2', '5');
  line.setAttribute('stroke', style.color);
  line.setAttribute('stroke-width', '2');
  if (style.line === 'dashed') line.setAttribute('stroke-dasharray', '4 2');
  if (style.line === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2');
  const head = document.createElementNS(SVG, 'polygon');
  head.setAttribute('points', `${width - 7},1 ${width - 1},5 ${width - 7},9`);
  head.setAttribute('fill', style.color);
  svg.append(line, head);
  return svg;
}
