/**
 * Row models and formatting that the command line and the dashboard share: a container as
 * {@code ps} presents it, and so on. One copy, used by both.
 */
package dev.purser.tui.view;
