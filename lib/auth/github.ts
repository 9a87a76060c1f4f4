/** Whether a GitHub sign-in may enter: only the logins listed in ADMIN_GITHUB_LOGINS (any case). */
export function isAdmittedGithubLogin(profile: unknown, allowed: readonly string[]): boolean {
  const login =
    typeof profile === 'object' && profile !== null && 'login' in profile && typeof profile.login === 'string'
      ? profile.login.toLowerCase()
      : ''
  return login !== '' && allowed.includes(login)
}
