import fs from 'node:fs'
import path from 'node:path'
import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files'
import { env } from './lib/env.mjs'
import {
  bodyCharacterProblem,
  PUBLICATION_TYPES,
  publicationSchema,
  siteSchema,
  SLUG_PATTERN,
} from './lib/domain/schema'
import { checkHandWrittenBody } from './lib/markup/mdx-check'

/**
 * Contentlayer checks field types; the shared zod schema adds the finer rules (month range,
 * identifier formats, slug shape). A file that breaks one fails the build with its name and field.
 */
function assertValid(schema: typeof publicationSchema | typeof siteSchema, raw: Record<string, unknown>, file: string) {
  const { _id, _raw, documentType, body, slug, valid, ...fields } = raw
  // Contentlayer hands lists over as its own collection type; plain JSON is what the schema knows.
  const result = schema.safeParse(JSON.parse(JSON.stringify(fields)))
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'} ${issue.message}`)
    throw new Error(`Invalid ${file}: ${issues.join('; ')}`)
  }
}

/**
 * Contentlayer's markdown step with nothing to do: it parses the frontmatter, and `body.html` is
 * left empty since the site renders bodies itself.
 */
function rawBodyOnly(builder: { use: (plugin: () => void) => unknown }) {
  builder.use(function (this: { parser: unknown; compiler: unknown }) {
    this.parser = () => ({ type: 'root', children: [] })
    this.compiler = () => ''
  })
}

const Author = defineNestedType(() => ({
  name: 'Author',
  fields: {
    name: { type: 'string', required: true },
    equalContribution: { type: 'boolean' },
    corresponding: { type: 'boolean' },
    url: { type: 'string' },
  },
}))

export const Publication = defineDocumentType(() => ({
  name: 'Publication',
  filePathPattern: 'publications/*.mdx',
  // The body is kept as written (`body.raw`) and rendered on the server when a page needs it
  // (`lib/markup/abstract-html.ts`): compiling every body here made the build and each save grow with the list.
  contentType: 'markdown',
  fields: {
    title: { type: 'string', required: true },
    year: { type: 'number', required: true },
    month: { type: 'number' },
    order: { type: 'number' },
    authors: { type: 'list', of: Author, required: true },
    venue: { type: 'string' },
    venueShort: { type: 'string' },
    volume: { type: 'string' },
    issue: { type: 'string' },
    pages: { type: 'string' },
    type: { type: 'enum', options: [...PUBLICATION_TYPES] },
    tags: { type: 'list', of: { type: 'string' } },
    arxiv: { type: 'string' },
    doi: { type: 'string' },
    pdf: { type: 'string' },
    code: { type: 'string' },
    slides: { type: 'string' },
    poster: { type: 'string' },
    video: { type: 'string' },
    website: { type: 'string' },
    supplementary: { type: 'string' },
    award: { type: 'string' },
    selected: { type: 'boolean' },
    draft: { type: 'boolean' },
    bibtexKey: { type: 'string' },
  },
  computedFields: {
    slug: {
      type: 'string',
      resolve: async (doc) => {
        const file = doc._raw.sourceFilePath
        const slug = path.basename(file, '.mdx')
        if (!SLUG_PATTERN.test(slug)) {
          throw new Error(`Invalid ${file}: file name must be a slug of a-z, 0-9 and single hyphens`)
        }
        assertValid(publicationSchema, doc, file)
        // The body is kept as written: hold a hand-edited one to the rules the dashboard applies.
        const bodyProblem = bodyCharacterProblem(doc.body.raw) ?? (await checkHandWrittenBody(doc.body.raw, file))
        if (bodyProblem) throw new Error(`Invalid ${file}: ${bodyProblem}`)
        return slug
      },
    },
    lastModified: {
      type: 'date',
      // The file's modification time: the dashboard rewrites the file on every save.
      resolve: (doc) => fs.statSync(path.join(env.contentDir, doc._raw.sourceFilePath)).mtime.toISOString(),
    },
  },
}))

export const Site = defineDocumentType(() => ({
  name: 'Site',
  filePathPattern: 'site.yaml',
  contentType: 'data',
  isSingleton: true,
  fields: {
    owner: { type: 'string', required: true },
    nameVariants: { type: 'list', of: { type: 'string' } },
    title: { type: 'string', required: true },
    description: { type: 'string', required: true },
    bio: { type: 'string' },
    maxAuthors: { type: 'number' },
    links: { type: 'json' },
  },
  computedFields: {
    valid: {
      type: 'boolean',
      resolve: (doc) => {
        assertValid(siteSchema, doc, doc._raw.sourceFilePath)
        return true
      },
    },
  },
}))

export default makeSource({
  contentDirPath: env.contentDir,
  documentTypes: [Publication, Site],
  onExtraFieldData: 'fail',
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  // Contentlayer names the document type in `type` by default; our frontmatter uses `type` for the kind of publication.
  fieldOptions: { typeFieldName: 'documentType' },
  markdown: rawBodyOnly,
})
