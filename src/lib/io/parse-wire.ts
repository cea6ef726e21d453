import { ImportError, type AnyImportError, type ImportErrorCode, type ImportErrorParams } from './errors';
import type { ParsedRecording, ParseRecordingOptions, ParseRecordingsResult } from './recording-file';

/** A file's name (a path in a picked folder) and its bytes. */
export interface FileBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** What the page asks the parse worker (parse.worker.ts): the bytes of the files of one import, transferred. */
export interface ParseRequest {
  id: number;
  files: FileBytes[];
  options: ParseRecordingOptions;
}

/** An ImportError as a message can carry it: its facts, worded again on the page. */
export interface WireImportError {
  code: ImportErrorCode;
  params: ImportErrorParams[ImportErrorCode];
  file: string;
  line?: number;
}

export type WireParseResult = { ok: true; recordings: ParsedRecording[] } | { ok: false; error: WireImportError };

export interface ParseReply {
  id: number;
  result: WireParseResult;
}

/** Parses the files of one import: `parseRecordingFiles` in the caller's thread, or in the parse worker. */
export type RecordingParse = (files: FileBytes[], options: ParseRecordingOptions) => Promise<ParseRecordingsResult>;

export function toWire(result: ParseRecordingsResult): WireParseResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: { code, params, file, ...(line !== undefined && { line }) } };
}

export function fromWire(result: WireParseResult): ParseRecordingsResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: new ImportError(code, params, { file, ...(line !== undefined && { line }) }) as AnyImportError };
}
