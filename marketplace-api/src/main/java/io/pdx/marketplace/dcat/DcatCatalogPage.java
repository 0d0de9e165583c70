package io.pdx.marketplace.dcat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.product.GradeRules.GradeRule;
import io.pdx.marketplace.product.Product;

import java.net.URI;
import java.util.List;

/**
 * One page of the public catalog as a DCAT-AP 3 {@code dcat:Catalog} in JSON-LD: the catalog (titles, description,
 * publisher: the data bureau, homepage, theme taxonomy) with this page's datasets, and the page itself as a
 * {@code hydra:PagedCollection} (first, previous, next and last page, items per page, total items) — the paging
 * DCAT-AP recommends to harvesters.
 */
final class DcatCatalogPage {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A dataset of the page with what its node needs. */
    record Entry(Dataset dataset, Category category, GradeRule grade, List<Product> products) {
    }

    /** Where the pages are and how they are asked for. */
    record Paging(URI base, String path, int page, int size, long total, String format) {

        int lastPage() {
            return total == 0 ? 0 : (int) ((total - 1) / size);
        }

        String iri(int number) {
            return base.resolve(path).toString() + "?page=" + number + "&size=" + size
                    + (format == null ? "" : "&format=" + format);
        }
    }

    private DcatCatalogPage() {
    }

    static ObjectNode of(List<Entry> entries, Paging paging) {
        ObjectNode context = DcatDocument.context().put("hydra", DcatVocabulary.HYDRA);
        ObjectNode doc = JSON.objectNode();
        doc.set("@context", context);
        ArrayNode graph = doc.putArray("@graph");

        ObjectNode catalog = graph.addObject();
        catalog.put("@id", paging.base().resolve(paging.path()).toString());
        catalog.put("@type", "dcat:Catalog");
        catalog.set("dct:title", bilingual("公共数据开放目录", "Public data catalog"));
        catalog.set("dct:description", bilingual(
                "数据局公共数据资源目录中向社会公开的条目：一般数据的登记信息、数据产品与开放数据下载。",
                "The public entries of the data bureau's catalog of public data: registered general data, "
                        + "its data products and open-data downloads."));
        ObjectNode publisher = catalog.putObject("dct:publisher")
                .put("@id", DcatVocabulary.PDX + "bureau")
                .put("@type", "foaf:Agent");
        publisher.set("foaf:name", bilingual("数据局", "Data bureau"));
        catalog.putObject("foaf:homepage").put("@id", paging.base().toString()).put("@type", "foaf:Document");
        catalog.putObject("dcat:themeTaxonomy").put("@id", DcatVocabulary.TAXONOMY).put("@type", "skos:ConceptScheme")
                .set("dct:title", bilingual("数据资源分类", "Data taxonomy"));
        ArrayNode datasets = catalog.putArray("dcat:dataset");
        entries.forEach(entry -> datasets.add(DcatDocument.node(entry.dataset(), entry.category(), entry.grade(),
                entry.products(), paging.base())));

        ObjectNode page = graph.addObject();
        page.put("@id", paging.iri(paging.page()));
        page.put("@type", "hydra:PagedCollection");
        page.set("hydra:totalItems", integer(paging.total()));
        page.set("hydra:itemsPerPage", integer(paging.size()));
        page.putObject("hydra:firstPage").put("@id", paging.iri(0));
        page.putObject("hydra:lastPage").put("@id", paging.iri(paging.lastPage()));
        if (paging.page() > 0) {
            page.putObject("hydra:previousPage").put("@id", paging.iri(Math.min(paging.page(), paging.lastPage() + 1) - 1));
        }
        if (paging.page() < paging.lastPage()) {
            page.putObject("hydra:nextPage").put("@id", paging.iri(paging.page() + 1));
        }
        return doc;
    }

    private static ObjectNode integer(long value) {
        return JSON.objectNode().put("@value", value).put("@type", "xsd:nonNegativeInteger");
    }

    private static ArrayNode bilingual(String zh, String en) {
        return JSON.arrayNode()
                .add(JSON.objectNode().put("@value", zh).put("@language", "zh"))
                .add(JSON.objectNode().put("@value", en).put("@language", "en"));
    }
}
