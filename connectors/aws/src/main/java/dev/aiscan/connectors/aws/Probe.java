package dev.aiscan.connectors.aws;

import java.util.function.Consumer;

/**
 * One service's walk of one region: lists what the service holds and emits facts. Probes of a
 * region run in parallel; each guards its calls with {@link RegionScan#call}.
 *
 * @param service short name, for progress and warnings
 * @param walk the walk
 */
record Probe(String service, Consumer<RegionScan> walk) {}
