// The kinds of marks, asked of the module once per page (its one table, src/kinds.rs): the
// legend, the badges, the names and the checks of model.js wait for them.

import { sharedClient } from "./client.js";
import { adoptKinds } from "./model.js";

let loaded = null;

/** Resolves once model.js holds the module's kinds. */
export function kindsLoaded() {
  loaded ??= sharedClient()
    .kinds()
    .then(adoptKinds)
    .catch((error) => {
      loaded = null; // ask again next time (the worker may have been restarted)
      throw error;
    });
  return loaded;
}
