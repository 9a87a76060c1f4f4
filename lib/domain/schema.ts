import { z } from 'zod'
import { PUBLICATION_TYPES } from './publication-types'
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from './slug-rule.mjs'
import { isLinkTarget } from './urls.mjs'

// Zod tests whether it may compile validators with `Function('')`. The pages' Content-Security-
// Policy forbids eval, so in the browser that test is a reported violation: skip it.
z.config({ jitless: true })

/**
 * The one schema of a publication's frontmatter. The admin form, the server actions, the
 * BibTeX importer and the serializer all use it; `contentlayer.config.ts` declares the same
 * fields for the build, and `lib/domain/schema.test.ts` proves the two agree.
 */

export { PUBLICATION_TYPES, PUBLICATION_TYPE_LABELS, type PublicationType } from './publication-types'

/** Link fields in the order their buttons appear, with the label each button shows. */
export const LINK_FIELDS = [
  ['pdf', 'PDF'],
  ['arxiv', 'arXiv'],
  ['doi', 'DOI'],
  ['code', 'Code'],
  ['slides', 'Slides'],
  ['poster', 'Poster'],
  ['video', 'Video'],
  ['website', 'Website'],
  ['supplementary', 'Supp'],
] as const
export type LinkField = (typeof LINK_FIELDS)[number][0]

export { MAX_SLUG_LENGTH, SLUG_PATTERN }
/** What BibTeX, biber and every importer we know read as one key. */
export const BIBTEX_KEY_PATTERN = /^[A-Za-z0-9_:.-]+$/
/** Names Windows reserves for devices, with any extension: `con.mdx` cannot be checked out there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/
export const isWindowsReserved = (slug: string) => WINDOWS_RESERVED.test(slug)

/**
 * Why a slug is refused, or undefined when it is fine. Checked before any file operation: with
 * only a-z, 0-9 and inner hyphens, no slug can name a path outside the publications folder.
 */
export function slugProblem(slug: unknown): string | undefined {
  if (typeof slug !== 'string' || slug.length === 0) return 'is required'
  if (slug.length > MAX_SLUG_LENGTH) return `must be at most ${MAX_SLUG_LENGTH} characters`
  if (!SLUG_PATTERN.test(slug))
    return 'may contain only lowercase letters a–z, digits and single hyphens between them (e.g. my-paper-title)'
  if (isWindowsReserved(slug))
    return `may not be ${slug}: Windows reserves that name, so the content could not be checked out there`
  return undefined
}

/**
 * What no field may hold: characters XML 1.0 forbids (so `/feed.xml` could not carry them),
 * other control characters, U+FFFE/U+FFFF and lone surrogates (a file cannot store them as
 * UTF-8). Single-line fields also refuse tabs and line breaks, U+2028 and U+2029 included: a
 * title, a name or a venue is one line on the page, in the feed and in every citation format.
 */
const FORBIDDEN_IN_LINE = /[\p{Cc}\u2028\u2029\ufffe\uffff]|\p{Cs}/u
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u

function describeCharacter(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0
  const name =
    code === 0x9
      ? 'a tab'
      : code === 0xa || code === 0xd
        ? 'a line break'
        : code === 0x2028
          ? 'a line separator'
          : code === 0x2029
            ? 'a paragraph separator'
            : 'a control or invalid character'
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${index + 1}`
}

/** Why `text` cannot be stored in a single-line field (or, with `multiline`, a text that may hold tabs and line breaks), or undefined when it can. */
export function characterProblem(text: string, multiline = false): string | undefined {
  const found = (multiline ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE).exec(text)
  if (!found) return undefined
  return `must not contain ${describeCharacter(text, found.index)}${multiline ? '' : '; it must be a single line'}`
}

const printable =
  (multiline = false) =>
  (value: string, ctx: z.RefinementCtx) => {
    const problem = characterProblem(value, multiline)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }

const text = (max: number, multiline = false) =>
  z.string().trim().max(max, `must be at most ${max} characters`).superRefine(printable(multiline))
const optionalText = (max: number) => text(max).min(1, 'must not be empty').optional()

/** The largest abstract (MDX body) a paper may have, in bytes of UTF-8. */
export const MAX_BODY_BYTES = 256 * 1024

/** Why an abstract is too long to be saved, or undefined. */
export function bodySizeProblem(body: string): string | undefined {
  const bytes = new TextEncoder().encode(body).length
  return bytes > MAX_BODY_BYTES
    ? `The abstract is ${Math.ceil(bytes / 1024)} kB; the limit is ${MAX_BODY_BYTES / 1024} kB.`
    : undefined
}

/**
 * Why an abstract (MDX body) cannot be saved for its characters, or undefined. Tabs and line
 * breaks are its own; other control characters are not, nor a numeric character reference to a
 * code point that is no character (`&#x110000;`, `&#0;`, `&#xD800;`), which no output could carry.
 */
export function bodyCharacterProblem(body: string): string | undefined {
  const found = FORBIDDEN_IN_TEXT.exec(body)
  if (found)
    return `The abstract must not contain ${describeCharacter(body, found.index)} (line ${lineAt(body, found.index)}).`
  for (const reference of body.matchAll(/&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));/g)) {
    const [whole, hex, decimal] = reference
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)
    const forbidden =
      code === 0 ||
      code > 0x10ffff ||
      (code >= 0xd800 && code <= 0xdfff) ||
      FORBIDDEN_IN_TEXT.test(String.fromCodePoint(code))
    if (forbidden)
      return `The abstract must not contain ${whole} (line ${lineAt(body, reference.index)}): it names no character that can be shown.`
  }
  return undefined
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** An absolute http(s) URL, or a path on this site (e.g. `/papers/x.pdf`). */
const link = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine(isLinkTarget, 'must be an http(s) URL or a path starting with /')
  // After the URL check: `new URL` quietly drops tabs and line breaks, the file would keep them.
  .superRefine(printable())
  .optional()

/*
 * A file uploaded to the site (lib/media) is `/media/<hash of its bytes>.<ext>`: the name is its
 * content, so the address never changes what it serves and may be cached for ever.
 */

/** An uploaded image (a photo, a thumbnail): one of ours, never an address elsewhere that could track visitors. */
const mediaImage = z
  .string()
  .trim()
  .regex(/^\/media\/[0-9a-f]{16}\.(jpg|png|webp)$/, 'must be an image uploaded here (/media/…)')
  .optional()

export const authorSchema = z.object({
  name: text(200).min(1, 'is required'),
  equalContribution: z.boolean().optional(),
  corresponding: z.boolean().optional(),
  url: link,
})
export type Author = z.infer<typeof authorSchema>

export const publicationSchema = z.object({
  title: text(500).min(1, 'is required'),
  year: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1900, 'must be 1900 or later')
    .max(2100, 'must be 2100 or earlier'),
  month: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 12')
    .max(12, 'must be between 1 and 12')
    .optional(),
  order: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').optional(),
  authors: z.array(authorSchema).min(1, 'needs at least one author').max(500, 'must list at most 500 authors'),
  venue: optionalText(500),
  venueShort: optionalText(40),
  volume: optionalText(40),
  issue: optionalText(40),
  pages: optionalText(40),
  type: z.enum(PUBLICATION_TYPES, { error: `must be one of ${PUBLICATION_TYPES.join(', ')}` }).optional(),
  tags: z.array(text(60).min(1, 'must not be empty')).max(50, 'must list at most 50 tags').optional(),
  arxiv: z
    .string()
    .trim()
    .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, 'must be an arXiv id such as 2105.02468')
    .optional(),
  doi: z
    .string()
    .trim()
    .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1016/j.physrep.2021.04.001')
    .max(300, 'must be at most 300 characters')
    .superRefine(printable())
    .optional(),
  pdf: link,
  code: link,
  slides: link,
  poster: link,
  video: link,
  website: link,
  supplementary: link,
  /** Shown beside the entry on the list and the paper page, and on its social card. */
  thumbnail: mediaImage,
  award: optionalText(200),
  selected: z.boolean().optional(),
  draft: z.boolean().optional(),
  bibtexKey: z
    .string()
    .trim()
    .regex(BIBTEX_KEY_PATTERN, 'may use only letters, digits and _ : . -')
    .max(100, 'must be at most 100 characters')
    .optional(),
})
export type PublicationFrontmatter = z.infer<typeof publicationSchema>

/**
 * Whether an ORCID iD's last character is its ISO 7064 11-2 check digit: a mistyped digit is
 * refused here rather than linking the owner to someone else's record.
 */
export function orcidChecksumHolds(id: string): boolean {
  const digits = id.replace(/-/g, '')
  let total = 0
  for (const digit of digits.slice(0, 15)) total = (total + Number(digit)) * 2
  const check = (12 - (total % 11)) % 11
  return digits.at(-1) === (check === 10 ? 'X' : String(check))
}

const handle = (pattern: RegExp, example: string) =>
  z.string().trim().regex(pattern, `must be ${example}`).max(100, 'must be at most 100 characters').optional()

/**
 * The owner's profiles, each as the service names it (an id or a handle, not a URL the owner
 * could mistype): the home page builds the links (lib/domain/profile-links.ts).
 */
export const profileSchema = z.object({
  email: z.string().trim().max(200, 'must be at most 200 characters').email('must be an email address').optional(),
  orcid: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'must be an ORCID iD such as 0000-0002-1825-0097')
    .refine(orcidChecksumHolds, 'is not a valid ORCID iD: its check digit does not match (a digit is mistyped)')
    .optional(),
  scholar: handle(/^[A-Za-z0-9_-]{12}$/, 'a Google Scholar user id, the 12 characters after user= in its URL'),
  github: handle(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'a GitHub user name such as octocat'),
  bluesky: handle(
    /^(?=.{3,100}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
    'a Bluesky handle such as name.bsky.social',
  ),
  mastodon: handle(
    /^@?[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/,
    'a Mastodon address such as @name@mastodon.social',
  ),
  x: handle(/^@?[A-Za-z0-9_]{1,15}$/, 'an X user name such as @name'),
  linkedin: handle(/^[A-Za-z0-9-]{3,100}$/, 'the LinkedIn profile name after linkedin.com/in/'),
  cv: z
    .string()
    .trim()
    .regex(/^\/media\/[0-9a-f]{16}\.pdf$/, 'must be a PDF uploaded here (/media/…)')
    .optional(),
})
export type Profile = z.infer<typeof profileSchema>

export const siteLinkSchema = z.object({
  label: text(60).min(1, 'is required'),
  url: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .refine(isLinkTarget, 'must be an http(s) URL or a path starting with /')
    .superRefine(printable()),
})

export const siteSchema = z.object({
  owner: text(200).min(1, 'is required'),
  nameVariants: z.array(text(200).min(1, 'must not be empty')).max(50, 'must list at most 50 names').optional(),
  title: text(200).min(1, 'is required'),
  description: text(500).min(1, 'is required'),
  /** Markdown with math, rendered as an abstract is. */
  bio: text(4000, true).optional(),
  photo: mediaImage,
  maxAuthors: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(100, 'must be 100 or less')
    .optional(),
  profile: profileSchema.optional(),
  links: z.array(siteLinkSchema).max(30, 'must list at most 30 links').optional(),
})
export type SiteSettings = z.infer<typeof siteSchema>
