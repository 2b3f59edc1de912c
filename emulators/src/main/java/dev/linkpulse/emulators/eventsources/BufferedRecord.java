package dev.linkpulse.emulators.eventsources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A stream record read and kept by the filters, waiting for its batch: its place, arrival and Lambda JSON. */
record BufferedRecord(String sequenceNumber, Instant arrival, ObjectNode json) {}
