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
  siteName: string
  siteHost: string
}

const ACCENT = '#9c0b94'
const INK = '#1f2328'
const MUTED = '#57606a'

function titleSize(title: string): number {
  if (title.length <= 50) return 68
  if (title.length <= 90) return 58
  if (title.length <= 140) return 50
  return 44
}

/**
 * The one social card (1200×630) for papers and the site: light, large type, readable as a
 * thumbnail. Rendered by next/og (Satori), which understands inline flexbox styles only.
 */
export function Card({ data }: { data: CardData }) {
  return (
    <div
      style={{ width: '100%', height: '100%', display: 'flex', background: '#ffffff', fontFamily: 'Inter', color: INK }}
    >
      <div style={{ width: 18, height: '100%', background: ACCENT, display: 'flex' }} />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', padding: '56px 72px 52px 64px' }}>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 28, color: MUTED, letterSpacing: 0.5 }}>
          <span style={{ fontWeight: 600, color: INK }}>{data.siteName}</span>
          <span style={{ margin: '0 14px' }}>·</span>
          <span>{data.kind === 'paper' ? 'publication' : 'publications'}</span>
        </div>
        <div
          style={{
            marginTop: 36,
            fontFamily: 'Source Serif',
            fontWeight: 600,
            fontSize: titleSize(data.title),
            lineHeight: 1.16,
            display: 'block',
            lineClamp: 4,
            color: INK,
          }}
        >
          {data.title}
        </div>
        {data.subtitle ? (
          <div style={{ marginTop: 24, fontSize: 32, lineHeight: 1.35, color: MUTED, display: 'block', lineClamp: 3 }}>
            {data.subtitle}
          </div>
        ) : null}
        {data.authors.length ? (
          <div
            style={{ marginTop: 28, fontSize: 30, lineHeight: 1.35, color: MUTED, display: 'flex', flexWrap: 'wrap' }}
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
              <span>{`and ${data.moreAuthors} more author${data.moreAuthors === 1 ? '' : 's'}`}</span>
            ) : null}
          </div>
        ) : null}
        <div style={{ marginTop: 'auto', display: 'flex', alignItems: 'center', fontSize: 28, color: MUTED }}>
          {data.badge ? (
            <span
              style={{
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
            <span style={{ display: 'block', lineClamp: 1, maxWidth: 640, marginRight: 18 }}>{data.venue}</span>
          ) : null}
          {data.year ? <span style={{ fontWeight: 600, color: INK }}>{data.year}</span> : null}
          <span style={{ marginLeft: 'auto' }}>{data.siteHost}</span>
        </div>
      </div>
    </div>
  )
}
