import fs from 'node:fs'
import path from 'node:path'
import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files'
import { env } from '../../env.mjs'
import { authorSchema, bodyCharacterProblem, publicationSchema, siteSchema, SLUG_PATTERN } from '../../domain/schema'
import { checkHandWrittenBody } from '../../markup/mdx-check'
import { versionOf } from '../version'
import { fieldsOf } from './fields'

/**
 * Contentlayer checks field types (read off the zod schema); the schema adds the finer rules
 * (month range, identifier formats, slug shape). A file that breaks one fails the build with its
 * name and field.
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

const fileOf = (doc: { _raw: { sourceFilePath: string } }) => path.join(env.contentDir, doc._raw.sourceFilePath)

const Author = defineNestedType(() => ({ name: 'Author', fields: fieldsOf(authorSchema) }))

export const Publication = defineDocumentType(() => ({
  name: 'Publication',
  filePathPattern: 'publications/*.mdx',
  // The body is kept as written (`body.raw`) and rendered on the server when a page needs it
  // (`lib/markup/abstract-html.ts`): compiling every body here made the build and each save grow with the list.
  contentType: 'markdown',
  fields: fieldsOf(publicationSchema, { authors: Author }),
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
      resolve: (doc) => fs.statSync(fileOf(doc)).mtime.toISOString(),
    },
    version: {
      type: 'string',
      // The version the dashboard's editor carries: saving over a file changed since is a conflict.
      resolve: (doc) => versionOf(fs.readFileSync(fileOf(doc), 'utf8')),
    },
  },
}))

export const Site = defineDocumentType(() => ({
  name: 'Site',
  filePathPattern: 'site.yaml',
  contentType: 'data',
  isSingleton: true,
  fields: fieldsOf(siteSchema),
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
