export * from './html';
export * from './document-kit';
export * from './pdf-renderer';
export * from './print-documents';
