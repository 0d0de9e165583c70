package io.pdx.contracts.policy;

/**
 * Input of package {@code pdx.authz}: may the subject call this API operation on this resource.
 * Answer: {@code data.pdx.authz.decision}, an {@link AuthzDecision} with outcome {@code ALLOW},
 * {@code DENY} or {@code DENY_SUBJECT} and whether the subject may read the resource. The
 * operations and the roles and scopes allowed for each are in {@code policy/data.json} under
 * {@code pdx.config.authz.operations} (e.g. {@code license.approve}, {@code job.submit}).
 * Component names are the JSON keys the Rego reads, hence snake_case.
 *
 * @param subject   who calls
 * @param operation operation name, {@code <resource>.<verb>}
 * @param resource  the resource acted on; for a create or list call, what it is created or listed for
 */
public record AuthzInput(Subject subject, String operation, Resource resource) {

    /**
     * @param type         resource kind (informative: {@code license}, {@code dataset}, {@code job}, …)
     * @param id           resource id, or null for a create or list call
     * @param organization the operator organization owning the resource, or null
     * @param department   the provider department owning the resource, or null
     * @param created_by   the user who created the request (four-eyes check), or null
     * @param state        the resource's current state when the operation is a transition of it, or null
     */
    public record Resource(String type, String id, String organization, String department, String created_by,
                           String state) {

        public Resource(String type, String id, String organization, String department, String created_by) {
            this(type, id, organization, department, created_by, null);
        }
    }
}
