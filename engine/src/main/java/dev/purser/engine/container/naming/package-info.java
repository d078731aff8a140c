/**
 * Container identity: random 64-hex ids, user-chosen names checked against Docker's rule,
 * Docker-style generated names ({@code adjective_surname}), and the resolver every command uses
 * to turn what the user typed (full id, name, or unique id prefix) into one container.
 */
package dev.purser.engine.container.naming;
