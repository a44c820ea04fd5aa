import type { InboxError } from '../../core/errors.js';
import type { InboxMessages } from '../../hooks/messages.js';

/**
 * A refusal in words for people: the server's reason where InboxKit knows
 * it (WhatsApp's 403 "User is not a member of this organization"), else a
 * sentence for the error's code. The server's own text is for `detail`.
 */
export function errorSentence(error: InboxError, messages: InboxMessages): string {
  const said = `${error.serverMessage ?? ''} ${error.message}`;
  if (error.code === 'forbidden' && /\buser is not a member\b/i.test(said)) return messages.errors.notMember;
  if (error.code === 'forbidden' && /\bteam is not (a )?(part|member)\b/i.test(said)) return messages.errors.teamNotMember;
  return messages.errors[error.code] ?? messages.errors.server;
}

/** The technical detail behind a sentence, for a `title`: "HTTP 403: User is not a member of this organization". */
export function errorDetail(error: InboxError): string {
  const text = error.serverMessage ?? error.message;
  return error.status === undefined ? text : `HTTP ${error.status}: ${text}`;
}
