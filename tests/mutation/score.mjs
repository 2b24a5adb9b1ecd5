// Mutation score of one Stryker JSON report, with the mutants listed in equivalent-mutants.tsv left out.
// Usage: node score.mjs REPORT.json EQUIVALENTS.tsv AREA [SURVIVORS.txt]
// Score = detected / (detected + undetected), detected = Killed + Timeout, undetected = Survived + NoCoverage
// (the mutation-testing-elements definition; compile errors and ignored mutants count in neither).
import { readFileSync, writeFileSync } from 'node:fs';

const [reportPath, equivalentsPath, area, survivorsPath] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

// tsv columns: file (path suffix, or * for any), mutator name, text found in the mutated source line(s),
// replacement (or * for any), reason. Lines starting with # are comments.
const rules = readFileSync(equivalentsPath, 'utf8').split('\n')
  .filter(l => l.trim() !== '' && !l.startsWith('#'))
  .map(l => {
    const [file, mutator, text, replacement, reason] = l.split('\t');
    if (!reason) throw new Error(`equivalent-mutants.tsv: a row needs five tab-separated columns: ${l}`);
    return { file, mutator, text, replacement, reason, used: 0 };
  });

const norm = s => s.replace(/\s+/g, ' ').trim();
let detected = 0, undetected = 0, equivalent = 0;
const survivors = [];
for (const [path, file] of Object.entries(report.files)) {
  const lines = file.source.split('\n');
  for (const m of file.mutants) {
    if (!['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) continue;
    const { start, end } = m.location;
    const sourceLines = norm(lines.slice(start.line - 1, end.line).join(' '));
    const rule = rules.find(r =>
      (r.file === '*' || path.replaceAll('\\', '/').endsWith(r.file)) &&
      r.mutator === m.mutatorName &&
      sourceLines.includes(norm(r.text)) &&
      (r.replacement === '*' || norm(m.replacement ?? '').includes(norm(r.replacement))));
    if (rule) { rule.used++; equivalent++; continue; }
    if (m.status === 'Killed' || m.status === 'Timeout') { detected++; continue; }
    undetected++;
    survivors.push(`${path.split('/src/').pop()}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${norm(m.replacement ?? '')}  <- ${sourceLines.slice(0, 160)}`);
  }
}
if (survivorsPath) writeFileSync(survivorsPath, survivors.join('\n') + (survivors.length ? '\n' : ''));
const total = detected + undetected;
const score = total === 0 ? 0 : (100 * detected) / total;
console.error(`${area}: ${detected} detected, ${undetected} undetected, ${equivalent} equivalent left out`);
console.log(`mutation score: ${area} ${score.toFixed(1)} %`);
