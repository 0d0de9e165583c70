package io.pdx.marketplace.sandbox.tables;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.contracts.tables.DeletionReceipt;
import io.pdx.contracts.tables.TableState;
import io.pdx.contracts.tables.TableView;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's own table (自有数据): what marketplace-api knows of it — its name, its inferred then confirmed columns,
 * its size and checksum; the rows are inside the domain (sandbox-runner) and never come back. Its state changes only
 * through a named {@link TableTransition}.
 */
@Entity
@Table(name = "own_table")
public class OwnTable extends StatefulEntity<TableState> {

    @Id
    public UUID id;
    public String organization;
    public String alias;
    @Enumerated(EnumType.STRING)
    private TableState state = TableState.UPLOADED;
    public String format;
    @Column(name = "row_count")
    public long rowCount;
    public long bytes;
    public String sha256;
    @JdbcTypeCode(SqlTypes.JSON)
    public Columns columns;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public DeletionReceipt receipt;
    @Version
    public long version;

    /** A JSON object rather than a top-level array: Hibernate Reactive maps those both ways. */
    public record Columns(List<ColumnSpec> columns) {
    }

    @Override
    public TableState state() {
        return state;
    }

    @Override
    protected void enter(TableState next) {
        state = next;
    }

    @Override
    protected void stamp(Transition<TableState> transition, String actor, OffsetDateTime now) {
        if (transition == TableTransition.CONFIRM) {
            confirmedAt = now;
        }
    }

    @Override
    protected String label() {
        return "Table";
    }

    @Override
    public ProblemException notFound() {
        return new TableProblems.TableNotFound(id);
    }

    @Override
    public List<TableTransition> transitions() {
        return List.of(TableTransition.values());
    }

    @Override
    public AuthzInput.Resource asResource() {
        return resource(id, organization, state);
    }

    /** A table as OPA's authorization reads it. */
    public static AuthzInput.Resource resource(UUID id, String organization, TableState state) {
        return new AuthzInput.Resource("table", id == null ? null : id.toString(), organization, null, null,
                state == null ? null : state.name());
    }

    @Override
    public String auditType() {
        return "own_table";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    /** The alias and checksum; once deleted, the receipt (what was removed) — never a value of the table. */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alias", alias);
        detail.put("sha256", sha256);
        detail.put("rowCount", rowCount);
        detail.put("bytes", bytes);
        if (receipt != null) {
            detail.put("resultsDeleted", receipt.resultsDeleted().stream().map(UUID::toString).toList());
            detail.put("deletedAt", receipt.deletedAt().toString());
        }
        return detail;
    }

    /** The table as a job reads it: its alias and confirmed columns, the file sandbox-runner keeps under its id. */
    public SandboxDataset asDataset() {
        return SandboxDataset.ownTable(alias, columns.columns(), id.toString());
    }

    public TableView toView() {
        return new TableView(id, organization, alias, state, format, rowCount, bytes, sha256, columns.columns(), createdBy,
                createdAt, confirmedAt, receipt);
    }
}
