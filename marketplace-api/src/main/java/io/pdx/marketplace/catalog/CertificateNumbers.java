package io.pdx.marketplace.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Year;

/** 登记编号: PDX-{行政区划代码}-{year}-{six-digit sequence}; unique by a database sequence and constraint. */
public final class CertificateNumbers {

    private CertificateNumbers() {
    }

    public static Uni<String> next(String divisionCode) {
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("select nextval('certificate_seq')", Long.class).getSingleResult())
                .map(sequence -> String.format("PDX-%s-%d-%06d", divisionCode, Year.now().getValue(), sequence));
    }
}
