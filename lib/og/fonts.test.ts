import satori from 'satori'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import type { Site } from '@/lib/domain/types'
import { UNICODE_MATH_OUTPUT } from '@/lib/markup/unicode-math'
import { cardFonts, paperCard } from '.'

// The card's fonts are subsets (lib/og/fonts/README.md). Satori draws a character with the first
// font that has it, and one that none has as the missing glyph: these tests render characters
// alone, as the card does (next/og bundles this satori's version), and compare their outlines.

type Family = 'Inter' | 'Source Serif'

async function outline(text: string, family: Family): Promise<string> {
  const element = createElement(
    'div',
    { style: { display: 'flex', fontFamily: family, fontWeight: 600, fontSize: 40 } },
    text,
  )
  const svg = await satori(element, { width: 200, height: 80, fonts: await cardFonts() })
  return [...svg.matchAll(/ d="([^"]*)"/g)].map(([, path]) => path).join(' ')
}

/** No font of the card has U+0378 (unassigned): what a glyph missing from every one looks like. */
const MISSING = '\u0378'

async function drawn(char: string, family: Family): Promise<boolean> {
  const [glyph, missing] = await Promise.all([outline(char, family), outline(MISSING, family)])
  return glyph.trim() !== '' && glyph !== missing
}

describe("the card's fonts", () => {
  it('tell a missing glyph from a drawn one', async () => {
    expect(await drawn('a', 'Inter')).toBe(true)
    expect(await drawn('\u4e00', 'Inter')).toBe(false)
  })

  it('draw ℓ₁ and εₜ, in the title as elsewhere', async () => {
    const card = paperCard({ title: 'Sparse $\\ell_1$ and $\\epsilon_t$', authors: [{ name: 'A. Author' }] }, site, 'x')
    expect(card.title).toBe('Sparse ℓ₁ and εₜ')
    for (const char of 'ℓ₁εₜ') {
      expect(await drawn(char, 'Source Serif'), char).toBe(true)
      expect(await drawn(char, 'Inter'), char).toBe(true)
    }
  })

  it('draw every character the Unicode reading of math can produce', async () => {
    const missing: string[] = []
    for (const char of UNICODE_MATH_OUTPUT) {
      if (!(await drawn(char, 'Source Serif')) || !(await drawn(char, 'Inter'))) missing.push(char)
    }
    expect(missing).toEqual([])
  })
})

const site: Site = { owner: 'Owner', title: 'Site', description: 'Papers.', maxAuthors: 3, nameVariants: [] }
