/**
 * Architecture of the whole build, checked from the workbench's test class path (which holds every
 * module): the ArchUnit rules every module must keep, and the generated dependency picture of
 * {@code docs/architecture/dependencies.md}.
 */
package dev.servelab.app.architecture;
