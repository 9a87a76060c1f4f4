import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * No regular expression a visitor's request can reach may take more than linear time: one slow
 * pattern on a 256 kB abstract (`[` repeated, say) costs seconds of CPU per request. This finds
 * every regex literal in the code the public routes import, and times each one, made global so it
 * scans the whole input, on adversarial inputs of 50,000 repeats. A linear regex takes a few
 * milliseconds on them; a backtracking one takes seconds.
 */

const ROOT = path.resolve(__dirname, '../..')
const ENTRY_POINTS = [
  'app/(site)',
  'app/feed.xml',
  'app/publications.bib',
  'app/sitemap.ts',
  'app/robots.ts',
  'app/layout.tsx',
  'app/not-found.tsx',
  'scripts/server.mjs',
]
const SOURCE = /\.(ts|tsx|mjs)$/
const BUDGET_MS = 250
/** Patterns built at run time, with why they are linear (this test cannot time what it cannot see). */
const DYNAMIC_ALLOWED: Record<string, string> = {
  'lib/server/csp.mjs':
    '`</name[\\t\\n\\f\\r />]`: a fixed tag name from RAW_TEXT and one character class, nothing repeated',
}
const REPEATS = 50_000

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (fs.statSync(full).isFile()) return [full]
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && SOURCE.test(dirent.name))
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
}

/** A module specifier of ours (`@/…` or relative) as a file, or undefined for packages. */
function resolveLocal(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : undefined
  if (!base) return undefined
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.mjs`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && SOURCE.test(candidate)) return candidate
  }
  return undefined
}

/** Every source file of ours the public entry points import, directly or not. */
function visitorFiles(): string[] {
  const seen = new Set<string>()
  const queue = ENTRY_POINTS.flatMap(filesUnder)
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      const resolved = resolveLocal(fileName, file)
      if (resolved) queue.push(resolved)
    }
  }
  return [...seen].sort()
}

type Found = { file: string; line: number; source: string; regex: RegExp }

function regexLiterals(file: string): { literals: Found[]; dynamic: number[] } {
  const text = fs.readFileSync(file, 'utf8')
  const sourceFile = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const literals: Found[] = []
  const dynamic: number[] = []
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText()
      const end = literal.lastIndexOf('/')
      const flags = literal.slice(end + 1)
      // Made global (and not sticky) so that `replace` runs it from every position to the end.
      const regex = new RegExp(literal.slice(1, end), `${flags.replace(/[gy]/g, '')}g`)
      literals.push({ file: path.relative(ROOT, file), line: lineOf(node), source: literal, regex })
    }
    if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    )
      dynamic.push(lineOf(node))
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return { literals, dynamic }
}

const UNITS = [
  '[',
  ']',
  '(',
  ')',
  '*',
  '_',
  '$',
  '\\',
  '<',
  '>',
  '&#',
  '&',
  '{',
  '}',
  ' ',
  '\t',
  '\n',
  '\r\n',
  'a',
  '1',
  '.',
  '-',
  '–',
  ',',
  ';',
  '=',
  '"',
  "'",
  '/',
  '@',
  '%',
  '#',
  '!',
  '|',
  '~',
  '`',
  '\u2028',
  '\u0000',
]
const SHAPES = [
  '[a](',
  '![',
  '*a',
  '**_',
  '_a ',
  '1. ',
  '> ',
  '- ',
  '$$',
  '\\$',
  '$\\',
  '\\sqrt{',
  '\\text{',
  '&#x1',
  '&#1',
  '&a',
  '<a ',
  '<b>',
  'a b',
  ' .',
  '. ',
  'a.',
  'a-',
  ' -',
  'q=1',
  ' =',
  '\\\\',
  '{{',
  '$a',
  'a$',
  '@a{',
  'ab,',
  'A ',
  'aA',
  'x@y.',
  'http://',
  '%2',
]

/** Each unit repeated, alone and before a character that makes a pattern fail at the very end; and a mix of all. */
function adversarialInputs(): { name: string; value: string }[] {
  const inputs: { name: string; value: string }[] = []
  for (const unit of [...UNITS, ...SHAPES]) {
    const repeated = unit.repeat(Math.ceil(REPEATS / unit.length))
    inputs.push({ name: `${JSON.stringify(unit)} × ${REPEATS}`, value: repeated })
    inputs.push({ name: `${JSON.stringify(unit)} × ${REPEATS} then "\\u0001!"`, value: `${repeated}\u0001!` })
  }
  let mixed = ''
  for (let i = 0; mixed.length < REPEATS; i++) mixed += UNITS[(i * 7919) % UNITS.length] ?? ''
  inputs.push({ name: 'a mix of every unit', value: mixed })
  return inputs
}

function millisecondsOf(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

describe('regular expressions in what visitors reach', () => {
  const files = visitorFiles()
  const found = files.map((file) => ({ file, ...regexLiterals(file) }))
  const literals = found.flatMap(({ literals }) => literals)

  it('are found in the public routes and what they import', () => {
    const names = files.map((file) => path.relative(ROOT, file))
    for (const expected of [
      'lib/markup/text.ts',
      'lib/markup/plain-text.ts',
      'lib/formats/feeds.ts',
      'lib/formats/citations/index.ts',
      'lib/formats/scholar.ts',
      'lib/formats/bibtex.ts',
      'lib/domain/filter.ts',
      'lib/domain/authors.ts',
      'components/publications/title-text.tsx',
      'scripts/response-policy.mjs',
      'lib/server/compression.mjs',
    ]) {
      expect(names).toContain(expected)
    }
    expect(literals.length).toBeGreaterThan(20)
  })

  it('are all literals, so this test sees them', () => {
    // A pattern built at run time can hold anything; give it a literal or time it here.
    expect(
      found
        .filter(({ file, dynamic }) => dynamic.length > 0 && !DYNAMIC_ALLOWED[path.relative(ROOT, file)])
        .map(({ file, dynamic }) => `${path.relative(ROOT, file)}:${dynamic.join(',')}`),
    ).toEqual([])
  })

  it(`take linear time: each scans any of ${REPEATS.toLocaleString('en')}-character adversarial inputs within ${BUDGET_MS} ms`, () => {
    const slow: string[] = []
    const inputs = adversarialInputs()
    for (const { file, line, source, regex } of literals) {
      for (const input of inputs) {
        // The better of two runs: a backtracking pattern is slow every time, a busy machine only now and then.
        const elapsed = Math.min(
          millisecondsOf(() => input.value.replace(regex, '')),
          millisecondsOf(() => input.value.replace(regex, '')),
        )
        if (elapsed > BUDGET_MS) {
          slow.push(`${file}:${line} ${source} on ${input.name}: ${Math.round(elapsed)} ms`)
          break
        }
      }
    }
    expect(slow).toEqual([])
  }, 300_000)
})
