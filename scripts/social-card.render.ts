import fs from 'node:fs/promises'
import { it } from 'vitest'
import { getPublication, getSite } from '@/lib/content'
import { paperCard, renderCard } from '@/lib/og'

// Run by scripts/social-card.mjs, never by the unit tests (their files end in .test.ts).
const SAMPLE = 'relative-stability-toward-diffeomorphisms-indicates-performance-in-deep-nets'

it('renders docs/social-card.png', async () => {
  const publication = getPublication(SAMPLE)
  if (!publication) throw new Error(`The sample paper ${SAMPLE} is not in the content folder`)
  const { png } = await renderCard(paperCard(publication, getSite(), 'localhost:3000'))
  await fs.writeFile(new URL('../docs/social-card.png', import.meta.url), png)
})
