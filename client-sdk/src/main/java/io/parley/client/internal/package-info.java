/** Implementation of the client; not an API, it may change in any release. */
package io.parley.client.internal;
