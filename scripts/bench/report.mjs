// Turns benchmark results into terminal tables and into the sections of BENCHMARKS.md.
//
// A module's `run(context)` returns `{ tables: [{ caption?, columns, rows }], notes?: string[] }`,
// every cell already formatted as text.
import { readFile, writeFile } from 'node:fs/promises';

/** Plain-text tables with aligned columns, for the terminal. */
export function renderText({ title }, result) {
  const lines = [`\n== ${title}`];
  for (const table of result.tables) {
    if (table.caption) lines.push(`\n  ${table.caption}`);
    const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => String(row[index]).length)));
    const line = (cells) => `  ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ')}`.trimEnd();
    lines.push(line(table.columns), line(widths.map((width) => '-'.repeat(width))), ...table.rows.map(line));
  }
  for (const note of result.notes ?? []) lines.push(`  * ${note}`);
  return lines.join('\n');
}

/** One section of BENCHMARKS.md, between markers that `--write` finds again. */
export function renderSection({ id, title }, result, { machine, reps, loadAverage }) {
  // Markdown would take `<split>` or `<s3-tree>` for HTML tags and hide them.
  const text = (value) => String(value).replaceAll('<', '&lt;');
  const lines = [`<!-- bench:${id} -->`, `## ${text(title)}`, ''];
  if (result) {
    lines.push(
      `Measured ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}, ` +
        `${machine.platform}, load average ${loadAverage} when it started; medians of ${reps} runs unless a table says otherwise.`,
      '',
    );
    for (const table of result.tables) {
      if (table.caption) lines.push(text(table.caption), '');
      const escape = (cell) => text(cell).replaceAll('|', '\\|');
      lines.push(`| ${table.columns.map(escape).join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`);
      for (const row of table.rows) lines.push(`| ${row.map(escape).join(' | ')} |`);
      lines.push('');
    }
    for (const note of result.notes ?? []) lines.push(`- ${text(note)}`);
  } else {
    lines.push('Not measured yet: this is a hook in scripts/bench/registry.mjs for a benchmark still to be written.');
  }
  lines.push(`<!-- /bench:${id} -->`);
  return lines.join('\n');
}

const HEADER = `# Benchmarks

Figures from \`npm run bench\` (\`node scripts/bench.mjs\`): each benchmark measures our code and a
baseline in the same run and prints both with their ratio, so the ratios hold on any machine even
when the absolute times do not. Every figure is the median of several runs (\`--reps=N\`, default 5);
servers (Ceph RGW, the fault proxy, the hub emulator) are started by the bench itself. Options:
\`--only=id,id\`, \`--reps=N\`, \`--quick\` (small inputs, to check that the bench works), \`--write\`
(update the sections below; text outside them is kept).
`;

/**
 * Replaces the sections of the benchmarks that ran (adding missing ones), keeps everything else.
 * Hooks without results only get a section when they have none yet.
 */
export async function writeBenchmarksFile(file, sections) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = HEADER;
  }
  for (const { id, markdown, measured } of sections) {
    const pattern = new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);
    if (pattern.test(text)) {
      if (measured) text = text.replace(pattern, () => markdown);
    } else {
      text = `${text.trimEnd()}\n\n${markdown}\n`;
    }
  }
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
}
