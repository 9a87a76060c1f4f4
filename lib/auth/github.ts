/** A GitHub profile's login, in lowercase, or '' when it has none. */
export function githubLogin(profile: unknown): string {
  return typeof profile === 'object' && profile !== null && 'login' in profile && typeof profile.login === 'string'
    ? profile.login.toLowerCase()
    : ''
}

/** Whether a GitHub sign-in may enter: only the logins listed in ADMIN_GITHUB_LOGINS (any case). */
export function isAdmittedGithubLogin(profile: unknown, allowed: readonly string[]): boolean {
  const login = githubLogin(profile)
  return login !== '' && allowed.includes(login)
}
