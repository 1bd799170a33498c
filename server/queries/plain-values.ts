import neo4j from 'neo4j-driver';

/**
 * Any value the driver returns, as plain JSON: nodes, relationships and paths become
 * objects; temporal values their ISO strings; points {srid, x, y, z}; vectors arrays.
 * (Integers are already numbers: the driver runs with disableLosslessIntegers.)
 */
export function toPlainValue(value: unknown, depth = 0): unknown {
  if (depth > 64) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map((v) => toPlainValue(v, depth + 1));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  if (neo4j.isNode(value)) {
    return { elementId: value.elementId, labels: value.labels, properties: toPlainValue(value.properties, depth + 1) };
  }
  if (neo4j.isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: toPlainValue(value.properties, depth + 1),
    };
  }
  if (neo4j.isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)];
    return { nodes: nodes.map((n) => toPlainValue(n, depth + 1)), relationships: value.segments.map((s) => toPlainValue(s.relationship, depth + 1)) };
  }
  if (neo4j.isPoint(value)) return { srid: toPlainValue(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isVector(value)) return Array.from(value.asTypedArray() as ArrayLike<number>);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlainValue(v, depth + 1)]));
  }
  return String(value);
}
