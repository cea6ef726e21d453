import { ImportError, type AnyImportError, type ImportErrorCode, type ImportErrorParams } from './errors';
import { parseRecordingFiles, type ParsedRecording, type ParseRecordingOptions } from './recording-file';
import type { PackedSamples } from '../store/recordings';

/**
 * A file to parse: its name (a path in a picked folder) and either its bytes, or the picked file
 * itself, read where it is parsed. Handed to the parse worker, a picked file's bytes never enter
 * the page, which then neither reads nor collects a class's 100 MB on a cheap phone's main thread.
 */
export type FileContent = { name: string; bytes: ArrayBuffer } | { name: string; blob: Blob };

/** What the page asks the parse worker (parse.worker.ts): the files of one import, their bytes (if read) transferred. */
export interface ParseRequest {
  id: number;
  files: FileContent[];
  options: ParseRecordingOptions;
}

/** An ImportError as a message can carry it: its facts, worded again on the page. */
export interface WireImportError {
  code: ImportErrorCode;
  params: ImportErrorParams[ImportErrorCode];
  file: string;
  line?: number;
}

/** A parsed recording, its samples also packed for the store when the parse worker read it. */
export type ImportParsedRecording = ParsedRecording & { packed?: PackedSamples };

export type ImportParseResult = { ok: true; recordings: ImportParsedRecording[] } | { ok: false; error: AnyImportError };

export type WireParseResult = { ok: true; recordings: ImportParsedRecording[] } | { ok: false; error: WireImportError };

export interface ParseReply {
  id: number;
  result: WireParseResult;
}

/** Parses the files of one import: `parseRecordingFiles` in the caller's thread, or in the parse worker. */
export type RecordingParse = (files: FileContent[], options: ParseRecordingOptions) => Promise<ImportParseResult>;

/** `parseRecordingFiles` in this thread, each file read here: the import's default, and the parse worker's own. */
export const parseInThisThread: RecordingParse = async (files, options) =>
  parseRecordingFiles(await Promise.all(files.map(async (file) => ({ name: file.name, content: new Uint8Array('bytes' in file ? file.bytes : await file.blob.arrayBuffer()) }))), options);

export function toWire(result: ImportParseResult): WireParseResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: { code, params, file, ...(line !== undefined && { line }) } };
}

export function fromWire(result: WireParseResult): ImportParseResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: new ImportError(code, params, { file, ...(line !== undefined && { line }) }) as AnyImportError };
}
