import 'server-only'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import bcrypt from 'bcrypt'
import { z } from 'zod'
import { authEnv, type AuthEnv } from '../env.mjs'

export type AdminCredentials = { email: string; passwordHash: string; secret: string }

export const GENERATED_ADMIN_EMAIL = 'admin@localhost'

const storedSchema = z.object({
  email: z.string().min(1),
  passwordHash: z.string().regex(/^\$2[aby]\$/),
  secret: z.string().min(32),
})

/**
 * The admin's sign-in and the session secret. From the environment when set; otherwise from a
 * git-ignored file made on first start with a random password, which is printed once and kept
 * only as a bcrypt hash. There is never a fixed default password.
 */
export function adminCredentials(): AdminCredentials {
  const global = globalThis as { __adminCredentials?: AdminCredentials }
  global.__adminCredentials ??= loadCredentials(authEnv())
  return global.__adminCredentials
}

/** The credentials `config` names, making the generated ones on first use. Exported for tests. */
export function loadCredentials(config: AuthEnv): AdminCredentials {
  if (config.adminEmail && config.adminPasswordHash && config.nextAuthSecret) {
    return { email: config.adminEmail, passwordHash: config.adminPasswordHash, secret: config.nextAuthSecret }
  }
  const stored =
    readStored(config.credentialsFile) ??
    createStored(config.credentialsFile, !config.adminPasswordHash) ??
    readStored(config.credentialsFile)
  if (!stored) throw new Error(`Could not read or create ${config.credentialsFile}`)
  return {
    email: config.adminEmail ?? stored.email,
    passwordHash: config.adminPasswordHash ?? stored.passwordHash,
    secret: config.nextAuthSecret ?? stored.secret,
  }
}

function readStored(file: string): AdminCredentials | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const parsed = storedSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new Error(`${file} is damaged; delete it to make new admin credentials on the next start.`)
  return parsed.data
}

/** Makes the file, or returns undefined when another process made it first. */
function createStored(file: string, withPassword: boolean): AdminCredentials | undefined {
  const password = randomBytes(18).toString('base64url')
  const credentials: AdminCredentials = {
    email: GENERATED_ADMIN_EMAIL,
    passwordHash: bcrypt.hashSync(password, 12),
    secret: randomBytes(32).toString('base64url'),
  }
  // `wx`: if two processes race on a first start, only one creates the file.
  try {
    fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined
    throw error
  }
  if (withPassword) {
    console.log(
      [
        '',
        '  Admin sign-in created (shown once; only its hash is kept):',
        `    email:    ${credentials.email}`,
        `    password: ${password}`,
        `  Sign in at /admin/login. To choose your own, set ADMIN_EMAIL and ADMIN_PASSWORD_HASH (README, "Configuration").`,
        '',
      ].join('\n'),
    )
  }
  return credentials
}
