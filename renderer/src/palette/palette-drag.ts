/** The drag-and-drop data type of a palette item: the node type name travels as its payload. */
export const PALETTE_MIME = 'application/x-millrace-node-type';
