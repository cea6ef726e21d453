import { ImportError, type AnyImportError, type ImportErrorCode, type ImportErrorParams } from './errors';
import type { ParsedRecording, ParseRecordingOptions, ParseRecordingResult } from './recording-file';

/** What the page asks the parse worker (parse.worker.ts): one file's bytes, transferred. */
export interface ParseRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  options: ParseRecordingOptions;
}

/** An ImportError as a message can carry it: its facts, worded again on the page. */
export interface WireImportError {
  code: ImportErrorCode;
  params: ImportErrorParams[ImportErrorCode];
  file: string;
  line?: number;
}

export type WireParseResult = { ok: true; recording: ParsedRecording } | { ok: false; error: WireImportError };

export interface ParseReply {
  id: number;
  result: WireParseResult;
}

/** Parses one recording file's bytes: `parseRecordingFile` in the caller's thread, or in the parse worker. */
export type RecordingParse = (name: string, bytes: ArrayBuffer, options: ParseRecordingOptions) => Promise<ParseRecordingResult>;

export function toWire(result: ParseRecordingResult): WireParseResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: { code, params, file, ...(line !== undefined && { line }) } };
}

export function fromWire(result: WireParseResult): ParseRecordingResult {
  if (result.ok) return result;
  const { code, params, file, line } = result.error;
  return { ok: false, error: new ImportError(code, params, { file, ...(line !== undefined && { line }) }) as AnyImportError };
}
