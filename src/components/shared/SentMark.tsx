/**
 * Marks an outbound message by its direction only: the message model has no
 * author (an agent, the AI or an automation may have sent it), so the UI says
 * "Sent", never "You". An arrow for the eye (drawn by the stylesheet), the
 * words for screen readers. A `<bdi>`, so its English-or-other text never
 * decides the direction of the message text beside it (`dir="auto"` skips
 * `bdi` descendants).
 */
export function SentMark({ text }: { text: string }) {
  return (
    <bdi className="ik-sent-mark" data-slot="sent-mark">
      <span className="ik-visually-hidden">{text}</span>
    </bdi>
  );
}
