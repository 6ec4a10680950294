/**
 * The pipeline editor: a node graph (palette, canvas, wires, property sheet, problems list) over the same pipeline
 * tree {@code servelab run} reads. Every change is an undoable {@link dev.servelab.app.editor.Edit} run by
 * {@link dev.servelab.app.editor.EditorViewModel}; problems are recomputed after each edit with the engine's own
 * check ({@code PipelineCheck}: what Run would refuse, in its words). A node's plugin is swapped in place from the
 * property sheet or by dropping a palette entry on it; a trace node edits its file (picker, format sniffed) and
 * transformations; the canvas works from the keyboard (Tab, arrows, Enter, Delete). Its look is
 * {@code editor.css} beside this package.
 */
package dev.servelab.app.editor;
