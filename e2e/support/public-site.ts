import { expect, type Locator, type Page } from '@playwright/test'

/** The sample papers as the seed page lists them: newest year first, then the owner's order. */
export const PAPERS = [
  {
    slug: 'how-deep-convolutional-neural-networks-lose-spatial-information-with-training',
    title: 'How deep convolutional neural networks lose spatial information with training',
    year: 2022,
    authors: ['Umberto M. Tomasini', 'Leonardo Petrini', 'Francesco Cagnetta', 'Matthieu Wyart'],
    coFirst: true,
    venue: 'arXiv preprint arXiv:2210.01506',
    arxiv: '2210.01506',
    doi: '10.1088/2632-2153/ad092c',
    hasAbstract: true,
    selected: true,
    bibtexHead: '@misc{tomasini2022deep,',
  },
  {
    slug: 'learning-sparse-features-can-lead-to-overfitting-in-neural-networks',
    title: 'Learning sparse features can lead to overfitting in neural networks',
    year: 2022,
    authors: ['Leonardo Petrini', 'Francesco Cagnetta', 'Eric Vanden-Eijnden', 'Matthieu Wyart'],
    coFirst: true,
    venue: 'Advances in Neural Information Processing Systems 35 (NeurIPS 2022)',
    arxiv: '2206.12314',
    doi: undefined,
    hasAbstract: true,
    selected: true,
    bibtexHead: '@inproceedings{petrini2022learning,',
  },
  {
    slug: 'relative-stability-toward-diffeomorphisms-indicates-performance-in-deep-nets',
    title: 'Relative stability toward diffeomorphisms indicates performance in deep nets',
    year: 2021,
    authors: ['Leonardo Petrini', 'Alessandro Favero', 'Mario Geiger', 'Matthieu Wyart'],
    coFirst: false,
    venue: 'Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
    arxiv: '2105.02468',
    doi: undefined,
    hasAbstract: true,
    selected: true,
    bibtexHead: '@inproceedings{petrini2021relative,',
  },
  {
    slug: 'landscape-and-training-regimes-in-deep-learning',
    title: 'Landscape and training regimes in deep learning',
    year: 2021,
    authors: ['Mario Geiger', 'Leonardo Petrini', 'Matthieu Wyart'],
    coFirst: false,
    venue: 'Physics Reports',
    arxiv: '2012.15110',
    doi: '10.1016/j.physrep.2021.04.001',
    hasAbstract: true,
    selected: false,
    bibtexHead: '@article{geiger2021landscape,',
  },
  {
    slug: 'geometric-compression-of-invariant-manifolds-in-neural-networks',
    title: 'Geometric compression of invariant manifolds in neural networks',
    year: 2021,
    authors: ['Jonas Paccolat', 'Leonardo Petrini', 'Mario Geiger', 'Kevin Tyloo', 'Matthieu Wyart'],
    coFirst: false,
    venue: 'Journal of Statistical Mechanics: Theory and Experiment',
    arxiv: '2007.11471',
    doi: '10.1088/1742-5468/abf1f3',
    hasAbstract: false,
    selected: false,
    bibtexHead: '@article{paccolat2021geometric,',
  },
] as const

export type Paper = (typeof PAPERS)[number]

export function paper(titleStart: string): Paper {
  const found = PAPERS.find((p) => p.title.startsWith(titleStart))
  if (!found) throw new Error(`no sample paper titled ${titleStart}…`)
  return found
}

export const ALL_TITLES = PAPERS.map((p) => p.title)
export const OWNER = 'Leonardo Petrini'

/**
 * Opens a page and waits until React has hydrated it: the theme button only gets `aria-pressed`
 * from an effect, so its presence means clicks are handled rather than lost.
 */
export async function gotoHydrated(page: Page, path: string) {
  const response = await page.goto(path)
  await expect(themeButton(page)).toHaveAttribute('aria-pressed', /^(true|false)$/)
  return response
}

export function themeButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Dark theme' })
}

/** A paper's entry in a list, found by its title. */
export function entry(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true })
}

/**
 * The author line of an entry in a list. Read it with `useInnerText`: the names behind "and N
 * more authors" are in the page, hidden, until it is opened.
 */
export function authorLine(item: Locator): Locator {
  return item.locator('.entry-authors')
}

/** Paper titles of the list, in the order shown (h3 on /publications, h4 on the home page). */
export function listedTitles(page: Page, level: 3 | 4 = 3): Locator {
  return page.getByRole('main').getByRole('heading', { level })
}

/** The panel a toggle button opens, through its aria-controls. */
export async function panelOf(page: Page, toggle: Locator): Promise<Locator> {
  const id = await toggle.getAttribute('aria-controls')
  expect(id, 'the toggle names the panel it controls').toBeTruthy()
  return page.locator(`[id="${id}"]`)
}
