import type { Assignee } from '../../core/types.js';

/** A radio item's value: type and id, so a user and a team with one id stay apart. */
export const keyOf = (a: Pick<Assignee, 'type' | 'id'> | null | undefined): string => (a ? `${a.type}:${a.id}` : '');
