/**
 * The command palette (Ctrl+K or Ctrl+Shift+P): a search box over every command the window offers —
 * adding a node by typing its plugin id, the toolbar's actions, the views — run with Enter. It knows
 * no window: the shell hands it the commands ({@link dev.servelab.app.command.Command}) when it opens.
 */
package dev.servelab.app.command;
