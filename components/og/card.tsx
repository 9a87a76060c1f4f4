import type { CSSProperties } from 'react'
import type { AuthorView } from '@/lib/domain/authors'

/** What a social card shows; built from a publication (or the editor's unsaved form) by lib/og. */
export type CardData = {
  kind: 'paper' | 'site'
  title: string
  /** A line under the title (the site card's description). */
  subtitle?: string
  authors: AuthorView[]
  moreAuthors: number
  venue?: string
  badge?: string
  year?: number
  /**
   * The paper's uploaded thumbnail (`/media/<name>`, a JPEG or PNG). Its name is a hash of its
   * bytes, so naming it here puts the picture into the card's version.
   */
  thumbnail?: string
  siteName: string
  siteHost: string
}

const ACCENT = '#9c0b94'
const INK = '#1f2328'
const MUTED = '#57606a'

// The column's height is shared out in advance so no part can push another off the card or into
// it: every row but the title has a fixed number of lines, and the title gets the rest.
const CONTENT_HEIGHT = 630 - 56 - 52
const CONTENT_WIDTH = 1200 - 18 - 64 - 72
/** The thumbnail beside the title and names, in its uploaded 4:3 shape (lib/media/kinds.ts). */
export const THUMBNAIL = { width: 360, height: 270, gap: 40 }
const HEADER = { fontSize: 28, lineHeight: 1.2 }
const AUTHORS = { fontSize: 30, lineHeight: 1.3, lines: 2 }
const SUBTITLE = { fontSize: 32, lineHeight: 1.35, lines: 3 }
const FOOTER_HEIGHT = 46
const GAP = { title: 28, below: 24, footer: 24 }
const TITLE_LINE_HEIGHT = 1.15

const oneLine: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }

/** Text in at most `lines` lines, the last cut with an ellipsis; a word too long for a line is broken. */
function clamped(row: { fontSize: number; lineHeight: number; lines: number }): CSSProperties {
  const { fontSize, lineHeight, lines } = row
  return { display: 'block', lineClamp: lines, wordBreak: 'break-word', flexShrink: 0, fontSize, lineHeight }
}

function rowHeight(row: { fontSize: number; lineHeight: number; lines: number }): number {
  return row.fontSize * row.lineHeight * row.lines
}

/** The width of the title and names: the content's, less the thumbnail's when it is drawn. */
function textWidth(image: string | undefined): number {
  return image ? CONTENT_WIDTH - THUMBNAIL.width - THUMBNAIL.gap : CONTENT_WIDTH
}

/**
 * The largest size at which a title of this length reads well; long titles get smaller type. A
 * narrower column holds fewer characters a line, so there the title counts as that much longer.
 */
function titleSize(title: string, width: number): number {
  const length = (title.length * CONTENT_WIDTH) / width
  if (length <= 40) return 72
  if (length <= 80) return 62
  if (length <= 140) return 52
  return 46
}

/** As many lines of the title as fit in what the other rows leave; the last is cut with an ellipsis. */
function titleLines(data: CardData, fontSize: number): number {
  const below = data.kind === 'paper' ? rowHeight(AUTHORS) : rowHeight(SUBTITLE)
  const fixed = HEADER.fontSize * HEADER.lineHeight + GAP.title + GAP.below + below + GAP.footer + FOOTER_HEIGHT
  return Math.max(1, Math.floor((CONTENT_HEIGHT - fixed) / (fontSize * TITLE_LINE_HEIGHT)))
}

/**
 * The one social card (1200×630) for papers and the site: light, large type, readable as a
 * thumbnail. Rendered by next/og (Satori), which understands inline flexbox styles only. The
 * `data-part` marks are what the layout test measures (`lib/og/card.test.ts`). `image` is the
 * paper's thumbnail as a data URL (lib/og reads it); without one the text takes the whole width.
 */
export function Card({ data, image }: { data: CardData; image?: string }) {
  const fontSize = titleSize(data.title, textWidth(image))
  return (
    <div
      style={{ width: '100%', height: '100%', display: 'flex', background: '#ffffff', fontFamily: 'Inter', color: INK }}
    >
      <div style={{ width: 18, height: '100%', background: ACCENT, display: 'flex' }} />
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', padding: '56px 72px 52px 64px' }}>
        <Header data={data} />
        <div style={{ display: 'flex', flexShrink: 0, marginTop: GAP.title }}>
          <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
            <div
              data-part="title"
              style={{
                ...clamped({ fontSize, lineHeight: TITLE_LINE_HEIGHT, lines: titleLines(data, fontSize) }),
                fontFamily: 'Source Serif',
                fontWeight: 600,
                color: INK,
              }}
            >
              {data.title}
            </div>
            {data.subtitle ? (
              <div data-part="subtitle" style={{ ...clamped(SUBTITLE), marginTop: GAP.below, color: MUTED }}>
                {data.subtitle}
              </div>
            ) : null}
            {data.authors.length ? <Authors data={data} /> : null}
          </div>
          {image ? <Thumbnail src={image} /> : null}
        </div>
        <Footer data={data} />
      </div>
    </div>
  )
}

function Header({ data }: { data: CardData }) {
  return (
    <div
      data-part="header"
      style={{
        display: 'flex',
        flexShrink: 0,
        alignItems: 'center',
        fontSize: HEADER.fontSize,
        lineHeight: HEADER.lineHeight,
        color: MUTED,
        letterSpacing: 0.5,
      }}
    >
      <span style={{ ...oneLine, fontWeight: 600, color: INK }}>{data.siteName}</span>
      <span style={{ flexShrink: 0, margin: '0 14px' }}>·</span>
      <span style={{ flexShrink: 0 }}>{data.kind === 'paper' ? 'publication' : 'publications'}</span>
    </div>
  )
}

/**
 * The picture in a thin frame, which sets a figure on white apart from the card. The frame is a
 * background, not a border: Satori draws a border as a path, and the layout test reads paths as text.
 */
function Thumbnail({ src }: { src: string }) {
  const { width, height, gap } = THUMBNAIL
  return (
    <div
      data-part="thumbnail"
      style={{ display: 'flex', flexShrink: 0, width, height, padding: 1, marginLeft: gap, background: '#d0d7de' }}
    >
      {/* Satori draws an <img> from a data URL, nothing like next/image; the card's own text
          alternative (`cardImage`) describes the whole card. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt="" width={width - 2} height={height - 2} style={{ objectFit: 'cover' }} />
    </div>
  )
}

/**
 * Names in two lines at most. Satori lays out no inline text, so a list of styled names cannot be
 * cut with an ellipsis: lib/og shows as many as fit and counts the rest, and the box clips.
 */
function Authors({ data }: { data: CardData }) {
  return (
    <div
      data-part="authors"
      style={{
        marginTop: GAP.below,
        flexShrink: 0,
        maxHeight: rowHeight(AUTHORS),
        overflow: 'hidden',
        fontSize: AUTHORS.fontSize,
        lineHeight: AUTHORS.lineHeight,
        color: MUTED,
        display: 'flex',
        flexWrap: 'wrap',
      }}
    >
      {data.authors.map((author, index) => (
        <span key={index} style={{ display: 'flex', marginRight: 10 }}>
          <span style={author.isOwner ? { color: INK, fontWeight: 600, textDecoration: 'underline' } : {}}>
            {author.name}
          </span>
          {author.marks ? <span style={{ color: ACCENT, marginLeft: 2 }}>{author.marks}</span> : null}
          {index < data.authors.length - 1 || data.moreAuthors ? <span>,</span> : null}
        </span>
      ))}
      {data.moreAuthors ? (
        <span data-part="more-authors">{`and ${data.moreAuthors} more author${data.moreAuthors === 1 ? '' : 's'}`}</span>
      ) : null}
    </div>
  )
}

/** Badge, venue and year on the left, the host on the right: each one line, cut with an ellipsis. */
function Footer({ data }: { data: CardData }) {
  return (
    <div
      style={{
        marginTop: 'auto',
        paddingTop: GAP.footer,
        height: FOOTER_HEIGHT + GAP.footer,
        flexShrink: 0,
        display: 'flex',
        alignItems: 'center',
        fontSize: 28,
        color: MUTED,
      }}
    >
      <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center' }}>
        {data.badge ? (
          <span
            data-part="badge"
            style={{
              ...oneLine,
              flexShrink: 0,
              maxWidth: 360,
              background: ACCENT,
              color: '#ffffff',
              fontWeight: 600,
              padding: '6px 16px',
              borderRadius: 8,
              marginRight: 18,
            }}
          >
            {data.badge}
          </span>
        ) : null}
        {data.venue ? (
          <span data-part="venue" style={{ ...oneLine, flexShrink: 1, marginRight: 18 }}>
            {data.venue}
          </span>
        ) : null}
        {data.year ? (
          <span data-part="year" style={{ flexShrink: 0, fontWeight: 600, color: INK }}>
            {data.year}
          </span>
        ) : null}
      </div>
      <span data-part="host" style={{ ...oneLine, flexShrink: 0, maxWidth: 360, marginLeft: 48 }}>
        {data.siteHost}
      </span>
    </div>
  )
}
