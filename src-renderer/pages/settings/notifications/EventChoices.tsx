import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../../../src-shared/settings.js';
import { useTexts } from './texts.js';

/** The events one channel reports, as a group of check boxes. */
export function EventChoices({ idPrefix, value, onChange }: { idPrefix: string; value: NotificationEvent[]; onChange: (v: NotificationEvent[]) => void }) {
  const tx = useTexts();
  const toggle = (event: NotificationEvent, on: boolean) =>
    onChange(on ? NOTIFICATION_EVENTS.filter((e) => e === event || value.includes(e)) : value.filter((e) => e !== event));
  return (
    <fieldset className="notify-events">
      <legend>{tx('events')}</legend>
      {NOTIFICATION_EVENTS.map((event) => (
        <div key={event} className="notify-check">
          <input
            type="checkbox"
            id={`${idPrefix}-event-${event}`}
            checked={value.includes(event)}
            onChange={(e) => toggle(event, e.target.checked)}
          />
          <label htmlFor={`${idPrefix}-event-${event}`}>{tx(`event_${event}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}
