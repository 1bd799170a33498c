import { splitHighlights, type Span } from './text-highlight.ts';

/**
 * Builds DOM nodes. Text always goes in as text nodes (never as HTML), so names and
 * sentences from documents cannot inject markup.
 */

export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly data?: Readonly<Record<string, string>>;
  readonly onClick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props.data ?? {})) element.dataset[name] = value;
  const onClick = props.onClick;
  if (onClick) element.addEventListener('click', (event) => onClick(event as MouseEvent));
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Empties an element and fills it with new children. */
export function replaceChildren(parent: Element, ...children: (Child | readonly Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Text with spans wrapped in <mark>, as nodes. */
export function markedText(text: string, spans: readonly Span[], markClass?: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const piece of splitHighlights(text, spans)) {
    fragment.appendChild(piece.marked ? h('mark', { class: markClass }, piece.text) : document.createTextNode(piece.text));
  }
  return fragment;
}

/** Only http(s) links leave the app; anything else (javascript:, data:) is not linked. */
export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
