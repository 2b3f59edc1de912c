/**
 * The wire layer every JSON-protocol emulator shares: {@link AwsJsonServer} speaks AWS's JSON 1.0/1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: Prefix.Operation}, errors as {@code {"__type", "message"}}), and
 * {@link AwsAccount} is the one place that names the local account and region.
 */
package dev.linkpulse.emulators.protocol;
