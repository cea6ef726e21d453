/**
 * The tables other phone apps write: a first line naming the columns (quoted or not), then one
 * sample per line, separated by commas, tabs or semicolons. A semicolon or tab table may write
 * decimals with a comma, as phyphox's "Semicolon, decimal comma" export and spreadsheets in Spanish
 * do.
 */
import { decimalCell } from './csv';
import { ImportError } from './errors';
import { isBlank } from './file-text';

export interface DelimitedTable {
  /** The column names as written, quotes and spaces around them removed. */
  names: string[];
  /** Reads the columns at these indexes, one value per data line; cells are checked as numbers. */
  columns(indexes: readonly number[]): Float64Array[];
}

/** The separator of a header line: a tab or a semicolon when it has one, else a comma. */
function separatorOf(header: string): string {
  if (header.includes('\t')) return '\t';
  return header.includes(';') ? ';' : ',';
}

const unquoted = (cell: string) => cell.trim().replace(/^"(.*)"$/, '$1').trim();

/**
 * The first `limit` column names of a table's first non-blank line, for telling its format: only
 * that line is read, so a large Edge Impulse CSV is not split twice, nor a huge header whole.
 */
export function headerNames(text: string, limit: number): string[] {
  const header = /\s*([^\r\n]*)/y.exec(text)?.[1] ?? '';
  return header.split(separatorOf(header), limit).map(unquoted);
}

/**
 * Splits a table into its header and data lines (blank lines skipped). Throws ImportError on an
 * empty file.
 *
 * @example
 * readDelimitedTable('Raw Data.csv', '"Time (s)";"Acceleration x (m/s^2)"\n0,01;9,81\n').columns([0, 1])
 * // [Float64Array [0.01], Float64Array [9.81]]
 */
export function readDelimitedTable(file: string, text: string): DelimitedTable {
  const lines = text.split(/\r\n|\r|\n/);
  const headerIndex = lines.findIndex((line) => !isBlank(line));
  if (headerIndex === -1) throw new ImportError('empty-file', {}, { file });
  const separator = separatorOf(lines[headerIndex]!);
  const names = lines[headerIndex]!.split(separator).map(unquoted);
  const decimalComma = separator !== ',';
  return {
    names,
    columns(indexes) {
      const values: number[][] = indexes.map(() => []);
      for (let at = headerIndex + 1; at < lines.length; at += 1) {
        const line = lines[at]!;
        if (isBlank(line)) continue;
        const cells = line.split(separator);
        const number = at + 1;
        if (cells.length < names.length) throw new ImportError('row-too-short', { found: cells.length, expected: names.length }, { file, line: number });
        if (cells.length > names.length) throw new ImportError('row-too-long', { found: cells.length, expected: names.length }, { file, line: number });
        indexes.forEach((index, k) => {
          const cell = unquoted(cells[index]!);
          values[k]!.push(decimalCell(file, number, names[index]!, decimalComma ? cell.replace(',', '.') : cell));
        });
      }
      if (values[0]!.length === 0) throw new ImportError('no-samples', {}, { file });
      return values.map((column) => Float64Array.from(column));
    },
  };
}
