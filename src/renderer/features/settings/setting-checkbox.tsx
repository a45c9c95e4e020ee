/**
 * One on/off setting: a checkbox with its label and, under it, a hint in smaller type. Settings
 * (keep secrets), Background (tray, launch at login) and Health (reminders) all use it.
 */
export function SettingCheckbox({
  label,
  hint,
  checked,
  onChange,
  disabled = false,
  dimmed = false,
  describedBy,
}: {
  label: string;
  /** Shown under the label; none when the setting needs no explaining (or cannot apply). */
  hint?: string | null;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Greyed out: the setting cannot take effect on this system. */
  dimmed?: boolean;
  /** The id of an element that says more (an error under the checkbox). */
  describedBy?: string;
}): React.JSX.Element {
  return (
    <label className={`checkbox${dimmed ? ' background-option-off' : ''}`}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {label}
        {hint ? <span className="field-hint"> {hint}</span> : null}
      </span>
    </label>
  );
}
