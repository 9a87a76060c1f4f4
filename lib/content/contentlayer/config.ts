import fs from 'node:fs'
import path from 'node:path'
import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files'
import { env } from '../../env.mjs'
import { authorSchema, bodyCharacterProblem, publicationSchema, siteSchema, slugProblem } from '../../domain/schema'
import { checkHandWrittenBody } from '../../markup/mdx-check'
import { parsePublication } from '../../store/serialize'
import { versionOf } from '../version'
import { fieldsOf } from './fields'

/**
 * Contentlayer checks field types (read off the zod schema); the schema adds the finer rules
 * (month range, identifier formats, slug shape). A publication is held to them as the store reads
 * its file (`parsePublication`); the site settings here.
 */
function assertValidSite(raw: Record<string, unknown>, file: string) {
  const { _id, _raw, documentType, valid, ...fields } = raw
  // Contentlayer hands lists over as its own collection type; plain JSON is what the schema knows.
  const result = siteSchema.safeParse(JSON.parse(JSON.stringify(fields)))
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
        // The dashboard's rule, so that every file the site takes in is one it can open and save.
        const problem = slugProblem(slug)
        if (problem) throw new Error(`Invalid ${file}: the file name (its slug) ${problem}`)
        // The file as the store reads it (its YAML, every field, no unknown one): what Contentlayer
        // takes in is what the dashboard can open and save.
        try {
          parsePublication(fs.readFileSync(fileOf(doc), 'utf8'))
        } catch (error) {
          throw new Error(`Invalid ${file}: ${error instanceof Error ? error.message : String(error)}`)
        }
        // The body is kept as written: hold a hand-edited one to the rules the dashboard applies.
        const bodyProblem = bodyCharacterProblem(doc.body.raw) ?? (await checkHandWrittenBody(doc.body.raw, file))
        if (bodyProblem) throw new Error(`Invalid ${file}: ${bodyProblem}`)
        return slug
      },
    },
    lastModified: {
      type: 'date',
      // The file's modification time. The site dates a paper by its file's last commit instead
      // when there is one (./commit-dates.mjs); this is the date outside git.
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
        assertValidSite(doc, doc._raw.sourceFilePath)
        return true
      },
    },
  },
}))

/**
 * A file Contentlayer cannot take in is left out, with a warning naming the file and the field,
 * so that one file broken by hand never holds back the others in the server's regeneration. The
 * dashboard names it with its reason (`filesLeftOut` in lib/store), and `npm run build` stops on
 * it (scripts/contentlayer.mjs). A broken `site.yaml` stops Contentlayer itself.
 */
export default makeSource({
  contentDirPath: env.contentDir,
  documentTypes: [Publication, Site],
  // A field the schema does not know (a typo such as `venu:`) is named in a warning and ignored.
  onExtraFieldData: 'warn',
  onMissingOrIncompatibleData: 'skip-warn',
  onUnknownDocuments: 'skip-warn',
  disableImportAliasWarning: true,
  // Contentlayer names the document type in `type` by default; our frontmatter uses `type` for the kind of publication.
  fieldOptions: { typeFieldName: 'documentType' },
  markdown: rawBodyOnly,
})
