/**
 * Marks an outbound message by its direction only: the message model has no
 * author (an agent, the AI or an automation may have sent it), so the UI says
 * "Sent", never "You". An arrow for the eye, the words for screen readers. A
 * `<bdi>`, so its English-or-other text never decides the direction of the
 * message text beside it (`dir="auto"` skips `bdi` descendants).
 */
export function SentMark({ text }: { text: string }) {
  return (
    <bdi className="ik-sent-mark" data-slot="sent-mark">
      <svg className="ik-sent-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4 12 12 4M6 4h6v6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="ik-visually-hidden">{text}</span>
    </bdi>
  );
}
