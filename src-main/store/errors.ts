/** Thrown when the database cannot be used as asked: a schema mismatch, an unknown id, a bad transition. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
