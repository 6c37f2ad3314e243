// The libraries the collective-writing page uses, bundled into one ES module by vendor.sh.
// Nothing of ours here: our code is static/js/writing.js, which imports this bundle.
export * as Y from 'yjs';
export {
  Awareness, encodeAwarenessUpdate, applyAwarenessUpdate, removeAwarenessStates
} from 'y-protocols/awareness';
export {
  ySyncPlugin, yCursorPlugin, yUndoPlugin, undo, redo, ySyncPluginKey,
  absolutePositionToRelativePosition, relativePositionToAbsolutePosition, prosemirrorJSONToYXmlFragment
} from 'y-prosemirror';
export { EditorState, Plugin, PluginKey, TextSelection } from 'prosemirror-state';
export { EditorView, Decoration, DecorationSet } from 'prosemirror-view';
export { Schema, DOMSerializer } from 'prosemirror-model';
export { schema as basicSchema } from 'prosemirror-schema-basic';
export { addListNodes, wrapInList, liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
export { baseKeymap, toggleMark, setBlockType, wrapIn, lift, chainCommands } from 'prosemirror-commands';
export { keymap } from 'prosemirror-keymap';
