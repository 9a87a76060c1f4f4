#!/usr/bin/env node
// `node scripts/social-card.mjs`: renders docs/social-card.png, the card the README shows, from a
// sample paper of the content folder (run `npm run content` first) with the card's own code.
// Vitest runs the renderer: the card is TSX with the project's path aliases, which it transforms
// as for the unit tests and node alone does not.
import { startVitest } from 'vitest/node'

const renderer = 'scripts/social-card.render.ts'
const vitest = await startVitest('test', [renderer], { include: [renderer], run: true, watch: false })
await vitest.close()
