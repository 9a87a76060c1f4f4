import { describe, expect, it } from 'vitest'
import { parseSite, serializeSite, SiteFileError } from './site-file'

const HAND_WRITTEN = `# Written by hand.
owner: Ada Lovelace
title: Ada Lovelace
description: Notes on the engine.
profile:
  # Verified with its check digit.
  orcid: 0000-0002-1825-0097
  github: ada # the old handle
titel: a typo
`

describe('site.yaml as the settings page writes it', () => {
  it('changes only the values that changed, keeping comments, nested ones too', () => {
    const settings = { ...(parseSite(HAND_WRITTEN.replace('titel: a typo\n', '')) as object) } as ReturnType<
      typeof parseSite
    >
    const file = serializeSite({ ...settings, profile: { ...settings.profile, github: 'lovelace' } }, HAND_WRITTEN)
    expect(file).toContain('# Written by hand.')
    expect(file).toContain('  # Verified with its check digit.\n  orcid: 0000-0002-1825-0097')
    expect(file).toContain('github: lovelace')
    expect(parseSite(file).profile).toEqual({ orcid: '0000-0002-1825-0097', github: 'lovelace' })
  })

  it('drops a key outside the schema, which the settings page said a save replaces', () => {
    expect(() => parseSite(HAND_WRITTEN)).toThrow(SiteFileError)
    expect(() => parseSite(HAND_WRITTEN)).toThrow('site.yaml field titel is not a site setting')
    const settings = parseSite(HAND_WRITTEN.replace('titel: a typo\n', ''))
    const file = serializeSite(settings, HAND_WRITTEN)
    expect(file).not.toContain('titel')
    expect(parseSite(file)).toEqual(settings)
  })

  it('writes unset values as absent, and a new file in the schema order', () => {
    const file = serializeSite({ owner: 'A', title: 'T', description: 'D', links: [], bio: '' })
    expect(file).toBe('owner: A\ntitle: T\ndescription: D\n')
  })
})
