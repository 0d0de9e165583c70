package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.ServiceEventKind;

import java.util.UUID;

/**
 * A service event a caller may rate: its kind and id, and the organization or department of the person served (which
 * OPA's scopes read on the case it may open).
 */
record ServiceEvent(ServiceEventKind kind, UUID id, String organization, String department) {
}
