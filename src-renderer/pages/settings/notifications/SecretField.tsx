import { useTexts } from './texts.js';

/** A secret's input: never pre-filled (the API only says whether it is set), with a way to forget it. */
export function SecretField(props: {
  id: string;
  label: string;
  type: 'password' | 'url';
  isSet: boolean;
  value: string;
  onChange: (v: string) => void;
  clear: boolean;
  onClear: (v: boolean) => void;
}) {
  const tx = useTexts();
  const hint = `${props.id}-hint`;
  return (
    <div className="notify-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        autoComplete="off"
        value={props.value}
        aria-describedby={hint}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={hint} className="note">
        {props.isSet ? tx('secretSet') : tx('secretNotSet')}
      </span>
      {props.isSet && (
        <div className="notify-check">
          <input type="checkbox" id={`${props.id}-clear`} checked={props.clear} onChange={(e) => props.onClear(e.target.checked)} />
          <label htmlFor={`${props.id}-clear`}>{tx('clearSecret')}</label>
        </div>
      )}
    </div>
  );
}
