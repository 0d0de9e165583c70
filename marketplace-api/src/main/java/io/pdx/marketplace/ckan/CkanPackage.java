package io.pdx.marketplace.ckan;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.catalog.Openness;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog entry as a CKAN package dict (what {@code package_show} and {@code package_search} return): name and id
 * the dataset's id, title and notes, the providing department as its organization, its category as its one group,
 * PDX's attributes as extras, and for open (开放) data one resource per download format.
 */
final class CkanPackage {

    /** CKAN's timestamps: ISO 8601 in UTC without an offset, microseconds. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    /** Open data's formats as CKAN names them, with the {@code format} parameter and media type of each. */
    static final List<List<String>> FORMATS = List.of(
            List.of("Arrow", "arrow", "application/vnd.apache.arrow.stream"),
            List.of("Parquet", "parquet", "application/vnd.apache.parquet"),
            List.of("CSV", "csv", "text/csv"));

    private CkanPackage() {
    }

    static boolean open(DatasetSummary dataset) {
        return dataset.openness() == Openness.OPEN && dataset.grade() == Grade.GENERAL;
    }

    static Map<String, Object> of(DatasetSummary dataset, URI base) {
        String id = dataset.id().toString();
        boolean open = open(dataset);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("id", id);
        pkg.put("name", id);
        pkg.put("title", dataset.nameZh());
        pkg.put("notes", dataset.description() == null ? "" : dataset.description());
        pkg.put("type", "dataset");
        pkg.put("state", "active");
        pkg.put("private", false);
        pkg.put("metadata_created", timestamp(dataset.createdAt()));
        pkg.put("metadata_modified", timestamp(dataset.updatedAt() != null ? dataset.updatedAt() : dataset.createdAt()));
        pkg.put("version", String.valueOf(dataset.datasetVersion()));
        pkg.put("url", base.resolve("api/v1/datasets/" + id).toString());
        pkg.put("isopen", open);
        pkg.put("license_id", open ? "other-open" : "other-closed");
        pkg.put("license_title", open ? "开放数据 / Open data" : "授权运营 / Authorized use only");
        pkg.put("author", dataset.providerName());
        pkg.put("maintainer", dataset.providerName());
        pkg.put("owner_org", dataset.provider());
        pkg.put("organization", organization(dataset.provider(), dataset.providerName(), null));
        pkg.put("groups", List.of(group(dataset.category(), null, null)));
        pkg.put("tags", List.of());
        pkg.put("num_tags", 0);
        List<Map<String, Object>> resources = new ArrayList<>();
        if (open) {
            for (List<String> format : FORMATS) {
                Map<String, Object> resource = new LinkedHashMap<>();
                resource.put("id", id + "-" + format.get(1));
                resource.put("package_id", id);
                resource.put("name", "开放数据下载（" + format.get(0) + "） / Open data download (" + format.get(0) + ")");
                resource.put("description", "");
                resource.put("url", base.resolve("api/v1/open/datasets/" + id + "/data?format=" + format.get(1)).toString());
                resource.put("format", format.get(0));
                resource.put("mimetype", format.get(2));
                resource.put("state", "active");
                resource.put("position", resources.size());
                resources.add(resource);
            }
        }
        pkg.put("resources", resources);
        pkg.put("num_resources", resources.size());
        List<Map<String, String>> extras = new ArrayList<>();
        extra(extras, "title_en", dataset.nameEn());
        extra(extras, "grade", dataset.grade().name());
        extra(extras, "openness", dataset.openness() == null ? null : dataset.openness().name());
        extra(extras, "sharing_type", dataset.sharingType() == null ? null : dataset.sharingType().name());
        extra(extras, "update_frequency", dataset.updateFrequency() == null ? null : dataset.updateFrequency().name());
        extra(extras, "spatial_coverage", dataset.spatialCoverage());
        extra(extras, "certificate_no", dataset.certificateNo());
        extra(extras, "dcat", base.resolve("api/v1/datasets/" + id + "/dcat").toString());
        pkg.put("extras", extras);
        return pkg;
    }

    /** An organization dict: a providing department (数源单位); {@code packageCount} null leaves it out. */
    static Map<String, Object> organization(String provider, String title, Long packageCount) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", provider);
        organization.put("name", provider);
        organization.put("title", title);
        organization.put("display_name", title);
        organization.put("description", "");
        organization.put("image_url", "");
        organization.put("type", "organization");
        organization.put("is_organization", true);
        organization.put("state", "active");
        organization.put("approval_status", "approved");
        if (packageCount != null) {
            organization.put("package_count", packageCount);
        }
        return organization;
    }

    /** A group dict: a category of the taxonomy; a null title is the code, a null count left out. */
    static Map<String, Object> group(String code, String title, Long packageCount) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", code);
        group.put("name", code);
        group.put("title", title == null ? code : title);
        group.put("display_name", title == null ? code : title);
        group.put("description", "");
        group.put("image_url", "");
        group.put("type", "group");
        group.put("is_organization", false);
        group.put("state", "active");
        group.put("approval_status", "approved");
        if (packageCount != null) {
            group.put("package_count", packageCount);
        }
        return group;
    }

    private static void extra(List<Map<String, String>> extras, String key, String value) {
        if (value != null) {
            extras.add(Map.of("key", key, "value", value));
        }
    }

    static String timestamp(OffsetDateTime time) {
        return time == null ? null : TIMESTAMP.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
