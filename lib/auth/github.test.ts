import { describe, expect, it } from 'vitest'
import { isAdmittedGithubLogin } from './github'

describe('GitHub sign-in', () => {
  const allowed = ['lpetrini', 'co-maintainer']

  it('admits only the listed logins, in any case', () => {
    expect(isAdmittedGithubLogin({ login: 'lpetrini' }, allowed)).toBe(true)
    expect(isAdmittedGithubLogin({ login: 'LPetrini' }, allowed)).toBe(true)
    expect(isAdmittedGithubLogin({ login: 'someone-else' }, allowed)).toBe(false)
  })

  it('refuses a profile without a login, and everyone when no login is listed', () => {
    expect(isAdmittedGithubLogin({}, allowed)).toBe(false)
    expect(isAdmittedGithubLogin(undefined, allowed)).toBe(false)
    expect(isAdmittedGithubLogin({ login: '' }, [''])).toBe(false)
    expect(isAdmittedGithubLogin({ login: 'lpetrini' }, [])).toBe(false)
  })
})
