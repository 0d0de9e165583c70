package io.pdx.marketplace.dcat;

import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.marketplace.product.GradeRules.GradeRule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The IRIs a DCAT-AP 3 document of PDX uses: the EU controlled vocabularies for access rights and
 * frequency, IANA for the media type, and PDX's own IRIs for taxonomy, departments and divisions.
 */
final class DcatVocabulary {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    static final String ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";
    static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    static final String ARROW_STREAM = "https://www.iana.org/assignments/media-types/application/vnd.apache.arrow.stream";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    /** Open data's download formats (the {@code format} parameter) and their IANA media types. */
    static final java.util.Map<String, String> OPEN_FORMATS = orderedFormats();

    private static java.util.Map<String, String> orderedFormats() {
        java.util.Map<String, String> formats = new java.util.LinkedHashMap<>();
        formats.put("arrow", ARROW_STREAM);
        formats.put("parquet", "https://www.iana.org/assignments/media-types/application/vnd.apache.parquet");
        formats.put("csv", "https://www.iana.org/assignments/media-types/text/csv");
        return java.util.Collections.unmodifiableMap(formats);
    }

    static final String PDX = "https://pdx.example/";
    static final String TAXONOMY = PDX + "taxonomy/";
    static final String DEPARTMENTS = PDX + "departments/";
    static final String DIVISIONS = PDX + "divisions/";

    private DcatVocabulary() {
    }

    /**
     * dct:accessRights from what the policy data says of the grade: a public catalog is PUBLIC,
     * data that may be licensed is RESTRICTED, data never licensed is NON_PUBLIC (with the default
     * grade matrix: GENERAL, IMPORTANT, CORE).
     */
    static String accessRights(GradeRule rule) {
        if (rule.publicCatalog()) {
            return ACCESS_RIGHT + "PUBLIC";
        }
        return ACCESS_RIGHT + (rule.modes().isEmpty() ? "NON_PUBLIC" : "RESTRICTED");
    }

    static String frequency(UpdateFrequency frequency) {
        return FREQUENCY + switch (frequency) {
            case REALTIME -> "UPDATE_CONT";
            case HOURLY -> "HOURLY";
            case DAILY -> "DAILY";
            case WEEKLY -> "WEEKLY";
            case MONTHLY -> "MONTHLY";
            case QUARTERLY -> "QUARTERLY";
            case YEARLY -> "ANNUAL";
            case IRREGULAR -> "IRREG";
        };
    }

    /** A taxonomy code such as 交通/公共交通 as an IRI, each level percent-encoded. */
    static String theme(String categoryCode) {
        return TAXONOMY + Arrays.stream(categoryCode.split("/"))
                .map(level -> URLEncoder.encode(level, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    static String department(String provider) {
        return DEPARTMENTS + URLEncoder.encode(provider, StandardCharsets.UTF_8);
    }

    /** 行政区划代码 (GB/T 2260) as an IRI. */
    static String division(String code) {
        return DIVISIONS + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
