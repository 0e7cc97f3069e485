import { Field, Select } from '@fluentui/react-components';

export interface Option {
  value: string;
  label: string;
}

/** A labelled dropdown: `none` first (nothing chosen, value ""), then the options. */
export function Choice({
  label,
  hint,
  none,
  value,
  options,
  onPick,
}: {
  label: string;
  hint?: string;
  none: string;
  value: string | null;
  options: readonly Option[];
  onPick: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <Select value={value ?? ''} onChange={(_, d) => onPick(d.value)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** An option shown as its own value. */
export const asIs = (value: string): Option => ({ value, label: value });
