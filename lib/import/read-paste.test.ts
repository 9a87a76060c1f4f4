import { describe, expect, it } from 'vitest'
import { countEntries, MAX_IMPORT_ENTRIES, readBibtexPaste } from './read-paste'

const entry = (i: number) =>
  `@article{key${i},\n  title = {Paper ${i}},\n  author = {Lovelace, Ada},\n  year = {2020}\n}\n`

describe('readBibtexPaste bounds', () => {
  it('counts entries but not @string, @preamble or @comment, whatever the spacing and case', () => {
    expect(
      countEntries(
        '@string{a = "b"}\n@PREAMBLE{"x"}\n@comment{c}\n@Article {a, title={T}}\n@misc(b, title={U})\n@ inproceedings{c,}',
      ),
    ).toBe(3)
  })

  it('refuses a paste of more entries than the limit at once, saying the limit and how many were pasted', async () => {
    const started = performance.now()
    const result = await readBibtexPaste(Array.from({ length: 8000 }, (_, i) => entry(i)).join('\n'))
    expect(performance.now() - started).toBeLessThan(500)
    expect(result).toEqual({
      entries: [],
      errors: [
        { message: `That paste holds 8,000 entries; import at most ${MAX_IMPORT_ENTRIES} at a time, in parts.` },
      ],
    })
  })

  it('refuses more than 2 MB', async () => {
    expect((await readBibtexPaste(`@misc{a, note = {${'x'.repeat(2_000_001)}}}`)).errors[0]?.message).toMatch(
      /more than 2 MB/,
    )
  })
})
