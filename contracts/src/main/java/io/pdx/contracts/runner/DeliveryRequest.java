package io.pdx.contracts.runner;

/**
 * sandbox-runner {@code POST /internal/v1/deliveries}: stream the licensed columns of a GENERAL
 * dataset of a DELIVERY license (IDENTIFIER columns are never among them).
 *
 * @param limit at most this many rows; null for all
 */
public record DeliveryRequest(SandboxDataset dataset, Long limit) {
}
