/** Parley's Java client: build a {@link io.parley.client.ParleyClient}, connect, send, and receive through a {@link io.parley.client.ParleyListener}. */
package io.parley.client;
