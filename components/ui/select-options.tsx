/** A select's options: the empty choice first (`none`), then the list. */
export function SelectOptions({
  none,
  options,
}: {
  none: string
  options: readonly (readonly [value: string, label: string])[]
}) {
  return (
    <>
      <option value="">{none}</option>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  )
}
