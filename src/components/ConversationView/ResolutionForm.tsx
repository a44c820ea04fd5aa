import { useEffect, useId, useRef, useState } from 'react';
import type { InboxMessages } from '../../hooks/messages.js';

/**
 * "Resolve with a note…": asks for the resolution text, in its own row under the
 * view's header. Escape or Cancel closes it; an empty text is refused in words.
 */
export function ResolutionForm({
  id,
  messages,
  initialText,
  onSubmit,
  onCancel,
}: {
  id: string;
  messages: InboxMessages;
  /** The text to start from (the last one sent, if that resolve was undone or refused). */
  initialText: string;
  onSubmit: (resolution: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initialText);
  const [empty, setEmpty] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const errorId = useId();

  useEffect(() => field.current?.focus(), []);

  return (
    <form
      id={id}
      className="ik-resolution"
      data-slot="resolution-form"
      aria-label={messages.resolveWithNote}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const resolution = text.trim();
        if (!resolution) {
          setEmpty(true);
          field.current?.focus();
          return;
        }
        onSubmit(resolution);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // Handled here: the inbox around must not act on it too.
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <label htmlFor={fieldId} className="ik-composer-label">
        {messages.resolutionLabel}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        className="ik-input ik-resolution-field"
        rows={2}
        value={text}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (empty) setEmpty(false);
        }}
      />
      {empty && (
        <p id={errorId} className="ik-inline-error" role="alert" data-slot="resolution-empty" dir="auto">
          {messages.resolutionEmpty}
        </p>
      )}
      <div className="ik-resolution-bar">
        <button type="button" className="ik-button" data-variant="ghost" onClick={onCancel}>
          {messages.cancel}
        </button>
        <button type="submit" className="ik-button" data-variant="primary">
          {messages.resolve}
        </button>
      </div>
    </form>
  );
}
