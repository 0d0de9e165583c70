package io.pdx.marketplace.dcat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.io.nquad.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * A JSON-LD document as Turtle ({@code text/turtle}): its RDF from a JSON-LD 1.1 processor (Titanium's toRdf), written
 * one triple a line. Every N-Triples document is a Turtle document, so any Turtle reader takes it; no serializer of our
 * own decides what the triples are.
 */
final class Turtle {

    static final String MEDIA_TYPE = "text/turtle";

    private Turtle() {
    }

    static String of(ObjectNode jsonLd) {
        try {
            RdfDataset dataset = JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd.toString()))).get();
            StringWriter text = new StringWriter();
            new NQuadsWriter(text).write(dataset);
            return text.toString();
        } catch (JsonLdError | IOException unwritable) {
            throw new IllegalStateException("a DCAT document could not be written as Turtle", unwritable);
        }
    }
}
