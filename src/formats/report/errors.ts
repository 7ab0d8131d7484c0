/** The one error an exporter throws: what went wrong, in zh-CN, and what kind of failure it is. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    message: string,
    readonly code: 'needs-tool' | 'unsupported' | 'failed' = 'failed',
  ) {
    super(message);
  }
}
