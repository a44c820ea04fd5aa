/**
 * Copies handed out by the memory backend: a caller that edits what it got
 * must never change what the backend holds.
 */
import type { Assignee, Contact, Conversation, Message, Note } from '../../core/types.js';
import { copyJson } from '../../core/json.js';

export function copyContact(contact: Contact): Contact {
  const out: Contact = { ...contact };
  if (contact.labels !== undefined) out.labels = [...contact.labels];
  return out;
}

export const copyAssignee = (assignee: Assignee): Assignee => ({ ...assignee });
export const copyMessage = (message: Message): Message => ({ ...message });

export function copyNote(note: Note): Note {
  const out: Note = { ...note };
  if (note.author !== undefined) out.author = { ...note.author };
  return out;
}

/**
 * A deep copy of a conversation. `withMessages: false` gives the list-row
 * form, whose `messages` is null (history comes with `getConversation`).
 */
export function copyConversation(conversation: Conversation, withMessages = true): Conversation {
  return {
    ...conversation,
    contact: conversation.contact === null ? null : copyContact(conversation.contact),
    assignee: conversation.assignee === null ? null : copyAssignee(conversation.assignee),
    lastMessage: conversation.lastMessage === null ? null : { ...conversation.lastMessage },
    messages: withMessages && conversation.messages !== null ? conversation.messages.map(copyMessage) : null,
    labels: [...conversation.labels],
    // Metadata may hold anything JSON-like, even a `__proto__` key from JSON.parse.
    metadata: copyJson(conversation.metadata),
  };
}
