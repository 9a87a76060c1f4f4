import { SelectOptions } from '@/components/ui/select-options'
import type { HTMLAttributes } from 'react'

type Props = {
  id: string
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  /** Shown under the input. */
  hint?: string
  /** The whole message shown under the input when the value is refused. */
  error?: string
  type?: 'text' | 'url'
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  placeholder?: string
  autoComplete?: 'off'
}

/** A labelled one-line input with its hint and its error, both tied to it for screen readers. */
export function TextField({ id, label, hint, error, onChange, type = 'text', ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        {...input}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** A checkbox inside its label. */
export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  )
}

/** A labelled choice from a fixed list, with "(not set)" first. */
export function SelectField({
  id,
  name,
  label,
  value,
  options,
  onChange,
  invalid,
}: {
  id: string
  name: string
  label: string
  value: string
  options: readonly (readonly [value: string, label: string])[]
  onChange: (value: string) => void
  invalid: boolean
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid ? true : undefined}
      >
        <SelectOptions none="(not set)" options={options} />
      </select>
    </div>
  )
}
