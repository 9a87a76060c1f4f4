import type { Author, PublicationFrontmatter } from './schema'

/**
 * The fields of a publication as people see them: the label, the input that edits it, its hint
 * and its example. The editor renders its inputs from this table, and every message that names a
 * field (the editor's errors, the dashboard's, the import's) takes the name from here. What a
 * field may hold is the schema's (`schema.ts`); no limit is repeated here.
 */

export type FieldName = keyof PublicationFrontmatter | 'slug' | 'body'

export type FieldInput =
  /** One line of text; `url` and `numeric` only change the keyboard a phone shows. */
  | 'text'
  | 'url'
  | 'numeric'
  /** A choice from a fixed list (the publication types, the months). */
  | 'select'
  | 'checkbox'
  /** Editors of their own: the authors list and the abstract. */
  | 'authors'
  | 'body'

export type FieldSpec = {
  label: string
  input: FieldInput
  /** Shown under the input. */
  hint?: string
  /** Shown in brackets after the label: "Draft (hidden from the public site)". */
  note?: string
  placeholder?: string
  /** How the field reads inside a sentence ("same title"), when not as its label. */
  inSentence?: string
}

const URL_EXAMPLE = 'https://'

export const FIELDS: Record<FieldName, FieldSpec> = {
  title: { label: 'Title', input: 'text', inSentence: 'title' },
  slug: { label: 'Slug', input: 'text', hint: 'Changing it moves the page to a new address.' },
  type: { label: 'Type', input: 'select' },
  year: { label: 'Year', input: 'numeric' },
  month: { label: 'Month', input: 'select' },
  order: {
    label: 'Position in year',
    input: 'numeric',
    hint: 'Optional: 1 shows first among papers of the same year and month.',
  },
  authors: { label: 'Authors', input: 'authors' },
  venue: { label: 'Venue', input: 'text', placeholder: 'Advances in Neural Information Processing Systems 35' },
  venueShort: { label: 'Venue badge', input: 'text', placeholder: 'NeurIPS' },
  volume: { label: 'Volume', input: 'text' },
  issue: { label: 'Issue', input: 'text' },
  pages: { label: 'Pages', input: 'text' },
  award: { label: 'Award', input: 'text', placeholder: 'Best paper award' },
  arxiv: { label: 'arXiv id', input: 'text', placeholder: '2105.02468' },
  doi: { label: 'DOI', input: 'text', placeholder: '10.1016/j.physrep.2021.04.001' },
  bibtexKey: {
    label: 'BibTeX key',
    input: 'text',
    hint: 'Optional; made from the first author, year and title when empty.',
  },
  pdf: { label: 'PDF', input: 'url', placeholder: URL_EXAMPLE },
  code: { label: 'Code link', input: 'url', placeholder: URL_EXAMPLE },
  slides: { label: 'Slides link', input: 'url', placeholder: URL_EXAMPLE },
  poster: { label: 'Poster link', input: 'url', placeholder: URL_EXAMPLE },
  video: { label: 'Video link', input: 'url', placeholder: URL_EXAMPLE },
  website: { label: 'Website', input: 'url', placeholder: URL_EXAMPLE },
  supplementary: { label: 'Supplementary link', input: 'url', placeholder: URL_EXAMPLE },
  thumbnail: {
    label: 'Thumbnail',
    input: 'url',
    hint: 'An image uploaded here, shown beside the entry and on its social card.',
  },
  tags: { label: 'Topics', input: 'text', hint: 'Separate with commas; papers sharing a topic are shown as related.' },
  draft: { label: 'Draft', input: 'checkbox', note: 'hidden from the public site' },
  selected: { label: 'Selected', input: 'checkbox', note: 'shown on the home page' },
  body: { label: 'Abstract', input: 'body', hint: 'Markdown with LaTeX math between $…$ (inline) or $$…$$ (display).' },
}

/** The slug's hint while a new paper's slug still follows its title. */
export const NEW_SLUG_HINT = 'Made from the title; the page address is /publications/<slug>.'

/** The fields of one author, as the authors editor shows them. */
export const AUTHOR_FIELDS: Record<keyof Author, FieldSpec> = {
  name: { label: 'Name', input: 'text' },
  url: { label: 'Link', input: 'url', note: 'optional', placeholder: URL_EXAMPLE },
  equalContribution: { label: 'Co-first author', input: 'checkbox', note: '*' },
  corresponding: { label: 'Corresponding author', input: 'checkbox', note: '†' },
}

const isField = (name: string): name is FieldName => Object.hasOwn(FIELDS, name)
const isAuthorField = (name: string): name is keyof Author => Object.hasOwn(AUTHOR_FIELDS, name)

/** A field's label, for a path as the schema reports it: "Author 2 › Name" for `authors.1.name`. */
export function fieldLabel(path: string): string {
  const [field = '', index, sub] = path.split('.')
  if (field === 'authors' && index !== undefined) {
    const subLabel = sub === undefined ? '' : isAuthorField(sub) ? AUTHOR_FIELDS[sub].label : sub
    return `Author ${Number(index) + 1}${subLabel ? ` › ${subLabel}` : ''}`
  }
  return isField(field) ? FIELDS[field].label : field
}

/** A field's name inside a sentence: "same DOI", "same title". */
export function fieldInSentence(name: FieldName): string {
  return FIELDS[name].inSentence ?? FIELDS[name].label
}

/** The text of a field's label: its label and, in brackets, its note. */
export function labelText(spec: FieldSpec): string {
  return spec.note ? `${spec.label} (${spec.note})` : spec.label
}
