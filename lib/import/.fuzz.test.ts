import { it, expect } from 'vitest'
import { parseBibtexImport } from './bibtex-import'
import { checkMdxBody } from '../store/mdx-check'
import { publicationSchema } from '../schema'
it('fuzz', () => {
  const input = String.raw`@string{neurips = "Advances in Neural Information Processing Systems"}
@inproceedings{petrini2021relative,
  title = {Relative Stability toward {D}iffeomorphisms in {NTK} $\epsilon_t \approx 0.2\sqrt{R_f}$ nets -- Sch{\"o}lkopf \'etude {\c c}a \emph{deep} \textsc{Small} a<b>c},
  author = {Petrini, Leonardo and Favero, Alessandro and M{\"u}ller, J\"{u}rgen and {Google DeepMind} and others},
  booktitle = neurips, month = oct, year = 2021, pages = {1--18},
  doi = {https://doi.org/10.1016/j.physrep.2021.04.001},
  keywords = {zeta; deep learning, {\"o}ther},
  abstract = {We find $\epsilon_t \approx 0.2\sqrt{R_f}$ with {braces} and p < 0.05 <b onclick={x}>x</b> and \$5. {\em it} \[ y \] 
  
  import x from 'y'; export {a}; <!-- c --> {1+1} \{ \}},
}
@article{b, title={{Foo}}, author={A B}, month = {October}, year={2020}, journal = {arXiv preprint arXiv:2105.02468}}
@misc{d, title="Quoted {Title}", author="X Y", year="2019", eprint={2105.02468v2}, archivePrefix={arXiv}, abstract = "a < b { c } $x$ > \\ \textbackslash{} d"}
`
  let seed = 7
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const chars = ['{', '}', '"', '$', '@', ',', '=', '\\', '%', '#', '\n\n', '<', '>', 'x']
  let n = 0
  for (let k = 0; k < 1500; k++) {
    let s = input
    for (let m = 0; m < 2; m++) {
      const pos = Math.floor(rand() * s.length)
      const op = rand()
      if (op < 0.4) s = s.slice(0, pos) + s.slice(pos + 1)
      else if (op < 0.9) s = s.slice(0, pos) + chars[Math.floor(rand() * chars.length)] + s.slice(pos)
      else s = s.slice(0, pos)
    }
    const r = parseBibtexImport(s)
    for (const e of r.entries) {
      n++
      publicationSchema.parse(e.frontmatter)
      const problem = checkMdxBody(e.body)
      if (problem) { console.log(JSON.stringify(s), '\n', e.body, '\n', problem); throw new Error(problem) }
    }
  }
  console.log('entries', n)
}, 60000)
