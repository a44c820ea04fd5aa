import { useId, useState } from 'react';
import type { FormHTMLAttributes, KeyboardEvent, Ref } from 'react';
import { useInboxContext } from '../../hooks/context.js';
import { useAddNote } from '../../hooks/useAddNote.js';
import { cx } from '../shared/cx.js';
import { useThemeClass } from '../shared/ThemeScope.js';

export interface NoteComposerProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** The conversation the note is for. Required. */
  conversationId: string;
  /** Ref to the textarea, e.g. to focus it from a shortcut. */
  textareaRef?: Ref<HTMLTextAreaElement> | undefined;
  ref?: Ref<HTMLFormElement> | undefined;
}

/**
 * Writes an internal note. The draft is kept per conversation (across
 * switching and reloads); Ctrl/Cmd+Enter adds, Shift+Enter is a new line;
 * an empty note is refused with a reason; a failed send keeps the text and
 * offers Retry. Where the backend has no notes, says so instead.
 */
export function NoteComposer({ conversationId, textareaRef, className, ref, ...formProps }: NoteComposerProps) {
  const { messages } = useInboxContext('NoteComposer');
  const { draft, setDraft, add, pending, error, supported } = useAddNote(conversationId);
  const themeClass = useThemeClass();
  const [triedEmpty, setTriedEmpty] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const emptyId = useId();
  const errorId = useId();
  const empty = draft.trim() === '';

  if (!supported) {
    return (
      <p className={cx(themeClass, 'ik-composer-unsupported', className)} data-slot="notes-unsupported">
        {messages.notesUnsupported}
      </p>
    );
  }

  const submit = () => {
    if (pending) return;
    if (empty) {
      setTriedEmpty(true);
      return;
    }
    setTriedEmpty(false);
    void add();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={ref}
      className={cx(themeClass, 'ik-composer', className)}
      data-slot="composer"
      data-pending={pending ? '' : undefined}
      data-error={error ? '' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      {...formProps}
    >
      <label className="ik-composer-label" htmlFor={fieldId}>
        {messages.internalNote}
        <span className="ik-composer-scope"> · {messages.noteOnlyTeam}</span>
      </label>
      <textarea
        ref={textareaRef}
        id={fieldId}
        className="ik-input ik-composer-field"
        dir="auto"
        rows={3}
        value={draft}
        readOnly={pending}
        aria-describedby={cx(hintId, error && errorId, triedEmpty && empty && emptyId) || undefined}
        aria-invalid={triedEmpty && empty ? true : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          if (triedEmpty) setTriedEmpty(false);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="ik-composer-bar">
        <span className="ik-composer-hint" id={hintId}>
          {messages.noteHint}
        </span>
        <button type="submit" className="ik-button" data-variant="primary" aria-disabled={empty || pending || undefined} aria-busy={pending || undefined}>
          {pending ? messages.addingNote : messages.addNote}
        </button>
      </div>
      {triedEmpty && empty && (
        <p className="ik-inline-error" id={emptyId} role="alert" dir="auto">
          {messages.noteEmpty}
        </p>
      )}
      {error && !pending && (
        <div className="ik-inline-error" id={errorId} role="alert" data-slot="composer-error">
          <span dir="auto">{error.message}</span>
          <button type="button" className="ik-link-button" onClick={submit}>
            {messages.retry}
          </button>
        </div>
      )}
    </form>
  );
}
