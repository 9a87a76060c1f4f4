import { Fragment } from 'react'
import type { EditorValues } from '@/lib/admin/editor-form'
import { FIELDS, fieldLabel, labelText, NEW_SLUG_HINT, type FieldName } from '@/lib/domain/fields'
import { PUBLICATION_TYPE_LABELS, PUBLICATION_TYPES } from '@/lib/domain/publication-types'
import { monthName } from '@/lib/domain/format'
import { AuthorsEditor } from '../authors-editor'
import { CardPreview } from '../card-preview'
import { MediaField } from '../media-field'
import { BodyEditor } from './body-editor'
import { CheckboxField, SelectField, TextField } from './inputs'

type Part = FieldName | 'card-preview'
/** A part alone, or parts side by side (`field-row`; checkboxes: `checks`). */
type Row = Part | readonly FieldName[]

/** The editor's fieldsets, in order: which field goes where. What each field is comes from the field table. */
const SECTIONS: readonly { legend: string; rows: readonly Row[] }[] = [
  { legend: 'Basics', rows: ['title', ['slug'], ['type', 'year', 'month', 'order']] },
  { legend: 'Authors', rows: ['authors'] },
  { legend: 'Venue', rows: ['venue', ['venueShort', 'volume', 'issue', 'pages'], 'award'] },
  {
    legend: 'Identifiers and links',
    rows: [
      ['arxiv', 'doi', 'bibtexKey'],
      ['code', 'slides', 'poster'],
      ['video', 'website', 'supplementary'],
    ],
  },
  { legend: 'Files', rows: [['pdf', 'thumbnail']] },
  { legend: 'Topics and visibility', rows: ['tags', ['draft', 'selected']] },
  { legend: 'Social card', rows: ['card-preview'] },
  { legend: 'Abstract', rows: ['body'] },
]

const OPTIONS: Record<'type' | 'month', readonly (readonly [string, string])[]> = {
  type: PUBLICATION_TYPES.map((type) => [type, PUBLICATION_TYPE_LABELS[type]]),
  month: Array.from({ length: 12 }, (_, i) => [String(i + 1), monthName(i + 1) ?? '']),
}

export type FieldsProps = {
  values: EditorValues
  set: <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void
  /** The field's errors, joined, or undefined. */
  errorFor: (path: string) => string | undefined
  /** Called when the slug is typed by hand: from then on it no longer follows the title. */
  onSlugTyped: () => void
  /** Whether the slug still follows the title (a new paper whose slug was not typed). */
  slugFollowsTitle: boolean
}

/** Every input of the editor, rendered from the field table in the layout above. */
export function PublicationFields(props: FieldsProps) {
  return SECTIONS.map(({ legend, rows }) => (
    <fieldset key={legend}>
      <legend>{legend}</legend>
      {rows.map((row) =>
        typeof row === 'string' ? (
          <Fragment key={row}>{part(row, props)}</Fragment>
        ) : (
          <div
            key={row.join()}
            className={row.every((name) => FIELDS[name].input === 'checkbox') ? 'checks' : 'field-row'}
          >
            {row.map((name) => (
              <Fragment key={name}>{part(name, props)}</Fragment>
            ))}
          </div>
        ),
      )}
    </fieldset>
  ))
}

function part(name: Part, { values, set, errorFor, onSlugTyped, slugFollowsTitle }: FieldsProps) {
  const labelled = (path: string) => {
    const error = errorFor(path)
    return error ? `${fieldLabel(path)} ${error}` : undefined
  }
  switch (name) {
    case 'card-preview':
      return <CardPreview values={values} />
    case 'authors':
      return (
        <>
          {errorFor('authors') ? <p className="field-error">{labelled('authors')}</p> : null}
          <AuthorsEditor authors={values.authors} onChange={(authors) => set('authors', authors)} errorFor={labelled} />
        </>
      )
    case 'pdf':
    case 'thumbnail':
      // A paper's PDF may also be a link elsewhere; its thumbnail is always an upload.
      return (
        <MediaField
          id={`field-${name}`}
          kind={name}
          label={FIELDS[name].label}
          hint={name === 'pdf' ? 'Upload a PDF up to 20 MB, or give its address.' : FIELDS[name].hint}
          allowUrl={name === 'pdf'}
          value={values[name]}
          error={labelled(name)}
          onChange={(value) => set(name, value)}
        />
      )
    case 'body':
      return <BodyEditor value={values.body} onChange={(body) => set('body', body)} error={labelled('body')} />
    case 'draft':
    case 'selected':
      return (
        <CheckboxField label={labelText(FIELDS[name])} checked={values[name]} onChange={(value) => set(name, value)} />
      )
    case 'type':
    case 'month':
      return (
        <SelectField
          id={`field-${name}`}
          name={name}
          label={labelText(FIELDS[name])}
          value={values[name]}
          options={OPTIONS[name]}
          onChange={(value) => set(name, value)}
          invalid={errorFor(name) !== undefined}
        />
      )
    default: {
      const spec = FIELDS[name]
      return (
        <TextField
          id={`field-${name}`}
          name={name}
          label={labelText(spec)}
          type={spec.input === 'url' ? 'url' : 'text'}
          inputMode={spec.input === 'numeric' ? 'numeric' : undefined}
          value={values[name]}
          placeholder={spec.placeholder}
          hint={name === 'slug' && slugFollowsTitle ? NEW_SLUG_HINT : spec.hint}
          error={labelled(name)}
          onChange={(value) => {
            if (name === 'slug') onSlugTyped()
            set(name, value)
          }}
        />
      )
    }
  }
}
