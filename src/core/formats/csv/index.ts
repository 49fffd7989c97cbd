/** Spreadsheets in and out: a map as a pair of CSV files, one of nodes and one of edges. */
export { EDGES_SUFFIX, NODES_SUFFIX } from './columns.ts';
export { importCsvPair, pairTitle, siblingName, type CsvImportOptions, type CsvImportResult, type CsvPair } from './read.ts';
export { readCsvPairBytes, type CsvFileBytes, type CsvPairBytes } from './read-bytes.ts';
export type { CsvFile } from './table.ts';
export { writeCheckedCsvPair, writeCsvPair, type CheckedCsvPair, type CsvPairText } from './write.ts';
