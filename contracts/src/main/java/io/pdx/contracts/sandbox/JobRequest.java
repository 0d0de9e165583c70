package io.pdx.contracts.sandbox;

import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/sandbox/jobs}: either {@code sql} over the aliases of the licensed datasets,
 * or a {@code templateId} with its {@code params}.
 *
 * @param epsilon the ε to spend on a noised result (IMPORTANT data); null spends the grade's ε per query
 */
public record JobRequest(UUID licenseId, String sql, String templateId, Map<String, String> params, Double epsilon) {
}
