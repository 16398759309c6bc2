// Messages between the scan and its 7-Zip worker thread.

/** Where the worker mounts the archive's folder in 7-Zip's file system. */
export const SEVEN_ZIP_MOUNT = '/archive';
export interface SevenZipRequest {
  id: number;
  /** Real folder holding the archive; mounted read-only-in-practice into 7-Zip's file system (7-Zip only lists). */
  folder: string;
  name: string;
  password: string;
}

export interface SevenZipReply {
  id: number;
  /** stdout and stderr lines, interleaved as printed. */
  lines: string[];
  exitCode: number;
  /** 7-Zip threw out of main (an abort): the lines may be partial. */
  aborted: boolean;
  error?: string;
}
