import type { Queryable } from "../../db/types.js";

const cache = new WeakMap<object, Map<string, Promise<string>>>();

/** An instance-wide setting created by a migration (salts, secrets), cached per database. */
export function setting(db: Queryable, name: string): Promise<string> {
  let values = cache.get(db);
  if (!values) cache.set(db, (values = new Map()));
  let value = values.get(name);
  if (!value) {
    value = db.query<{ value: string }>("select value from settings where name = $1", [name]).then((rows) => {
      if (!rows[0]) throw new Error(`setting ${name} is missing: run migrations`);
      return rows[0].value;
    });
    values.set(name, value);
  }
  return value;
}
