package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.Page;
import io.pdx.contracts.product.ProductView;
import io.pdx.marketplace.catalog.CatalogView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Products whose dataset the caller may see, selected in the database: the WHERE clause says in
 * HQL what {@link CatalogView#shows} says in Java, so a page holds only visible products and the
 * total counts only them. Nothing is filtered in memory.
 */
final class VisibleProducts {

    private static final String FROM = "from Product p join Dataset d on d.id = p.datasetId where ";

    private VisibleProducts() {
    }

    static Uni<Page<ProductView>> page(CatalogView view, Subject subject, UUID datasetId, int page, int size) {
        Visibility visibility = Visibility.of(view, subject);
        String where = visibility.where + (datasetId == null ? "" : " and p.datasetId = :datasetId");
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> items = query(session, where + " order by p.createdAt desc, p.id", visibility,
                    datasetId).setFirstResult(page * size).setMaxResults(size);
            return items.getResultList().flatMap(rows -> query(session, where, visibility, datasetId).getResultCount()
                    .map(total -> new Page<>(rows.stream().map(VisibleProducts::toView).toList(), total, page, size)));
        });
    }

    /** The product, or null when there is none or its dataset is not visible to the caller. */
    static Uni<ProductView> one(CatalogView view, Subject subject, UUID productId) {
        Visibility visibility = Visibility.of(view, subject);
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(
                    "select p, d.grade, d.provider " + FROM + visibility.where + " and p.id = :productId", Object[].class);
            visibility.params.forEach(query::setParameter);
            return query.setParameter("productId", productId).getSingleResultOrNull();
        }).map(row -> row == null ? null : toView(row));
    }

    private static Mutiny.SelectionQuery<Object[]> query(Mutiny.Session session, String where, Visibility visibility,
                                                        UUID datasetId) {
        Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery("select p, d.grade, d.provider " + FROM + where,
                Object[].class);
        visibility.params.forEach(query::setParameter);
        if (datasetId != null) {
            query.setParameter("datasetId", datasetId);
        }
        return query;
    }

    private static ProductView toView(Object[] row) {
        return ((Product) row[0]).toView((Grade) row[1], (String) row[2]);
    }

    /** The visibility of a product's dataset {@code d} as an HQL condition and its parameters. */
    private record Visibility(String where, Map<String, Object> params) {

        static Visibility of(CatalogView view, Subject subject) {
            List<String> anyOf = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (!view.visibleGrades().isEmpty()) {
                params.put("grades", view.visibleGrades());
                if (view.allStatusesVisible()) {
                    anyOf.add("d.grade in :grades");
                } else {
                    // listed to operators and the public only with the holding department's consent
                    anyOf.add("(d.grade in :grades and d.status = :registered and p.consentGivenAt is not null)");
                    params.put("registered", RegistrationStatus.REGISTERED);
                }
            }
            if (view.ownDepartmentVisible() && subject.department() != null) {
                anyOf.add("d.provider = :department");
                params.put("department", subject.department());
            }
            return new Visibility(anyOf.isEmpty() ? "(1 = 0)" : "(" + String.join(" or ", anyOf) + ")", params);
        }
    }
}
