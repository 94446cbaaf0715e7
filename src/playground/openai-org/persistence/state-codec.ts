/**
 * Turns the emulated organization's fields into JSON and back without knowing them one by one, so state added
 * later (new maps, arrays, counters) is kept too. Maps and sets are tagged (`{"$map": [[key, value], …]}`,
 * `{"$set": […]}`); an object made by a class (such as the id counter) is written as its own fields and read back
 * into the instance the new organization already has. Fields declared with `#` are invisible to it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An object built by a class other than the built-in collections: restored in place, field by field. */
function isInstance(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isPlainObject(value) &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/**
 * A value as JSON; `undefined` for a value JSON cannot hold (functions, `undefined`) and for a reference back to
 * an object it is inside of (such as a part of the state that points at the state), which is left out and kept
 * as the new organization has it.
 */
export function encodeValue(value: unknown, inside: Set<object> = new Set()): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || inside.has(value)) return undefined;
  inside.add(value);
  try {
    const item = (entry: unknown) => encodeValue(entry, inside) ?? null;
    if (Array.isArray(value)) return value.map(item);
    if (value instanceof Map) return { $map: [...value].map(([key, entry]) => [item(key), item(entry)]) };
    if (value instanceof Set) return { $set: [...value].map(item) };
    const out: Record<string, Json> = {};
    for (const [key, entry] of Object.entries(value)) {
      const encoded = encodeValue(entry, inside);
      if (encoded !== undefined) out[key] = encoded;
    }
    return out;
  } finally {
    inside.delete(value);
  }
}

/** The value `encodeValue` wrote. */
export function decodeValue(json: Json): unknown {
  if (Array.isArray(json)) return json.map(decodeValue);
  if (json === null || typeof json !== 'object') return json;
  const keys = Object.keys(json);
  if (keys.length === 1 && Array.isArray(json.$map)) {
    return new Map(
      json.$map.map((pair) =>
        Array.isArray(pair) ? [decodeValue(pair[0] ?? null), decodeValue(pair[1] ?? null)] : [pair, undefined],
      ),
    );
  }
  if (keys.length === 1 && Array.isArray(json.$set)) return new Set(json.$set.map(decodeValue));
  return Object.fromEntries(Object.entries(json).map(([key, item]) => [key, decodeValue(item)]));
}

/**
 * The fields of `target` worth keeping, each as JSON text (`undefined` for one unset); fields named in `skip`
 * are left out, and when `only` is given, every field it does not name.
 */
export function encodeFields(
  target: object,
  skip: ReadonlySet<string>,
  only?: readonly string[],
): Map<string, string | undefined> {
  const fields = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(target)) {
    if (skip.has(name) || typeof value === 'function' || (only && !only.includes(name))) continue;
    const encoded = encodeValue(value, new Set([target]));
    fields.set(name, encoded === undefined ? undefined : JSON.stringify(encoded));
  }
  return fields;
}

/**
 * Puts a decoded value into `target[name]`: a map, set or array the target already has is refilled in place,
 * a class instance gets its fields restored one by one, anything else is assigned.
 */
export function restoreField(target: Record<string, unknown>, name: string, value: unknown): void {
  const current = target[name];
  if (current instanceof Map && value instanceof Map) {
    current.clear();
    for (const [key, item] of value) current.set(key, item);
  } else if (current instanceof Set && value instanceof Set) {
    current.clear();
    for (const item of value) current.add(item);
  } else if (Array.isArray(current) && Array.isArray(value)) {
    current.length = 0;
    for (const item of value) current.push(item);
  } else if (isInstance(current) && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) restoreField(current, key, item);
  } else {
    target[name] = value;
  }
}
