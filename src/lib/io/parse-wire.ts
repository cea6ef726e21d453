import { ImportError, type AnyImportError, type ImportErrorCode, type ImportErrorParams } from './errors';
import type { ParsedRecording, ParseRecordingOptions } from './recording-file';
import type { PackedSamples } from '../store/recordings';

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

/** A parsed recording, its samples also packed for the store when the parse worker read it. */
export type ImportParsedRecording = ParsedRecording & { packed?: PackedSamples };

export type ImportParseResult = { ok: true; recordings: ImportParsedRecording[] } | { ok: false; error: AnyImportError };

export type WireParseResult = { ok: true; recordings: ImportParsedRecording[] } | { ok: false; error: WireImportError };

export interface ParseReply {
  id: number;
  result: WireParseResult;
}

/** Parses the files of one import: `parseRecordingFiles` in the caller's thread, or in the parse worker. */
export type RecordingParse = (files: FileBytes[], options: ParseRecordingOptions) => Promise<ImportParseResult>;

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
