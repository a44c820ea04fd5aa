import { expect } from 'vitest';
import { InboxError } from 'inboxkit';

/** Resolves with the `InboxError` a promise rejects with; fails the test if it resolves or rejects with anything else. */
export function failure(promise: Promise<unknown>): Promise<InboxError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(InboxError);
      return error as InboxError;
    },
  );
}
