/**
 * Writing what a view shows to files the user picks: PNG snapshots of scenes and nodes, and CSV text. A leaf
 * package that any feature view may use (it knows no feature and no shell).
 */
package dev.servelab.app.export;
