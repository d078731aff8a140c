/**
 * Docker's {@code --format} output: a Go text/template evaluator over Jackson trees, Go's
 * tabwriter for {@code table} formats, and Docker's human sizes and durations.
 *
 * <p>Templates run on {@link com.fasterxml.jackson.databind.JsonNode} values so one evaluator serves
 * every API object by its Docker field names ({@code inspect}) as well as the row objects of
 * {@code ps} and {@code images}, whose fields are the names of Docker's formatter methods.
 */
package dev.purser.tui.format;
