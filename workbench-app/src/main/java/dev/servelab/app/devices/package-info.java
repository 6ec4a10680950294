/**
 * The Devices tab: the registered remote devices ({@code servelab device}) with their last probe, adding one
 * (only the name of its API key's environment variable is stored), and probing one on a background thread.
 */
package dev.servelab.app.devices;
