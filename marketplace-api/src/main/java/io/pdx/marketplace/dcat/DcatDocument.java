package io.pdx.marketplace.dcat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.Openness;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.product.GradeRules.GradeRule;
import io.pdx.marketplace.product.Product;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import static io.pdx.marketplace.dcat.DcatVocabulary.ARROW_STREAM;

/**
 * A dataset as a DCAT-AP 3 {@code dcat:Dataset} in JSON-LD (compacted with the prefixes of its
 * {@code @context}): titles in Chinese and English, theme from the taxonomy, access rights from
 * the grade, publisher, temporal and spatial coverage, accrual periodicity, and one
 * {@code dcat:Distribution} per data product (Arrow IPC stream), and for open (开放) data one per download format.
 */
final class DcatDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final URI base;

    private DcatDocument(URI base) {
        this.base = base;
    }

    /** @param base the API's base URI, so that the dataset's and products' IRIs can be followed */
    static ObjectNode of(Dataset dataset, Category category, GradeRule grade, List<Product> products, URI base) {
        ObjectNode doc = JSON.objectNode();
        doc.set("@context", context());
        doc.setAll(node(dataset, category, grade, products, base));
        return doc;
    }

    /** The dataset's node without an {@code @context}, for a document that has one (the catalog's pages). */
    static ObjectNode node(Dataset dataset, Category category, GradeRule grade, List<Product> products, URI base) {
        return new DcatDocument(base).dataset(dataset, category, grade, products);
    }

    private ObjectNode dataset(Dataset dataset, Category category, GradeRule grade, List<Product> products) {
        ObjectNode doc = JSON.objectNode();
        doc.put("@id", iri("api/v1/datasets/" + dataset.id));
        doc.put("@type", "dcat:Dataset");
        doc.put("dct:identifier", dataset.id.toString());
        doc.set("dct:title", bilingual(dataset.nameZh, dataset.nameEn));
        // DCAT-AP makes a description mandatory: the title stands for a missing one
        doc.put("dct:description", dataset.description != null && !dataset.description.isBlank() ? dataset.description
                : dataset.nameZh);
        doc.set("dcat:theme", theme(dataset.category, category));
        doc.set("dct:accessRights", typedRef(DcatVocabulary.accessRights(grade), "dct:RightsStatement"));
        doc.set("dct:publisher", publisher(dataset));
        ObjectNode temporal = temporal(dataset);
        if (temporal != null) {
            doc.set("dct:temporal", temporal);
        }
        if (dataset.spatialCoverage != null) {
            doc.set("dct:spatial", JSON.objectNode()
                    .put("@id", DcatVocabulary.division(dataset.spatialCoverage))
                    .put("@type", "dct:Location")
                    .put("skos:notation", dataset.spatialCoverage));
        }
        doc.set("dct:accrualPeriodicity", typedRef(DcatVocabulary.frequency(dataset.updateFrequency), "dct:Frequency"));
        doc.put("dcat:version", String.valueOf(dataset.datasetVersion));
        if (dataset.certificateNo != null) {
            doc.set("adms:identifier", JSON.objectNode()
                    .put("@type", "adms:Identifier")
                    .put("skos:notation", dataset.certificateNo));
        }
        if (dataset.registeredAt != null) {
            doc.set("dct:issued", dateTime(dataset.registeredAt));
        }
        if (dataset.updatedAt != null) {
            doc.set("dct:modified", dateTime(dataset.updatedAt));
        }
        ArrayNode distributions = doc.putArray("dcat:distribution");
        products.forEach(product -> distributions.add(distribution(product)));
        if (openData(dataset)) {
            DcatVocabulary.OPEN_FORMATS.forEach((format, mediaType) -> distributions.add(openDistribution(dataset, format, mediaType)));
        }
        return doc;
    }

    /** Open (开放) general data: downloaded by anyone at {@code /api/v1/open/datasets/{id}/data}. */
    static boolean openData(Dataset dataset) {
        return dataset.openness == Openness.OPEN && dataset.grade == Grade.GENERAL;
    }

    private ObjectNode openDistribution(Dataset dataset, String format, String mediaType) {
        String download = iri("api/v1/open/datasets/" + dataset.id + "/data?format=" + format);
        ObjectNode distribution = JSON.objectNode()
                .put("@id", iri("api/v1/datasets/" + dataset.id) + "#open-data-" + format)
                .put("@type", "dcat:Distribution")
                .put("dct:identifier", dataset.id + "/" + format);
        distribution.set("dct:title", bilingual("开放数据下载（" + format + "）", "Open data download (" + format + ")"));
        distribution.set("dcat:accessURL", typedRef(download, "rdfs:Resource"));
        distribution.set("dcat:downloadURL", typedRef(download, "rdfs:Resource"));
        distribution.set("dcat:mediaType", typedRef(mediaType, "dct:MediaType"));
        distribution.set("dct:format", typedRef(mediaType, "dct:MediaTypeOrExtent"));
        distribution.set("dct:rights", typedRef(DcatVocabulary.ACCESS_RIGHT + "PUBLIC", "dct:RightsStatement"));
        return distribution;
    }

    private static ObjectNode typedRef(String iri, String type) {
        return JSON.objectNode().put("@id", iri).put("@type", type);
    }

    static ObjectNode context() {
        return JSON.objectNode()
                .put("dcat", DcatVocabulary.DCAT)
                .put("dct", DcatVocabulary.DCT)
                .put("foaf", DcatVocabulary.FOAF)
                .put("xsd", DcatVocabulary.XSD)
                .put("skos", DcatVocabulary.SKOS)
                .put("adms", DcatVocabulary.ADMS)
                .put("rdfs", DcatVocabulary.RDFS);
    }

    private static ObjectNode theme(String code, Category category) {
        ObjectNode theme = JSON.objectNode()
                .put("@id", DcatVocabulary.theme(code))
                .put("@type", "skos:Concept")
                .put("skos:notation", code);
        if (category != null) {
            theme.set("skos:prefLabel", bilingual(category.nameZh, category.nameEn));
        }
        return theme;
    }

    private static ObjectNode publisher(Dataset dataset) {
        ObjectNode publisher = JSON.objectNode()
                .put("@id", DcatVocabulary.department(dataset.provider))
                .put("@type", "foaf:Agent");
        publisher.set("foaf:name", literal(dataset.providerName, "zh"));
        return publisher;
    }

    private static ObjectNode temporal(Dataset dataset) {
        if (dataset.timeCoverageStart == null && dataset.timeCoverageEnd == null) {
            return null;
        }
        ObjectNode period = JSON.objectNode().put("@type", "dct:PeriodOfTime");
        if (dataset.timeCoverageStart != null) {
            period.set("dcat:startDate", typed(dataset.timeCoverageStart.toString(), "xsd:date"));
        }
        if (dataset.timeCoverageEnd != null) {
            period.set("dcat:endDate", typed(dataset.timeCoverageEnd.toString(), "xsd:date"));
        }
        return period;
    }

    private ObjectNode distribution(Product product) {
        String access = iri("api/v1/products/" + product.id);
        ObjectNode distribution = JSON.objectNode()
                .put("@id", access)
                .put("@type", "dcat:Distribution")
                .put("dct:identifier", product.id.toString());
        distribution.set("dct:title", bilingual(product.nameZh, product.nameEn));
        distribution.set("dcat:accessURL", typedRef(access, "rdfs:Resource"));
        distribution.set("dcat:mediaType", typedRef(ARROW_STREAM, "dct:MediaType"));
        distribution.set("dct:format", JSON.objectNode().put("@id", ARROW_STREAM)
                .set("@type", JSON.arrayNode().add("dct:MediaType").add("dct:MediaTypeOrExtent")));
        return distribution;
    }

    private String iri(String path) {
        return base.resolve(path).toString();
    }

    private static ArrayNode bilingual(String zh, String en) {
        return JSON.arrayNode().add(literal(zh, "zh")).add(literal(en, "en"));
    }

    private static ObjectNode literal(String value, String language) {
        return JSON.objectNode().put("@value", value).put("@language", language);
    }

    private static ObjectNode typed(String value, String type) {
        return JSON.objectNode().put("@value", value).put("@type", type);
    }

    private static ObjectNode dateTime(OffsetDateTime time) {
        return typed(time.toString(), "xsd:dateTime");
    }

    private static ObjectNode ref(String iri) {
        return JSON.objectNode().put("@id", iri);
    }
}
