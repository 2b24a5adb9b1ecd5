// Re-testing only what a previous run left undetected (scripts/mutation.sh with MUTATION_RERUN=1).
//   node rerun.mjs spans PREVIOUS.json            -> the --mutate pattern: the area's files, each limited to the lines of
//                                                    its Survived/NoCoverage mutants (Stryker.NET's {start..end} character
//                                                    spans, whole lines, so a mutant's own span always falls inside one)
//   node rerun.mjs merge PREVIOUS.json RERUN.json OUT.json
//                                                 -> PREVIOUS with each mutant RERUN tested again given RERUN's status
// Sound only when the source files are unchanged since PREVIOUS and tests were only added: a mutant killed before stays
// killed (its killing tests still run), so the merged report scores the current tests. merge refuses a changed source.
import { readFileSync, writeFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const read = path => JSON.parse(readFileSync(path, 'utf8'));
const undetected = m => m.status === 'Survived' || m.status === 'NoCoverage';
const key = m => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
const relative = path => path.replaceAll('\\', '/').split('/src/AlertProbe.Core/').pop();

if (command === 'spans') {
  const previous = read(args[0]);
  const patterns = [];
  for (const [path, file] of Object.entries(previous.files)) {
    // Character offset of each line's start (the report's source is the file as Stryker read it).
    const starts = [0];
    for (let i = 0; i < file.source.length; i++) if (file.source[i] === '\n') starts.push(i + 1);
    const lines = new Set();
    for (const m of file.mutants.filter(undetected)) {
      for (let l = m.location.start.line; l <= m.location.end.line; l++) lines.add(l);
    }
    if (lines.size === 0) continue;
    // Consecutive lines make one span.
    const sorted = [...lines].sort((a, b) => a - b);
    let spans = '', from = sorted[0], to = sorted[0];
    const flush = () => { spans += `{${starts[from - 1]}..${(starts[to] ?? file.source.length) - 1}}`; };
    for (const l of sorted.slice(1)) {
      if (l === to + 1) { to = l; continue; }
      flush(); from = to = l;
    }
    flush();
    patterns.push(`**/${relative(path)}${spans}`);
  }
  if (patterns.length === 0) { console.error('no undetected mutant in the previous report'); process.exit(3); }
  console.log(patterns.join('\n'));
} else if (command === 'merge') {
  const [previousPath, rerunPath, outPath] = args;
  const previous = read(previousPath), rerun = read(rerunPath);
  let retested = 0;
  for (const [path, file] of Object.entries(previous.files)) {
    const again = rerun.files[path];
    // A file with nothing left to retest is outside the rerun's --mutate: Stryker reports it with a placeholder source.
    if (!again || again.source === 'File ignored by mutate filter') continue;
    if (again.source !== file.source) throw new Error(`${relative(path)} changed since the previous run: run the whole area`);
    const statuses = new Map(again.mutants.filter(m => m.status !== 'Ignored').map(m => [key(m), m.status]));
    for (const m of file.mutants.filter(undetected)) {
      const status = statuses.get(key(m));
      if (status) { m.status = status; retested++; }
    }
  }
  writeFileSync(outPath, JSON.stringify(previous));
  console.error(`merged: ${retested} previously undetected mutants tested again`);
} else {
  console.error('usage: node rerun.mjs spans PREVIOUS.json | merge PREVIOUS.json RERUN.json OUT.json');
  process.exit(2);
}
