/**
 * One Bolt listener for every id of a surface. Bolt runs the middleware of every registered listener for every
 * request it receives, so each surface registers one listener that hands the request to the listener for its id:
 * a request then runs one chain of Bolt's middleware per surface, however many buttons and forms there are.
 */
export function routeById<A>(
  listeners: ReadonlyMap<string, (args: A) => Promise<void>>,
  idOf: (args: A) => string | undefined,
): (args: A) => Promise<void> {
  return async (args) => {
    const id = idOf(args);
    const listener = id === undefined ? undefined : listeners.get(id);
    // An id no listener knows is left unacknowledged, as Bolt leaves a request no listener matched.
    if (listener) await listener(args);
  };
}
