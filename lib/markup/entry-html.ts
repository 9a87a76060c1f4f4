import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import katex from 'katex'
import type { Raw } from 'mdast-util-to-hast'
import { MARKS, splitAuthors, type AuthorView } from '../domain/authors'
import { monthName, plural } from '../domain/format'
import { publicationLinks } from '../domain/links'
import { routes } from '../domain/routes.mjs'
import type { Author, PublicationFrontmatter } from '../domain/schema'
import type { Publication, Site } from '../domain/types'
import { PANELS, type Panel } from './entry-panel-kinds'
import { splitMath } from './math'
import { latexToPlainText } from './text'

/**
 * The parts of a publication the lists and the paper page show, as HTML made on the server
 * (hastscript, serialized by hast-util-to-html, which escapes every text and attribute). A list
 * carries its entries as one string per year, so the browser hydrates no element of them: a list
 * of hundreds costs React one node per year, and the page's data one copy of each entry.
 */

type Node = ElementContent | Raw

/**
 * As small as HTML allows, since a list carries its entries twice (in the page, and in its data
 * for React): no quotes where none are needed, single quotes where they are (no escaping in the
 * data's JSON), no optional end tags.
 */
const render = (nodes: Node[]) =>
  toHtml({ type: 'root', children: nodes } as Root, {
    allowDangerousHtml: true,
    preferUnquoted: true,
    quote: "'",
    omitOptionalTags: true,
  })

/** A title with its `$…$` math typeset by KaTeX, which escapes what it renders and allows no links or HTML. */
function titleNodes(title: string): Node[] {
  return splitMath(title).map((segment): Node =>
    segment.math
      ? h('span', [
          {
            type: 'raw',
            value: katex.renderToString(segment.tex, { throwOnError: false, output: 'htmlAndMathml' }),
          } as Raw as ElementContent,
        ])
      : { type: 'text', value: segment.text },
  )
}

export function titleHtml(title: string): string {
  return render(titleNodes(title))
}

function markTitle(marks: string): string {
  return Object.values(MARKS)
    .filter((mark) => marks.includes(mark.glyph))
    .map((mark) => mark.legend.replace(/^indicates /, ''))
    .join(', ')
}

function authorNode(author: AuthorView): Element {
  const name: ElementContent = author.url
    ? h('a', { href: author.url }, author.name)
    : { type: 'text', value: author.name }
  return h('span', { className: author.isOwner ? ['author', 'author-owner'] : ['author'] }, [
    author.isOwner ? h('strong', [name]) : name,
    ...(author.marks ? [h('sup', { className: ['author-marks'], title: markTitle(author.marks) }, author.marks)] : []),
  ])
}

/** "A, B, and C" in the al-folio style (or "A and B"); `endsList: false` leaves the list open. */
function joinNames(authors: AuthorView[], { endsList }: { endsList: boolean }): ElementContent[] {
  return authors.flatMap((author, index): ElementContent[] => {
    if (index === authors.length - 1) return [authorNode(author)]
    const beforeLast = index === authors.length - 2 && endsList
    const separator = beforeLast ? (authors.length === 2 ? ' and ' : ', and ') : ', '
    return [authorNode(author), { type: 'text', value: separator }]
  })
}

/** The hidden authors, each with the separator before it, to follow `shown` (left open). */
function joinRest(shown: AuthorView[], hidden: AuthorView[]): ElementContent[] {
  const total = shown.length + hidden.length
  return hidden.flatMap((author, index): ElementContent[] => {
    const last = index === hidden.length - 1
    const separator = !last ? ', ' : total === 2 ? ' and ' : ', and '
    return [{ type: 'text', value: separator }, authorNode(author)]
  })
}

/**
 * The author list. With `max`, authors past it hide behind "and N more authors": a native
 * disclosure, so it reveals them in place with JavaScript off too (the names are small). Opened,
 * the control and its "and" give way to the rest of the list, and the list takes focus
 * (`EntryPanels`). Without `max`, all are shown (paper pages).
 */
function authorsNode(authors: readonly Author[], ownerNames: readonly string[], max?: number): Element {
  const { shown, hidden } = splitAuthors(authors, { ownerNames, max: max ?? Number.POSITIVE_INFINITY })
  if (hidden.length === 0) return h('span', { className: ['authors'] }, joinNames(shown, { endsList: true }))
  return h('span', { className: ['authors'], tabIndex: -1 }, [
    ...joinNames(shown, { endsList: false }),
    h('span', { className: ['more-authors-and'] }, ', and '),
    h('details', { className: ['more-authors'] }, [
      h('summary', plural(hidden.length, 'more author')),
      ...joinRest(shown, hidden),
    ]),
  ])
}

export function authorsHtml(authors: readonly Author[], ownerNames: readonly string[], max?: number): string {
  return render([authorsNode(authors, ownerNames, max)])
}

/**
 * The identifier and file buttons (arXiv, DOI, PDF, code…), each named with the paper's title:
 * on a paper page by its label ("arXiv: …"); in a list, where every byte counts twice, by the
 * entry's title element (`aria-labelledby`, "arXiv …") rather than a copy of the title.
 */
function linkNodes(publication: PublicationFrontmatter, name: { title: string } | { titleId: string }): Element[] {
  return publicationLinks(publication).map((link) => {
    const named =
      'title' in name
        ? { ariaLabel: `${link.label}: ${name.title}` }
        : { id: `${name.titleId}${link.field}`, ariaLabelledBy: `${name.titleId}${link.field} ${name.titleId}` }
    return h('a', { className: ['button'], href: link.href, ...named }, link.label)
  })
}

export function linksHtml(publication: PublicationFrontmatter): string {
  return render(linkNodes(publication, { title: latexToPlainText(publication.title) }))
}

/** "Physics Reports 2021": the venue, then the date. */
function venueNodes(publication: PublicationFrontmatter, withMonth: boolean): ElementContent[] {
  const date = [withMonth ? monthName(publication.month) : undefined, publication.year].filter(Boolean).join(' ')
  return [
    ...(publication.venue
      ? [h('em', { className: ['venue'] }, publication.venue), { type: 'text' as const, value: ' ' }]
      : []),
    h('span', { className: ['year'] }, date),
  ]
}

/**
 * ABS and BIB: links to the paper page's sections, which is what they stay without JavaScript.
 * With it, the list's one `EntryPanels` makes them buttons that open the panel in place.
 */
function panelLinks(publication: Publication): Element[] {
  const panels: Panel[] = publication.body.trim() ? ['abstract', 'bibtex'] : ['bibtex']
  return panels.map((panel) =>
    h(
      'a',
      {
        className: ['button'],
        href: routes.publicationSection(publication.slug, PANELS[panel].anchor),
        dataPanel: panel,
      },
      PANELS[panel].label,
    ),
  )
}

/** One entry of a publication list, al-folio style: badge, title, authors, venue, buttons. */
function entryNode(publication: Publication, site: Site, titleLevel: 3 | 4, index: number): Element {
  const titleId = `t${index}`
  return h('li', { dataPub: publication.slug }, [
    h('article', { className: ['entry'], ariaLabelledBy: titleId }, [
      h('div', { className: ['entry-badge'] }, [
        ...(publication.venueShort ? [h('span', { className: ['badge'] }, publication.venueShort)] : []),
        // Beside the title it illustrates, so it says nothing of its own to a screen reader.
        ...(publication.thumbnail
          ? [
              h('img', {
                className: ['entry-thumbnail'],
                src: publication.thumbnail,
                alt: '',
                width: 160,
                height: 120,
                loading: 'lazy',
                decoding: 'async',
              }),
            ]
          : []),
      ]),
      h('div', { className: ['entry-body'] }, [
        h(`h${titleLevel}`, { className: ['entry-title'], id: titleId }, [
          // A plain link: a list of hundreds must not prefetch every paper it shows.
          h('a', { href: routes.publication(publication.slug) }, titleNodes(publication.title) as ElementContent[]),
        ]),
        // A div: "and N more authors" is a <details>, which a <p> may not hold.
        h('div', { className: ['entry-authors'] }, [
          authorsNode(publication.authors, site.nameVariants, site.maxAuthors),
        ]),
        h('p', { className: ['entry-venue'] }, [
          ...venueNodes(publication, false),
          ...(publication.award ? [h('span', { className: ['badge', 'badge-award'] }, publication.award)] : []),
        ]),
        h('div', { className: ['entry-buttons'] }, [
          ...panelLinks(publication),
          ...linkNodes(publication, { titleId }),
        ]),
      ]),
    ]),
  ])
}

/**
 * The entries of a list, in order, as the `<li>`s of its `<ol>`. `firstIndex` numbers them across
 * the page (their titles' ids), when a page holds several lists.
 */
export function entriesHtml(
  publications: readonly Publication[],
  site: Site,
  titleLevel: 3 | 4,
  firstIndex = 0,
): string {
  return render(publications.map((publication, index) => entryNode(publication, site, titleLevel, firstIndex + index)))
}
