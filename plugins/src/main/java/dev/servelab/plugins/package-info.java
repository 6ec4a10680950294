/**
 * ServeLab's built-in plugins. They are discovered through {@code META-INF/services} exactly as a
 * third party's plugin jar would be; nothing in the engine refers to them by class.
 */
package dev.servelab.plugins;
