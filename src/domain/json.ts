/** Any value JSON can hold; `undefined` object members are dropped when stored. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object, such as an operation's validated input. */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };
