/** purser's client configuration file: where it is, shared by the command line and the dashboard. */
package dev.purser.tui.config;
