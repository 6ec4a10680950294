/**
 * The pipeline editor: a node graph (palette, canvas, wires, property sheet, problems list) over the same pipeline
 * tree {@code servelab run} reads. Every change is an undoable {@link dev.servelab.app.editor.Edit} run by
 * {@link dev.servelab.app.editor.EditorViewModel}; problems are recomputed after each edit. Its look is
 * {@code editor.css} beside this package.
 */
package dev.servelab.app.editor;
