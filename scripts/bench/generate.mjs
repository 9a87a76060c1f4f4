// A synthetic, reproducible publication list in the shape of content/publications: N papers with
// 1–30 authors (the owner among them, co-first and corresponding marks), abstracts with inline
// and display math, every publication type, links and tags. The same N always gives the same files.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../lib/content/contentlayer/paths.mjs'

/**
 * mulberry32: small, fast, and the same on every machine.
 * @param {number} seed
 * @returns {() => number} a number in [0, 1) per call
 */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'Leonardo',
  'Alessandro',
  'Mario',
  'Matthieu',
  'Francesco',
  'Umberto M.',
  'Jonas',
  'Kevin',
  'Eric',
  'Stefano',
  'Antonio',
  'Clément',
  'Hugo',
  'Zoë',
  'Ayşe',
  'José',
  'Núria',
  'Björn',
  'Søren',
  'Łukasz',
  'Wei',
  'Yuki',
  'Priya',
  'Olga',
  'Chiara',
  'Marie',
  'Sebastian',
  'Ana',
  'Tomás',
  'Ines',
  'Rahul',
  'Mei',
  'Kwame',
  'Fatima',
  'Ivan',
  'Elena',
  'Pierre',
  'Giulia',
  'Daniel',
  'Sara',
]
const LAST = [
  'Geiger',
  'Favero',
  'Wyart',
  'Cagnetta',
  'Tomasini',
  'Paccolat',
  'Tyloo',
  'Vanden-Eijnden',
  'Spigler',
  'Sclocchi',
  'Rossi',
  'Müller',
  'García',
  'Dubois',
  'Nakamura',
  'Zhang',
  'Kowalski',
  'Andersson',
  'Øster',
  'Yılmaz',
  'Novák',
  'Ferreira',
  'Okafor',
  'Haddad',
  'Ivanova',
  'Bianchi',
  'Lefèvre',
  "O'Connor",
  'Schmidt',
  'Kumar',
  'Chen',
  'Moreau',
  'Larsen',
  'Costa',
  'Popescu',
  'Nguyen',
  'Weber',
  'de la Cruz',
  'van der Berg',
  'Sato',
]
const SUBJECTS = [
  'deep networks',
  'kernel methods',
  'random features',
  'convolutional networks',
  'transformers',
  'diffusion models',
  'spin glasses',
  'jamming',
  'gradient descent',
  'neural tangent kernels',
  'sparse features',
  'hierarchical data',
  'invariant manifolds',
  'generative models',
  'attention layers',
  'wide networks',
  'graph neural networks',
  'teacher-student models',
  'random hierarchy models',
  'mean-field dynamics',
]
const VERBS = [
  'Learning',
  'Understanding',
  'Scaling laws for',
  'A theory of',
  'Phase diagram of',
  'Sample complexity of',
  'Implicit bias in',
  'Feature learning in',
  'Stability of',
  'Compression in',
  'Dynamics of',
  'On the geometry of',
  'Generalization in',
  'Symmetries of',
  'Critical behaviour of',
]
const QUALIFIERS = [
  'with training',
  'at large width',
  'in high dimension',
  'beyond the lazy regime',
  'under diffeomorphisms',
  'on the sphere',
  'with few samples',
  'and the curse of dimensionality',
  'near the jamming transition',
  'for image classification',
  'without labels',
  'at initialization',
  'across scales',
  'in the feature-learning regime',
  'with noisy labels',
]
const MATH_TITLES = [
  '$\\ell_1$ regularization',
  '$k$-sparse targets',
  'the $\\alpha$-scaling limit',
  '$O(\\sqrt{n})$ sample complexity',
]
const TAGS = [
  'deep learning theory',
  'invariance',
  'kernel methods',
  'feature learning',
  'phase diagram',
  'jamming',
  'diffeomorphisms',
  'convolutional networks',
  'generalization',
  'statistical physics',
  'optimization',
  'scaling laws',
  'diffusion',
  'sparsity',
  'representation learning',
  'random matrices',
  'hierarchical models',
  'language models',
  'curse of dimensionality',
  'teacher-student',
]
const WORDS =
  'we show that the network learns a representation whose dimension decreases with depth while the test error follows a power law in the number of training points this behaviour is explained by a simple model in which the relevant features are sparse and the irrelevant directions are smooth we compute the exponents analytically and confirm them on benchmark data sets of images and text finally we discuss how these results bear on the curse of dimensionality and on the choice of architectures for practical tasks'.split(
    ' ',
  )
const INLINE_MATH = [
  '$\\epsilon_t \\approx 0.2\\sqrt{R_f}$',
  '$(h,\\alpha)$',
  '$d$',
  '$P^{-\\beta}$',
  '$\\beta = \\frac{2}{d}$',
  '$\\mathcal{O}(n \\log n)$',
  '$\\lambda_{\\max}$',
  '$f^*(x) = \\sum_i a_i \\phi_i(x)$',
  '$\\nabla_\\theta \\mathcal{L}$',
  '$\\mathbb{E}[\\|x\\|^2]$',
]
const DISPLAY_MATH = [
  '$$\n\\epsilon(P) \\sim P^{-\\beta}, \\qquad \\beta = \\frac{s}{d}\n$$',
  '$$\n\\mathcal{L}(\\theta) = \\frac{1}{P} \\sum_{\\mu=1}^{P} \\ell\\big(f_\\theta(x_\\mu), y_\\mu\\big)\n$$',
  "$$\nK(x, x') = \\mathbb{E}_{\\theta}\\left[\\nabla_\\theta f(x) \\cdot \\nabla_\\theta f(x')\\right]\n$$",
]
/** @typedef {keyof typeof VENUES} PaperType */
/** @type {Record<string, [venue: string, short: string][]>} */
const VENUES = {
  article: [
    ['Physical Review E', 'Phys. Rev. E'],
    ['Journal of Statistical Mechanics: Theory and Experiment', 'J. Stat. Mech.'],
    ['Physics Reports', 'Phys. Rep.'],
    ['Journal of Machine Learning Research', 'JMLR'],
    ['Proceedings of the National Academy of Sciences', 'PNAS'],
  ],
  conference: [
    ['Advances in Neural Information Processing Systems', 'NeurIPS'],
    ['International Conference on Machine Learning', 'ICML'],
    ['International Conference on Learning Representations', 'ICLR'],
    ['Conference on Learning Theory', 'COLT'],
  ],
  preprint: [['arXiv preprint', 'arXiv']],
  thesis: [['École Polytechnique Fédérale de Lausanne', 'PhD thesis']],
  book: [['Cambridge University Press', 'Book']],
  chapter: [['Statistical Physics of Machine Learning (Springer)', 'Chapter']],
  talk: [['Workshop on the Theory of Deep Learning', 'Talk']],
  other: [['Lecture notes', 'Notes']],
}
// Roughly how a working scientist's list splits: mostly journal and conference papers.
/** @type {[PaperType, number][]} */
const TYPE_WEIGHTS = [
  ['article', 35],
  ['conference', 30],
  ['preprint', 15],
  ['talk', 8],
  ['chapter', 4],
  ['thesis', 3],
  ['book', 2],
  ['other', 3],
]

export const OWNER = 'Leonardo Petrini'

/** @param {string} title */
function slugOf(title) {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= 100) return slug
  return slug.slice(0, 100).replace(/-[^-]*$/, '')
}

/** YAML double-quoted scalar (JSON strings are valid YAML). */
/** @param {string} value */
const quote = (value) => JSON.stringify(value)

/** @typedef {{ name: string, equalContribution?: boolean, corresponding?: boolean, url?: string }} Author */

/**
 * @param {number} index
 * @param {number} count
 * @param {() => number} rand
 * @param {Set<string>} usedSlugs
 */
function makePaper(index, count, rand, usedSlugs) {
  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  const pick = (list) => {
    const item = list[Math.floor(rand() * list.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  /** @param {number} p */
  const chance = (p) => rand() < p

  let type = 'other'
  let roll = rand() * 100
  for (const [name, weight] of TYPE_WEIGHTS) {
    if ((roll -= weight) < 0) {
      type = name
      break
    }
  }

  const base = `${pick(VERBS)} ${chance(0.1) ? pick(MATH_TITLES) : pick(SUBJECTS)} ${pick(QUALIFIERS)}`
  // Titles repeat in a long list; a part number keeps the slugs unique (titles stay under 100 characters).
  let title = base
  for (let part = 2; usedSlugs.has(slugOf(title)); part++) title = `${base}, part ${part}`
  const slug = slugOf(title)
  usedSlugs.add(slug)

  // Newest papers first in the index; a long career spreads over the years, more papers recently.
  const span = Math.max(1, Math.min(40, Math.ceil(count / 10)))
  const year = 2025 - Math.floor(span * (index / count) ** 1.3)

  // Most papers have 2–8 authors; collaborations reach 30.
  const authorCount = chance(0.08) ? 10 + Math.floor(rand() * 21) : chance(0.1) ? 1 : 2 + Math.floor(rand() * 7)
  const ownerAt = authorCount === 1 ? 0 : Math.floor(rand() * Math.min(authorCount, 4))
  const names = new Set()
  /** @type {Author[]} */
  const authors = []
  for (let i = 0; i < authorCount; i++) {
    let name = i === ownerAt ? OWNER : `${pick(FIRST)} ${pick(LAST)}`
    while (names.has(name)) name = `${pick(FIRST)} ${pick(LAST)}`
    names.add(name)
    authors.push({ name })
  }
  if (authorCount > 1 && chance(0.25)) {
    const coFirst = authorCount > 2 && chance(0.3) ? 3 : 2
    for (const author of authors.slice(0, coFirst)) author.equalContribution = true
  }
  const last = authors.at(-1)
  if (last && authorCount > 2 && chance(0.3)) last.corresponding = true
  if (last && chance(0.05)) last.url = 'https://example.org/people/' + slugOf(last.name)

  const [venue, venueShort] = pick(VENUES[type] ?? [])
  const lines = ['---', `title: ${quote(title)}`, `year: ${year}`]
  if (chance(0.6)) lines.push(`month: ${1 + Math.floor(rand() * 12)}`)
  if (chance(0.2)) lines.push(`order: ${1 + Math.floor(rand() * 5)}`)
  lines.push('authors:')
  for (const author of authors) {
    lines.push(`  - name: ${quote(author.name)}`)
    if (author.equalContribution) lines.push('    equalContribution: true')
    if (author.corresponding) lines.push('    corresponding: true')
    if (author.url) lines.push(`    url: ${author.url}`)
  }
  lines.push(`venue: ${quote(type === 'conference' ? `${venue} ${year - 1986} (${venueShort} ${year})` : venue)}`)
  lines.push(`venueShort: ${quote(venueShort)}`)
  if (type === 'article') {
    lines.push(
      `volume: "${10 + (year % 90)}"`,
      `issue: "${1 + Math.floor(rand() * 12)}"`,
      `pages: "${100 + index}–${112 + index}"`,
    )
  }
  lines.push(`type: ${type}`)
  const tags = new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAGS)))
  lines.push('tags:', ...[...tags].map((tag) => `  - ${tag}`))
  const arxivMonth = String(1 + Math.floor(rand() * 12)).padStart(2, '0')
  if (type !== 'talk' && type !== 'book' && chance(0.8))
    lines.push(`arxiv: "${String(year).slice(2)}${arxivMonth}.${String(10000 + index).slice(-5)}"`)
  if ((type === 'article' || type === 'conference') && chance(0.7))
    lines.push(`doi: 10.${1000 + (index % 9000)}/bench.${year}.${index}`)
  if (chance(0.5)) lines.push(`pdf: https://example.org/papers/${slug}.pdf`)
  if (chance(0.35)) lines.push(`code: https://github.com/example/${slug.slice(0, 40)}`)
  if (type === 'talk' || chance(0.1)) lines.push(`slides: https://example.org/slides/${index}.pdf`)
  if (chance(0.05)) lines.push(`poster: https://example.org/posters/${index}.pdf`)
  if (chance(0.05)) lines.push(`video: https://example.org/videos/${index}`)
  if (chance(0.05)) lines.push(`website: https://example.org/projects/${index}`)
  if (chance(0.03)) lines.push(`supplementary: https://example.org/supp/${index}.pdf`)
  if (chance(0.03)) lines.push(`award: ${pick(['Spotlight', 'Oral', 'Best paper award', 'Outstanding paper'])}`)
  // A handful of selected papers for the home page, and a few drafts, whatever the list's size.
  if (index % Math.max(1, Math.floor(count / 6)) === 1) lines.push('selected: true')
  if (count >= 20 && index % 97 === 50) lines.push('draft: true')
  if (chance(0.1)) lines.push(`bibtexKey: bench${index}${year}`)
  lines.push('---', '')

  // Talks and some others have no abstract; the rest 80–250 words with math.
  if (type !== 'talk' && chance(0.92)) {
    const sentences = []
    const words = 80 + Math.floor(rand() * 170)
    let written = 0
    while (written < words) {
      const length = 8 + Math.floor(rand() * 18)
      const sentence = Array.from({ length }, () => pick(WORDS))
      if (chance(0.5)) sentence.splice(Math.floor(rand() * length), 0, pick(INLINE_MATH))
      sentences.push(sentence.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.')
      written += length
    }
    const body = [sentences.join(' ')]
    if (chance(0.15)) body.push(pick(DISPLAY_MATH), 'This holds for all the architectures we tested.')
    lines.push(body.join('\n\n'), '')
  }
  return { slug, source: lines.join('\n') }
}

/**
 * Writes N papers and the repository's site.yaml into `<dir>/publications`, git-initialised
 * (the store commits on save). Returns the slugs in list order, newest first.
 * @param {string} dir
 * @param {number} count
 */
export function generateContent(dir, count, seed = 2025) {
  const rand = random(seed + count)
  const publications = path.join(dir, 'publications')
  fs.mkdirSync(publications, { recursive: true })
  fs.copyFileSync(path.join(projectRoot, 'content', 'site.yaml'), path.join(dir, 'site.yaml'))
  /** @type {Set<string>} */
  const used = new Set()
  const papers = []
  for (let index = 0; index < count; index++) {
    const paper = makePaper(index, count, rand, used)
    fs.writeFileSync(path.join(publications, `${paper.slug}.mdx`), paper.source)
    papers.push(paper)
  }
  const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git(
    '-c',
    'user.name=Bench',
    '-c',
    'user.email=bench@example.org',
    'commit',
    '-qm',
    `Synthetic list of ${count} papers`,
  )
  return papers.map(({ slug, source }) => ({
    slug,
    draft: /\ndraft: true\n/.test(source),
    hasAbstract: !/\n---\n$/.test(source),
  }))
}
